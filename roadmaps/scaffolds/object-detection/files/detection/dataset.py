"""Detection data sets in torchvision's format: (image tensor, {"boxes": (N, 4), "labels": (N,)}).

- ``VOCDetectionFolder`` reads images + Pascal VOC XML files, the format of the Kaggle
  face-mask data set (classes with_mask / without_mask / mask_weared_incorrect) and of most
  labelling tools (LabelImg, CVAT export).
- ``SyntheticBoxes`` draws coloured squares, so training can be smoke-tested offline.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import cv2
import numpy as np
import torch
from torch.utils.data import Dataset

from .models import CUSTOM_CLASSES

Target = dict[str, torch.Tensor]


def to_tensor(image_bgr: np.ndarray) -> torch.Tensor:
    """BGR uint8 (H, W, 3) -> RGB float (3, H, W) in [0, 1], what torchvision detectors take."""
    rgb = cv2.cvtColor(image_bgr, cv2.COLOR_BGR2RGB)
    return torch.from_numpy(rgb).permute(2, 0, 1).float() / 255.0


def parse_voc_xml(path: str | Path, class_names: list[str] = CUSTOM_CLASSES) -> tuple[str, Target]:
    """Return (image file name, target) from one VOC annotation; unknown classes are skipped."""
    root = ET.parse(path).getroot()
    boxes, labels = [], []
    for obj in root.iter("object"):
        name = obj.findtext("name", "").strip()
        if name not in class_names:
            continue
        bb = obj.find("bndbox")
        box = [float(bb.findtext(k)) for k in ("xmin", "ymin", "xmax", "ymax")]
        if box[2] > box[0] and box[3] > box[1]:
            boxes.append(box)
            labels.append(class_names.index(name))
    target = {
        "boxes": torch.tensor(boxes, dtype=torch.float32).reshape(-1, 4),
        "labels": torch.tensor(labels, dtype=torch.int64),
    }
    return root.findtext("filename", ""), target


class VOCDetectionFolder(Dataset):
    """``root/images/*.png|jpg`` with matching ``root/annotations/*.xml``."""

    def __init__(self, root: str | Path, class_names: list[str] = CUSTOM_CLASSES) -> None:
        self.root = Path(root)
        self.class_names = class_names
        self.xml_files = sorted((self.root / "annotations").glob("*.xml"))
        if not self.xml_files:
            raise FileNotFoundError(f"no XML annotations under {self.root / 'annotations'}")

    def __len__(self) -> int:
        return len(self.xml_files)

    def __getitem__(self, idx: int) -> tuple[torch.Tensor, Target]:
        filename, target = parse_voc_xml(self.xml_files[idx], self.class_names)
        image_path = self.root / "images" / (filename or self.xml_files[idx].with_suffix(".png").name)
        image = cv2.imread(str(image_path))
        if image is None:
            raise FileNotFoundError(image_path)
        # TODO: augmentation for detection must move the boxes too: write hflip (below) and
        #       apply it at random, for training only: give this class `train=False` and `seed=0`
        #       arguments; with train=True each access flips with probability 0.5, drawn from
        #       np.random.default_rng(seed). fit() then flips its training images only.
        return to_tensor(image), target


def hflip(image_bgr: np.ndarray, boxes: torch.Tensor) -> tuple[np.ndarray, torch.Tensor]:
    """Mirror the image left-right and move its (N, 4) x1, y1, x2, y2 boxes with it: for an image of
    width W, x1, x2 become W - x2, W - x1. Returns new arrays; the inputs are left unchanged."""
    raise NotImplementedError("hflip: flip the image and move the boxes the same way")


class SyntheticBoxes(Dataset):
    """Squares on noise: class 1 is red, class 2 is blue (stand-ins for with/without mask)."""

    def __init__(self, n: int = 32, size: int = 160, max_objects: int = 3, seed: int = 0) -> None:
        self.n, self.size, self.max_objects, self.seed = n, size, max_objects, seed

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, idx: int) -> tuple[torch.Tensor, Target]:
        rng = np.random.default_rng(self.seed * 100_003 + idx)
        s = self.size
        image = rng.integers(0, 60, size=(s, s, 3), dtype=np.uint8)
        boxes, labels = [], []
        for _ in range(rng.integers(1, self.max_objects + 1)):
            w = int(rng.integers(s // 6, s // 3))
            x, y = (int(v) for v in rng.integers(0, s - w, size=2))
            label = int(rng.integers(1, 3))
            colour = (40, 40, 230) if label == 1 else (230, 80, 40)        # BGR
            cv2.rectangle(image, (x, y), (x + w, y + w), colour, -1)
            boxes.append([x, y, x + w, y + w])
            labels.append(label)
        return to_tensor(image), {
            "boxes": torch.tensor(boxes, dtype=torch.float32),
            "labels": torch.tensor(labels, dtype=torch.int64),
        }


def collate(batch: list) -> tuple[list[torch.Tensor], list[Target]]:
    """Detection batches are lists: images can differ in size and box counts vary."""
    images, targets = zip(*batch)
    return list(images), list(targets)
