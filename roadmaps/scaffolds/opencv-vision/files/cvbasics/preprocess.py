"""Turn arbitrary BGR images into normalised CNN input tensors (as NumPy arrays).

Roadmap project: "Preprocess images for CNN".
"""
from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

from .basics import load_image

DEFAULT_SIZE = int("{{imageSize}}")  # chosen when the project was created
IMAGENET_MEAN = np.array([0.485, 0.456, 0.406], dtype=np.float32)
IMAGENET_STD = np.array([0.229, 0.224, 0.225], dtype=np.float32)


def letterbox(img: np.ndarray, size: int, pad_value: int = 0) -> np.ndarray:
    """Resize keeping the aspect ratio and pad to ``size`` x ``size`` (no distortion)."""
    h, w = img.shape[:2]
    scale = size / max(h, w)
    nw, nh = max(1, round(w * scale)), max(1, round(h * scale))
    resized = cv2.resize(img, (nw, nh), interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR)
    top, left = (size - nh) // 2, (size - nw) // 2
    return cv2.copyMakeBorder(resized, top, size - nh - top, left, size - nw - left,
                              cv2.BORDER_CONSTANT, value=(pad_value,) * 3)


def preprocess_for_cnn(
    img: np.ndarray,
    size: int = DEFAULT_SIZE,
    keep_aspect: bool = True,
    mean: np.ndarray = IMAGENET_MEAN,
    std: np.ndarray = IMAGENET_STD,
) -> np.ndarray:
    """BGR uint8 (H, W, 3) -> float32 (3, size, size), RGB, scaled to [0, 1] then standardised.

    This is the layout PyTorch models expect (channels first); for Keras use ``.transpose(1, 2, 0)``.
    """
    if img.ndim == 2:
        img = cv2.cvtColor(img, cv2.COLOR_GRAY2BGR)
    img = letterbox(img, size) if keep_aspect else cv2.resize(img, (size, size), interpolation=cv2.INTER_AREA)
    rgb = cv2.cvtColor(img, cv2.COLOR_BGR2RGB).astype(np.float32) / 255.0
    rgb = (rgb - mean) / std
    return np.ascontiguousarray(rgb.transpose(2, 0, 1))


def preprocess_batch(paths: list[str | Path], size: int = DEFAULT_SIZE) -> np.ndarray:
    """Load and preprocess many images into one (N, 3, size, size) batch."""
    return np.stack([preprocess_for_cnn(load_image(p), size) for p in paths])


def denormalize(chw: np.ndarray, mean: np.ndarray = IMAGENET_MEAN, std: np.ndarray = IMAGENET_STD) -> np.ndarray:
    """Undo :func:`preprocess_for_cnn` to get a displayable RGB uint8 (H, W, 3) image back."""
    rgb = chw.transpose(1, 2, 0) * std + mean
    return (np.clip(rgb, 0, 1) * 255).astype(np.uint8)


def augment(img: np.ndarray, rng: np.random.Generator, max_angle: float = 15.0, brightness: float = 0.3,
            flip_probability: float = 0.5) -> np.ndarray:
    """Training-time augmentation of a BGR uint8 image, every random choice drawn from ``rng``:

    - a horizontal flip, with probability ``flip_probability``;
    - a rotation about the image centre by a random angle in [-max_angle, max_angle] degrees
      (cv2.getRotationMatrix2D + cv2.warpAffine), without scaling;
    - brightness jitter: every pixel times one random gain in [1 - brightness, 1 + brightness],
      computed in float and clipped to 0..255 (uint8 arithmetic would wrap round past 255).

    Same shape and dtype out, and the image passed in is left unchanged; the same ``rng`` state
    gives the same result. Apply it before `preprocess_for_cnn` when building a training set,
    never to validation images."""
    raise NotImplementedError("augment: random flip, small rotation and brightness jitter")
