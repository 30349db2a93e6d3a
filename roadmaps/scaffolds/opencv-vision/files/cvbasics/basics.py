"""Image basics: loading (with an offline fallback), resizing, cropping and colour spaces.

Roadmap topics: "OpenCV: read/write images, resize, crop" and "Color space conversions".
"""
from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np


def make_sample_image(width: int = 320, height: int = 240, seed: int = 0) -> np.ndarray:
    """Draw a synthetic BGR test image (shapes + noise) so everything runs without data files."""
    rng = np.random.default_rng(seed)
    img = np.full((height, width, 3), 15, dtype=np.uint8)
    cv2.rectangle(img, (20, 30), (120, 130), (60, 60, 255), thickness=-1)        # red square
    cv2.circle(img, (width - 80, 80), 45, (60, 255, 60), thickness=-1)           # green circle
    pts = np.array([[160, height - 20], [220, height - 110], [280, height - 20]], np.int32)
    cv2.fillPoly(img, [pts], (255, 120, 60))                                    # blue triangle
    cv2.putText(img, "CV", (30, height - 30), cv2.FONT_HERSHEY_SIMPLEX, 1.5, (255, 255, 255), 3)
    noise = rng.normal(0, 8, img.shape)
    return np.clip(img.astype(np.float32) + noise, 0, 255).astype(np.uint8)


def load_image(path: str | Path | None = None) -> np.ndarray:
    """Read an image as BGR uint8. Falls back to :func:`make_sample_image` if no usable path is given."""
    if path is not None:
        img = cv2.imread(str(path), cv2.IMREAD_COLOR)
        if img is not None:
            return img
        print(f"Could not read {path!s}; using a synthetic sample image instead.")
    return make_sample_image()


def save_image(img: np.ndarray, path: str | Path) -> Path:
    """Write an image, creating parent folders. Returns the path written."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not cv2.imwrite(str(path), img):
        raise OSError(f"OpenCV could not write {path}")
    return path


def resize_keep_aspect(img: np.ndarray, max_side: int) -> np.ndarray:
    """Resize so the longer side equals ``max_side``, keeping the aspect ratio."""
    h, w = img.shape[:2]
    scale = max_side / max(h, w)
    new_size = (max(1, round(w * scale)), max(1, round(h * scale)))  # cv2 wants (width, height)
    interp = cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR
    return cv2.resize(img, new_size, interpolation=interp)


def crop(img: np.ndarray, x: int, y: int, w: int, h: int) -> np.ndarray:
    """Crop a region of interest. NumPy indexing is [rows, cols] = [y, x]."""
    return img[y : y + h, x : x + w].copy()


def center_crop(img: np.ndarray, size: int) -> np.ndarray:
    """Crop a ``size`` x ``size`` square from the middle of the image."""
    h, w = img.shape[:2]
    if size > min(h, w):
        raise ValueError(f"crop size {size} is larger than the image ({w}x{h})")
    top, left = (h - size) // 2, (w - size) // 2
    return crop(img, left, top, size, size)


COLOR_CODES = {
    "gray": cv2.COLOR_BGR2GRAY,
    "rgb": cv2.COLOR_BGR2RGB,
    "hsv": cv2.COLOR_BGR2HSV,
    "lab": cv2.COLOR_BGR2LAB,
    "ycrcb": cv2.COLOR_BGR2YCrCb,
}


def convert_color(img: np.ndarray, space: str) -> np.ndarray:
    """Convert a BGR image to another colour space (gray, rgb, hsv, lab, ycrcb)."""
    try:
        return cv2.cvtColor(img, COLOR_CODES[space.lower()])
    except KeyError as err:
        raise ValueError(f"unknown colour space {space!r}; choose from {sorted(COLOR_CODES)}") from err


def mask_color_range(img: np.ndarray, lower_hsv: tuple[int, int, int], upper_hsv: tuple[int, int, int]) -> np.ndarray:
    """Binary mask of pixels whose HSV value lies in [lower, upper] (OpenCV hue runs 0-179)."""
    hsv = cv2.cvtColor(img, cv2.COLOR_BGR2HSV)
    return cv2.inRange(hsv, np.array(lower_hsv, np.uint8), np.array(upper_hsv, np.uint8))


def split_channels(img: np.ndarray) -> np.ndarray:
    """The B, G and R planes of a BGR image side by side as one grey image of shape (H, 3 * W)."""
    # TODO: cv2.split (or NumPy indexing) and np.hstack.
    raise NotImplementedError("split_channels: put the B, G and R planes side by side")


# TODO: find the HSV range that picks out only the green circle of the sample image with
#       `mask_color_range(img, GREEN_LOWER, GREEN_UPPER)`: not the red square, the blue
#       triangle or the white text. (Convert one pixel with cv2.cvtColor to see its HSV.)
GREEN_LOWER: tuple[int, int, int] = (0, 0, 0)
GREEN_UPPER: tuple[int, int, int] = (179, 255, 255)
