"""A synthetic segmentation data set: noisy images of discs and rectangles.

The task is to segment the **discs only** (rectangles are distractors), so the network has to
learn shape, not just "bright pixel". Everything is generated in code, so it runs offline.
"""
from __future__ import annotations

import numpy as np
import torch
from torch.utils.data import Dataset

DEFAULT_SIZE = int("{{imageSize}}")  # chosen when the project was created


def make_sample(size: int = DEFAULT_SIZE, rng: np.random.Generator | None = None,
                max_discs: int = 3, max_rects: int = 2) -> tuple[np.ndarray, np.ndarray]:
    """One (image, mask) pair: image float32 (3, size, size) in [0, 1], mask float32 (1, size, size)."""
    rng = rng or np.random.default_rng()
    yy, xx = np.mgrid[0:size, 0:size]
    image = np.zeros((3, size, size), np.float32) + rng.uniform(0.0, 0.3, size=(3, 1, 1))
    mask = np.zeros((size, size), np.float32)
    for _ in range(rng.integers(0, max_rects + 1)):
        h, w = rng.integers(size // 8, size // 3, size=2)
        y, x = rng.integers(0, size - h), rng.integers(0, size - w)
        image[:, y : y + h, x : x + w] = rng.uniform(0.4, 1.0, size=(3, 1, 1))
    for _ in range(rng.integers(1, max_discs + 1)):
        r = rng.integers(size // 12, size // 5)
        cy, cx = rng.integers(r, size - r, size=2)
        disc = (yy - cy) ** 2 + (xx - cx) ** 2 <= r**2
        image[:, disc] = rng.uniform(0.4, 1.0, size=(3, 1))
        mask[disc] = 1.0
    image += rng.normal(0, 0.05, size=image.shape).astype(np.float32)
    return np.clip(image, 0, 1).astype(np.float32), mask[None]


class ShapesDataset(Dataset):
    """``n`` reproducible synthetic samples (the same ``seed`` gives the same data)."""

    def __init__(self, n: int = 512, size: int = DEFAULT_SIZE, seed: int = 0) -> None:
        rng = np.random.default_rng(seed)
        pairs = [make_sample(size, rng) for _ in range(n)]
        self.images = torch.from_numpy(np.stack([p[0] for p in pairs]))
        self.masks = torch.from_numpy(np.stack([p[1] for p in pairs]))

    def __len__(self) -> int:
        return len(self.images)

    def __getitem__(self, idx: int) -> tuple[torch.Tensor, torch.Tensor]:
        return self.images[idx], self.masks[idx]


# TODO: train on real data. `torchvision.datasets.OxfordIIITPet(root="data", split="trainval",
#       target_types="segmentation", download=True)` gives pet photos with trimaps; resize both to
#       the same size (nearest-neighbour for masks!) and map the trimap to foreground/background.
# TODO: add augmentation applied to image and mask together: write augment_pair (below) and use
#       it for training samples only (fit(augment=True) in train.py).


def augment_pair(image: np.ndarray, mask: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Randomly flip and rotate by a multiple of 90 degrees, the same way for ``image`` (C, H, W) and
    ``mask`` (1, H, W): each of the 8 flips/rotations of a square equally likely. Returns new
    float32 arrays of the same shapes that torch.from_numpy accepts (np.ascontiguousarray)."""
    raise NotImplementedError("augment_pair: flip/rotate the image and its mask together")
