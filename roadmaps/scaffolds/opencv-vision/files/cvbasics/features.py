"""Filters, thresholding, Canny edges, contours and ORB features.

Roadmap topics: "Filters, thresholding, edge detection" and "Contours, ORB/SIFT features".
"""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np


def to_gray(img: np.ndarray) -> np.ndarray:
    return img if img.ndim == 2 else cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)


def blur(img: np.ndarray, kind: str = "gaussian", ksize: int = 5) -> np.ndarray:
    """Smooth an image: 'gaussian', 'median', 'box' or 'bilateral' (edge preserving)."""
    if kind == "gaussian":
        return cv2.GaussianBlur(img, (ksize, ksize), 0)
    if kind == "median":
        return cv2.medianBlur(img, ksize)
    if kind == "box":
        return cv2.blur(img, (ksize, ksize))
    if kind == "bilateral":
        return cv2.bilateralFilter(img, ksize, 75, 75)
    raise ValueError(f"unknown blur kind {kind!r}")


def sharpen(img: np.ndarray) -> np.ndarray:
    """Sharpen with a 3x3 kernel via ``cv2.filter2D`` (any custom kernel works the same way)."""
    kernel = np.array([[0, -1, 0], [-1, 5, -1], [0, -1, 0]], dtype=np.float32)
    return cv2.filter2D(img, -1, kernel)


def threshold(img: np.ndarray, method: str = "otsu", value: int = 127) -> np.ndarray:
    """Binarise: 'binary' (fixed value), 'otsu' (automatic) or 'adaptive' (local mean)."""
    gray = to_gray(img)
    if method == "binary":
        return cv2.threshold(gray, value, 255, cv2.THRESH_BINARY)[1]
    if method == "otsu":
        return cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)[1]
    if method == "adaptive":
        return cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, 11, 2)
    raise ValueError(f"unknown threshold method {method!r}")


def canny(img: np.ndarray, low: int | None = None, high: int | None = None, sigma: float = 0.33) -> np.ndarray:
    """Canny edges. Without thresholds they are chosen around the median intensity ("auto Canny")."""
    gray = cv2.GaussianBlur(to_gray(img), (5, 5), 0)
    if low is None or high is None:
        median = float(np.median(gray))
        low = int(max(0, (1.0 - sigma) * median))
        high = int(min(255, (1.0 + sigma) * median))
        high = max(high, low + 1)
    return cv2.Canny(gray, low, high)


@dataclass
class ContourInfo:
    area: float
    perimeter: float
    bbox: tuple[int, int, int, int]  # x, y, w, h
    centroid: tuple[int, int]
    vertices: int                    # corners of the polygon approximation


def find_contours(binary: np.ndarray, min_area: float = 50.0) -> list[ContourInfo]:
    """External contours of a binary image, largest first, with simple shape measurements."""
    contours, _ = cv2.findContours(binary, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    infos: list[ContourInfo] = []
    for c in contours:
        area = cv2.contourArea(c)
        if area < min_area:
            continue
        m = cv2.moments(c)
        cx, cy = (int(m["m10"] / m["m00"]), int(m["m01"] / m["m00"])) if m["m00"] else (0, 0)
        perimeter = cv2.arcLength(c, True)
        approx = cv2.approxPolyDP(c, 0.02 * perimeter, True)
        infos.append(ContourInfo(area, perimeter, tuple(cv2.boundingRect(c)), (cx, cy), len(approx)))
    return sorted(infos, key=lambda i: i.area, reverse=True)


def draw_contours(img: np.ndarray, infos: list[ContourInfo]) -> np.ndarray:
    out = img.copy()
    for info in infos:
        x, y, w, h = info.bbox
        cv2.rectangle(out, (x, y), (x + w, y + h), (0, 255, 255), 2)
        cv2.circle(out, info.centroid, 3, (0, 0, 255), -1)
        label = str(info.vertices)  # TODO: the shape's name (shape_name) once you have written it
        cv2.putText(out, label, (x, max(0, y - 5)), cv2.FONT_HERSHEY_SIMPLEX, 0.5, (255, 255, 255), 1)
    return out


def orb_features(img: np.ndarray, n_features: int = 500) -> tuple[list[cv2.KeyPoint], np.ndarray | None]:
    """Detect ORB keypoints and binary descriptors (SIFT is similar: ``cv2.SIFT_create()``)."""
    orb = cv2.ORB_create(nfeatures=n_features)
    return orb.detectAndCompute(to_gray(img), None)


def match_orb(img_a: np.ndarray, img_b: np.ndarray, n_features: int = 500) -> list[cv2.DMatch]:
    """Brute-force Hamming matches between two images' ORB descriptors, best first."""
    _, des_a = orb_features(img_a, n_features)
    _, des_b = orb_features(img_b, n_features)
    if des_a is None or des_b is None:
        return []
    matcher = cv2.BFMatcher(cv2.NORM_HAMMING, crossCheck=True)
    return sorted(matcher.match(des_a, des_b), key=lambda m: m.distance)


def shape_name(info: ContourInfo) -> str:
    """"triangle" or a box from the polygon's ``vertices``: with 4, "square" when the bounding box is
    about as wide as tall (aspect ratio within 10 % of 1), else "rectangle". "circle" when the
    bounding box is about as wide as tall and the contour is round: 4π·area / perimeter² (1 for a
    perfect circle, 0.81 for an octagon) above 0.85. "other" otherwise."""
    # TODO: then draw the name instead of the vertex count in draw_contours.
    raise NotImplementedError("shape_name: name the shape from its vertices and aspect ratio")


def match_orb_ratio(img_a: np.ndarray, img_b: np.ndarray, ratio: float = 0.75,
                    n_features: int = 500) -> list[cv2.DMatch]:
    """ORB matches that pass Lowe's ratio test: keep a match only when its distance is below
    ``ratio`` times the distance of the second-best candidate (``BFMatcher.knnMatch(k=2)``).
    Compare how many good matches survive when the second image is rotated or scaled."""
    raise NotImplementedError("match_orb_ratio: knnMatch with k=2 and Lowe's ratio test")
