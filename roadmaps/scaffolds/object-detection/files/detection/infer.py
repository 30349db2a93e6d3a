"""Inference on images and video frames, drawing boxes, and a Haar-cascade quick start."""
from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import torch

from .dataset import to_tensor


@dataclass
class Detection:
    box: tuple[int, int, int, int]  # x1, y1, x2, y2
    label: str
    score: float


@torch.no_grad()
def detect(model: torch.nn.Module, image_bgr: np.ndarray, class_names: list[str],
           score_threshold: float = 0.5) -> list[Detection]:
    """Run a torchvision detector on one BGR image and keep confident detections."""
    model.eval()
    out = model([to_tensor(image_bgr)])[0]
    dets = []
    for box, label, score in zip(out["boxes"], out["labels"], out["scores"]):
        if score >= score_threshold:
            x1, y1, x2, y2 = (int(v) for v in box.round().tolist())
            name = class_names[label] if label < len(class_names) else str(int(label))
            dets.append(Detection((x1, y1, x2, y2), name, float(score)))
    return dets


def _colour(label: str) -> tuple[int, int, int]:
    rng = np.random.default_rng(zlib.crc32(label.encode()))  # same colour for a label every run
    return tuple(int(c) for c in rng.integers(64, 256, size=3))


def draw_detections(image_bgr: np.ndarray, detections: list[Detection]) -> np.ndarray:
    out = image_bgr.copy()
    for d in detections:
        x1, y1, x2, y2 = d.box
        colour = (0, 200, 0) if d.label == "with_mask" else (0, 0, 230) if d.label == "without_mask" else _colour(d.label)
        cv2.rectangle(out, (x1, y1), (x2, y2), colour, 2)
        cv2.putText(out, f"{d.label} {d.score:.2f}", (x1, max(12, y1 - 4)), cv2.FONT_HERSHEY_SIMPLEX, 0.5, colour, 1)
    return out


# ---------------------------------------------------------------- Haar cascades (no training)
def cascade_path(name: str = "haarcascade_frontalface_default.xml") -> str:
    """Path of a cascade bundled with opencv-python (``cv2.data``), or a system copy."""
    candidates = []
    if hasattr(cv2, "data"):
        candidates.append(Path(cv2.data.haarcascades) / name)
    candidates += [Path("/usr/share/opencv4/haarcascades") / name, Path("/usr/share/opencv/haarcascades") / name]
    for path in candidates:
        if path.exists():
            return str(path)
    raise FileNotFoundError(f"cascade {name} not found in {[str(c) for c in candidates]}")


def detect_faces(image_bgr: np.ndarray, cascade: cv2.CascadeClassifier | None = None,
                 min_size: int = 40) -> list[tuple[int, int, int, int]]:
    """Faces as x1, y1, x2, y2 boxes. Fast but fragile: frontal faces only, and masks confuse it."""
    cascade = cascade or cv2.CascadeClassifier(cascade_path())
    gray = cv2.equalizeHist(cv2.cvtColor(image_bgr, cv2.COLOR_BGR2GRAY))
    faces = cascade.detectMultiScale(gray, scaleFactor=1.1, minNeighbors=5, minSize=(min_size, min_size))
    return [(int(x), int(y), int(x + w), int(y + h)) for x, y, w, h in faces]


def face_mask_from_cascade(image_bgr: np.ndarray, classify: Callable[[np.ndarray], tuple[str, float]],
                           cascade: cv2.CascadeClassifier | None = None) -> list[Detection]:
    """Two-stage face-mask detection: Haar finds faces, ``classify(face_crop)`` says mask or not."""
    dets = []
    for x1, y1, x2, y2 in detect_faces(image_bgr, cascade):
        label, score = classify(image_bgr[y1:y2, x1:x2])
        dets.append(Detection((x1, y1, x2, y2), label, score))
    return dets


# TODO: write `classify(face_crop)` for the two-stage pipeline: a small CNN (or a fine-tuned
#       torchvision mobilenet_v3_small) trained on face crops labelled with_mask / without_mask.
#       Note that Haar cascades often miss masked faces: compare with the one-stage Faster R-CNN.


# ---------------------------------------------------------------- video
def synthetic_video(n_frames: int = 30, size: int = 320) -> Iterator[np.ndarray]:
    """Moving coloured squares, used when no webcam or video file is available."""
    for t in range(n_frames):
        frame = np.full((size, size, 3), 30, np.uint8)
        cv2.rectangle(frame, (10 + 4 * t, 60), (70 + 4 * t, 120), (40, 40, 230), -1)
        cv2.rectangle(frame, (200, 10 + 5 * t), (260, 70 + 5 * t), (230, 80, 40), -1)
        yield frame


def video_frames(source: str | int | None, max_frames: int = 300) -> Iterator[np.ndarray]:
    if source is not None and str(source) != "synthetic":
        cap = cv2.VideoCapture(int(source) if str(source).isdigit() else str(source))
        if cap.isOpened():
            try:
                for _ in range(max_frames):
                    ok, frame = cap.read()
                    if not ok:
                        break
                    yield frame
            finally:
                cap.release()
            return
        print(f"Could not open {source!r}; using synthetic frames.")
    yield from synthetic_video(min(max_frames, 60))


def process_video(source: str | int | None, detect_fn: Callable[[np.ndarray], list[Detection]],
                  output: str | Path = "outputs/detections.mp4", max_frames: int = 300,
                  every_n: int = 1) -> int:
    """Detect on every ``every_n``-th frame (reusing the last boxes in between); write an mp4."""
    writer, dets, n = None, [], 0
    for i, frame in enumerate(video_frames(source, max_frames)):
        if i % every_n == 0:
            dets = detect_fn(frame)
        annotated = draw_detections(frame, dets)
        if writer is None:
            Path(output).parent.mkdir(parents=True, exist_ok=True)
            h, w = annotated.shape[:2]
            writer = cv2.VideoWriter(str(output), cv2.VideoWriter_fourcc(*"mp4v"), 15.0, (w, h))
        writer.write(annotated)
        n += 1
    if writer is not None:
        writer.release()
    return n
