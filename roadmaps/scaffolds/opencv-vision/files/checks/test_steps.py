"""Checks for the steps in README.md: each fails with a hint until its step is done.
Run with: pytest checks   (synthetic images only: no files, no camera)"""
from __future__ import annotations

import cv2
import numpy as np
import pytest

from cvbasics import basics, features, preprocess, tracker

STARTER_GAPS = (NotImplementedError, AttributeError, TypeError, ImportError)


def _fail(hint: str, err: Exception | None = None) -> None:
    detail = f"\n({type(err).__name__}: {err})" if err is not None else ""
    pytest.fail(hint + detail, pytrace=False)


def _call(hint: str, fn, *args, **kwargs):
    """Run the learner's code; a missing or unfinished piece fails with the hint, not a traceback."""
    try:
        return fn(*args, **kwargs)
    except STARTER_GAPS as err:
        gap = err
    _fail(hint, gap)  # outside the except block, so the hint is not shown after the original error


def test_split_channels():
    hint = "Step 1: write split_channels in basics.py: the B, G and R planes side by side as one (H, 3*W) grey image."
    img = np.zeros((4, 5, 3), np.uint8)
    img[..., 0], img[..., 1], img[..., 2] = 10, 20, 30
    img[0, 0] = (200, 100, 50)
    out = _call(hint, basics.split_channels, img)
    if out.shape != (4, 15):
        _fail(f"{hint}\nFor a 4x5 colour image the result has shape {out.shape}; expected (4, 15).")
    if not (out[:, :5] == img[..., 0]).all() or not (out[:, 5:10] == img[..., 1]).all() or not (out[:, 10:] == img[..., 2]).all():
        _fail(f"{hint}\nThe planes should appear in B, G, R order from left to right.")


def test_green_circle_mask():
    hint = ("Step 1: set GREEN_LOWER and GREEN_UPPER in basics.py to the HSV range that picks out only the green "
            "circle of make_sample_image() with mask_color_range.")
    img = basics.make_sample_image()
    mask = basics.mask_color_range(img, basics.GREEN_LOWER, basics.GREEN_UPPER) > 0
    h, w = img.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w]
    distance = np.hypot(xx - (w - 80), yy - 80)
    inside, outside = distance <= 40, distance >= 50           # a margin for the anti-aliased edge
    if mask[inside].mean() < 0.95:
        _fail(f"{hint}\nOnly {mask[inside].mean():.0%} of the circle is in the mask.")
    if mask[outside].mean() > 0.01:
        _fail(f"{hint}\n{mask[outside].mean():.0%} of the pixels outside the circle are in the mask too.")


def _shapes_image() -> np.ndarray:
    img = np.zeros((200, 420, 3), np.uint8)
    cv2.fillPoly(img, [np.array([[30, 170], [80, 40], [130, 170]], np.int32)], (255, 255, 255))   # triangle
    cv2.rectangle(img, (160, 50), (260, 150), (255, 255, 255), -1)                                # square
    cv2.circle(img, (340, 100), 55, (255, 255, 255), -1)                                          # circle
    return img


def test_shape_names():
    hint = ("Step 2: write shape_name in features.py: \"triangle\", \"square\", \"rectangle\" or \"circle\" from a "
            "contour's vertices and bounding-box aspect ratio.")
    infos = features.find_contours(features.threshold(_shapes_image(), "binary"), min_area=500)
    by_x = sorted(infos, key=lambda info: info.centroid[0])
    names = [_call(hint, features.shape_name, info) for info in by_x]
    if names != ["triangle", "square", "circle"]:
        _fail(f"{hint}\nA triangle, a square and a circle (left to right) were named {names}.")
    wide = np.zeros((120, 300, 3), np.uint8)
    cv2.rectangle(wide, (20, 30), (260, 90), (255, 255, 255), -1)
    (info,) = features.find_contours(features.threshold(wide, "binary"), min_area=500)
    if features.shape_name(info) != "rectangle":
        _fail(f"{hint}\nA 240x60 rectangle was named {features.shape_name(info)!r}: use the aspect ratio.")


def test_ratio_test_matching():
    hint = ("Step 2: write match_orb_ratio in features.py: BFMatcher.knnMatch(k=2) and keep a match only when it "
            "is clearly better (ratio) than the second-best candidate.")
    img = basics.make_sample_image()
    h, w = img.shape[:2]
    rotated = cv2.warpAffine(img, cv2.getRotationMatrix2D((w / 2, h / 2), 10, 1.0), (w, h))
    noise = (np.random.default_rng(0).random(img.shape) * 255).astype(np.uint8)
    same = _call(hint, features.match_orb_ratio, img, rotated)
    if len(same) < 10 or not all(isinstance(m, cv2.DMatch) for m in same):
        _fail(f"{hint}\nThe sample image and a 10-degree rotation of it gave {len(same)} good matches; expected at least 10 cv2.DMatch.")
    strict = features.match_orb_ratio(img, rotated, ratio=0.5)
    loose = features.match_orb_ratio(img, rotated, ratio=0.9)
    if not len(strict) <= len(same) <= len(loose) or len(strict) == len(loose):
        _fail(f"{hint}\nA smaller ratio should keep fewer matches: ratio 0.5 -> {len(strict)}, 0.75 -> {len(same)}, "
              f"0.9 -> {len(loose)}.")
    if len(features.match_orb_ratio(img, noise)) >= len(same):
        _fail(f"{hint}\nAn unrelated noise image should give fewer good matches than a rotated copy.")


def test_augment():
    hint = ("Step 3: write augment(img, rng) in preprocess.py: a random horizontal flip, a small rotation and "
            "brightness jitter, same shape and dtype, reproducible with the same seed.")
    img = basics.make_sample_image(160, 120)
    first = _call(hint, preprocess.augment, img, np.random.default_rng(7))
    if first.shape != img.shape or first.dtype != np.uint8:
        _fail(f"{hint}\nThe result has shape {first.shape} and dtype {first.dtype}; expected {img.shape} and uint8.")
    if not np.array_equal(first, preprocess.augment(img, np.random.default_rng(7))):
        _fail(f"{hint}\nTwo calls with the same seed gave different images: draw every random choice from rng.")
    outputs = [preprocess.augment(img, np.random.default_rng(seed)) for seed in range(12)]
    if all(np.array_equal(out, img) for out in outputs):
        _fail(f"{hint}\nTwelve seeds never changed the image.")
    brightness = {round(float(out.mean()), 1) for out in outputs}
    if len(brightness) < 3:
        _fail(f"{hint}\nThe brightness hardly varies between seeds: add brightness jitter.")
    flipped_left = [np.corrcoef(out[..., 2].ravel(), img[:, ::-1, 2].ravel())[0, 1] for out in outputs]
    if max(flipped_left) < 0.4:
        _fail(f"{hint}\nNone of twelve seeds gave a horizontally flipped image.")


def test_line_crossing_counter():
    hint = ("Step 4: write LineCounter.update in tracker.py: compare each id's centroid with its previous one and "
            "count a crossing of y = line_y as down (y grows) or up.")
    counter = tracker.LineCounter(line_y=100)
    frames = [
        {0: np.array([50.0, 90.0]), 1: np.array([80.0, 130.0]), 2: np.array([10.0, 150.0])},
        {0: np.array([50.0, 98.0]), 1: np.array([80.0, 110.0]), 2: np.array([10.0, 140.0])},
        {0: np.array([50.0, 104.0]), 1: np.array([80.0, 95.0]), 2: np.array([10.0, 130.0]), 3: np.array([5.0, 120.0])},
        {0: np.array([50.0, 120.0]), 1: np.array([80.0, 80.0]), 2: np.array([10.0, 125.0]), 3: np.array([5.0, 90.0])},
    ]
    crossings = [_call(hint, counter.update, objects) for objects in frames]
    if crossings != [0, 0, 2, 1] or (counter.down, counter.up) != (1, 2):
        _fail(f"{hint}\nFor one object moving down across y=100, two moving up and one staying below, update() "
              f"returned {crossings} with down={counter.down}, up={counter.up}; expected [0, 0, 2, 1], down=1, up=2.")
