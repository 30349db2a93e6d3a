"""Checks for the steps in README.md: each fails with a hint until its step is done.
Run with: pytest checks   (synthetic images only: no files, no camera)"""
from __future__ import annotations

import random
import traceback
from pathlib import Path

import cv2
import numpy as np
import pytest

from cvbasics import basics, features, preprocess, tracker


def _fail(message: str) -> None:
    """Fail with the message (the hint first, then what was seen), without a traceback."""
    pytest.fail(message, pytrace=False)


PROJECT = Path(__file__).resolve().parents[1]


def learner_frame(tb) -> str:
    """The deepest frame of the traceback in the project's own code (not checks/, tests/ or a
    virtual environment), as a traceback line, so the editor can put the failure on that line."""
    where = ""
    for frame, line in traceback.walk_tb(tb):
        path = Path(frame.f_code.co_filename).resolve()
        if PROJECT not in path.parents:
            continue
        parts = path.relative_to(PROJECT).parts
        if parts[0] in ("checks", "tests") or parts[0].startswith(".") or "site-packages" in parts:
            continue
        where = f'\n  File "{path.relative_to(PROJECT).as_posix()}", line {line}, in {frame.f_code.co_name}'
    return where


def _call(hint: str, fn, *args, **kwargs):
    """Call the learner's function; if it raises, fail with the hint, what was raised and where."""
    try:
        return fn(*args, **kwargs)
    except Exception as exc:  # a TODO still in place, or a bug on the way to the answer
        problem = f"{type(exc).__name__}: {exc}{learner_frame(exc.__traceback__)}"
    # failing outside the except block keeps the learner's traceback out of the message
    _fail(f"{hint}\n(it raised {problem})")


def test_split_channels():
    hint = "Step 1: write split_channels in basics.py: the B, G and R planes side by side as one (H, 3*W) grey image."
    img = np.zeros((4, 5, 3), np.uint8)
    img[..., 0], img[..., 1], img[..., 2] = 10, 20, 30
    img[0, 0] = (200, 100, 50)
    out = np.asarray(_call(hint, basics.split_channels, img))
    if out.shape != (4, 15):
        _fail(f"{hint}\nFor a 4x5 colour image the result has shape {out.shape}; expected (4, 15).")
    if not (out[:, :5] == img[..., 0]).all() or not (out[:, 5:10] == img[..., 1]).all() or not (out[:, 10:] == img[..., 2]).all():
        planes = {name: out[0, 5 * i] if out.shape == (4, 15) else None for i, name in enumerate("BGR")}
        _fail(f"{hint}\nThe planes should appear in B, G, R order from left to right: the top-left pixel (B, G, R) = (200, 100, 50) "
              f"shows as {tuple(int(v) for v in planes.values())} in the three planes.")


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


def _regular_polygon(sides: int) -> np.ndarray:
    return cv2.ellipse2Poly((150, 150), (100, 100), -90, 0, 360, 360 // sides)[:sides].astype(np.int32)


WHITE = (255, 255, 255)
#: (what, how to draw it on a black 300x300 image, its name, why)
SHAPES = [
    ("A 240x60 rectangle", lambda img: cv2.rectangle(img, (20, 30), (260, 90), WHITE, -1), "rectangle", "use the aspect ratio"),
    ("A 60x240 rectangle", lambda img: cv2.rectangle(img, (20, 20), (80, 260), WHITE, -1), "rectangle", "a tall box is a rectangle too"),
    ("A 130x100 rectangle", lambda img: cv2.rectangle(img, (20, 20), (149, 119), WHITE, -1), "rectangle", "30 % wider than tall is not a square"),
    ("A 100x130 rectangle", lambda img: cv2.rectangle(img, (20, 20), (119, 149), WHITE, -1), "rectangle", "30 % taller than wide is not a square"),
    ("A square drawn 99x101", lambda img: cv2.rectangle(img, (20, 20), (118, 120), WHITE, -1), "square", "allow a little tolerance around an aspect ratio of 1"),
    ("A small circle (radius 20)", lambda img: cv2.circle(img, (150, 150), 20, WHITE, -1), "circle", "a circle of any size is round"),
    ("A regular pentagon", lambda img: cv2.fillPoly(img, [_regular_polygon(5)], WHITE), "other", "five corners are neither a box nor a circle"),
    ("A regular octagon", lambda img: cv2.fillPoly(img, [_regular_polygon(8)], WHITE), "other", "it has as many vertices as a circle's outline, but is not round enough"),
    ("An ellipse 200x154", lambda img: cv2.ellipse(img, (150, 150), (100, 77), 0, 0, 360, WHITE, -1), "other", "it is round, but not as wide as tall"),
]


def test_shape_names(monkeypatch):
    hint = ("Step 2: write shape_name in features.py: \"triangle\", \"square\", \"rectangle\" or \"circle\" from a "
            "contour's vertices and bounding-box aspect ratio.")
    infos = features.find_contours(features.threshold(_shapes_image(), "binary"), min_area=500)
    by_x = sorted(infos, key=lambda info: info.centroid[0])
    names = [_call(hint, features.shape_name, info) for info in by_x]
    if names != ["triangle", "square", "circle"]:
        _fail(f"{hint}\nA triangle, a square and a circle (left to right) were named {names}.")
    for what, draw, expected, why in SHAPES:
        img = np.zeros((300, 300, 3), np.uint8)
        draw(img)
        (info,) = features.find_contours(features.threshold(img, "binary"), min_area=500)
        name = _call(hint, features.shape_name, info)
        if name != expected:
            roundness = 4 * np.pi * info.area / info.perimeter**2
            _fail(f"{hint}\n{what} ({info.vertices} vertices, bounding box {info.bbox[2]}x{info.bbox[3]}, "
                  f"4π·area/perimeter² = {roundness:.2f}) was named {name!r}, not {expected!r}: {why}.")
    # draw_contours labels each contour: with the names now, not the vertex counts.
    drawn: list[str] = []
    put_text = cv2.putText
    monkeypatch.setattr(cv2, "putText", lambda img, text, *args, **kwargs: (drawn.append(text), put_text(img, text, *args, **kwargs))[1])
    _call(hint, features.draw_contours, _shapes_image(), by_x)
    if drawn != names:
        _fail(f"{hint}\ndraw_contours labels the triangle, square and circle {drawn}: draw shape_name(info), not the vertex count.")


def test_ratio_test_matching():
    hint = ("Step 2: write match_orb_ratio in features.py: BFMatcher.knnMatch(k=2) and keep a match only when it "
            "is clearly better (ratio) than the second-best candidate.")
    img = basics.make_sample_image()
    h, w = img.shape[:2]
    rotated = cv2.warpAffine(img, cv2.getRotationMatrix2D((w / 2, h / 2), 10, 1.0), (w, h))
    noise = (np.random.default_rng(0).random(img.shape) * 255).astype(np.uint8)
    same = list(_call(hint, features.match_orb_ratio, img, rotated))
    if len(same) < 10 or not all(isinstance(m, cv2.DMatch) for m in same):
        kinds = sorted({type(m).__name__ for m in same})
        _fail(f"{hint}\nThe sample image and a 10-degree rotation of it gave {len(same)} good matches of type {kinds}; expected at least 10 cv2.DMatch.")
    blank = np.zeros_like(img)
    for pair in ((img, blank), (blank, img)):
        got = _call(hint, features.match_orb_ratio, *pair)
        if not isinstance(got, list) or got:
            _fail(f"{hint}\nA plain black image has no ORB features, so matching it gives no matches: expected [], got {got!r}.")
    for other, what in ((rotated, "a 10-degree rotation of it"), (noise, "a noise image")):
        for ratio in (0.5, 0.75, 0.9):
            got = {(m.queryIdx, m.trainIdx): m.distance for m in _call(hint, features.match_orb_ratio, img, other, ratio=ratio)}
            want = _ratio_test(img, other, ratio)
            if got != want:
                extra, missing = sorted(set(got) - set(want)), sorted(set(want) - set(got))
                wrong = sorted(k for k in set(got) & set(want) if got[k] != want[k])
                _fail(f"{hint}\nMatching the sample image with {what} at ratio={ratio}: kept {len(got)} matches, the ratio test keeps {len(want)} "
                      f"(a best Hamming distance strictly below ratio × the second best). Extra (query, train) pairs: {extra[:5]}, "
                      f"missing: {missing[:5]}, wrong distances: {[(k, got[k], want[k]) for k in wrong[:3]]}.")


def _ratio_test(img_a: np.ndarray, img_b: np.ndarray, ratio: float) -> dict[tuple[int, int], float]:
    """What Lowe's ratio test keeps, worked out with NumPy: (query, train) -> Hamming distance."""
    _, des_a = features.orb_features(img_a)
    _, des_b = features.orb_features(img_b)
    if des_a is None or des_b is None or len(des_b) < 2:
        return {}
    hamming = np.unpackbits(des_a[:, None, :] ^ des_b[None, :, :], axis=2).sum(axis=2)
    kept = {}
    for query, row in enumerate(hamming):
        best, second = np.argsort(row, kind="stable")[:2]
        if row[best] < ratio * row[second]:
            kept[(query, int(best))] = float(row[best])
    return kept


AUGMENT_HINT = ("Step 3: write augment(img, rng) in preprocess.py: a random horizontal flip, a small rotation and "
                "brightness jitter, same shape and dtype, reproducible with the same seed.")


def _augmented(img: np.ndarray, seeds: int, **settings) -> list[np.ndarray]:
    return [np.asarray(_call(AUGMENT_HINT, preprocess.augment, img, np.random.default_rng(seed), **settings)) for seed in range(seeds)]


def _bar_image() -> np.ndarray:
    """A thin horizontal white bar in the middle of a black 160x120 image."""
    img = np.zeros((120, 160, 3), np.uint8)
    cv2.rectangle(img, (45, 57), (115, 63), (255, 255, 255), -1)
    return img


def _bar(img: np.ndarray) -> tuple[float, tuple[float, float], float]:
    """The tilt in degrees of the bright pixels' main axis, their centroid and their total (image moments)."""
    m = cv2.moments(cv2.cvtColor(np.ascontiguousarray(img), cv2.COLOR_BGR2GRAY).astype(np.float64))
    tilt = float(np.degrees(0.5 * np.arctan2(2 * m["mu11"], m["mu20"] - m["mu02"])))
    return tilt, (m["m10"] / m["m00"], m["m01"] / m["m00"]), m["m00"]


def test_augment():
    hint = AUGMENT_HINT
    img = basics.make_sample_image(160, 120)
    original = img.copy()
    first = np.asarray(_call(hint, preprocess.augment, img, np.random.default_rng(7)))
    if first.shape != img.shape or first.dtype != np.uint8:
        _fail(f"{hint}\nThe result has shape {first.shape} and dtype {first.dtype}; expected {img.shape} and uint8.")
    if not np.array_equal(img, original):
        _fail(f"{hint}\nThe image passed in was changed ({int((img != original).any(axis=2).sum())} pixels): work on a copy.")
    # The same rng seed, with the global random generators in other states each time: only draws from rng repeat.
    for state in range(8):
        np.random.seed(state)
        random.seed(state)
        if not np.array_equal(first, _call(hint, preprocess.augment, img, np.random.default_rng(7))):
            _fail(f"{hint}\nTwo calls with the same seed gave different images: draw every random choice from rng, not from np.random or random.")

    # Flips alone (no rotation, no brightness change): each output is the image or its mirror image.
    mirror = img[:, ::-1]
    for probability, wanted in ((0.0, "none"), (1.0, "all"), (0.5, "some")):
        outputs = _augmented(img, 12, max_angle=0, brightness=0, flip_probability=probability)
        same = [float(np.abs(out.astype(int) - img).mean()) < 2 for out in outputs]
        flipped = [float(np.abs(out.astype(int) - mirror).mean()) < 2 for out in outputs]
        if not all(a or b for a, b in zip(same, flipped)):
            _fail(f"{hint}\nWith max_angle=0 and brightness=0 every output should be the image or its mirror image; "
                  f"{sum(not (a or b) for a, b in zip(same, flipped))} of twelve were neither.")
        n = sum(flipped)
        if (wanted == "none" and n) or (wanted == "all" and n < 12) or (wanted == "some" and not 0 < n < 12):
            _fail(f"{hint}\nWith flip_probability={probability}, {n} of twelve seeds flipped the image horizontally; expected {wanted}.")

    # Rotation alone, measured on a thin horizontal bar: its tilt, where its middle is, how big it is.
    bar = _bar_image()
    _, centre, size = _bar(bar)
    for max_angle in (0, 6, 15):
        bars = [_bar(out) for out in _augmented(bar, 12, max_angle=max_angle, brightness=0)]
        tilts = [round(abs(tilt), 1) for tilt, _, _ in bars]
        if max(tilts) > max_angle + 0.5 or (max_angle and max(tilts) < max_angle / 2):
            _fail(f"{hint}\nWith max_angle={max_angle} a horizontal bar came out tilted by {tilts} degrees for twelve seeds; "
                  f"expected random angles up to {max_angle}° either way (cv2.getRotationMatrix2D takes degrees).")
        moved = max(np.hypot(x - centre[0], y - centre[1]) for _, (x, y), _ in bars)
        if moved > 1.5:
            _fail(f"{hint}\nWith max_angle={max_angle} the middle of a bar in the middle of the image moved by up to {moved:.1f} pixels: rotate about the image centre (w / 2, h / 2).")
        resized = max(abs(mass / size - 1) for _, _, mass in bars)
        if resized > 0.15:
            _fail(f"{hint}\nWith max_angle={max_angle} the bar's brightness mass changed by up to {resized:.0%}: rotate with scale 1.0, without zooming.")

    # Brightness alone, on plain grey images: the gain is the output over the input.
    for brightness in (0.0, 0.4):
        outputs = _augmented(np.full((40, 60, 3), 100, np.uint8), 24, max_angle=0, brightness=brightness, flip_probability=0)
        gains = [round(float(out.mean()) / 100, 3) for out in outputs]
        if min(gains) < 1 - brightness - 0.01 or max(gains) > 1 + brightness + 0.01 or (brightness and (min(gains) > 0.75 or max(gains) < 1.25)):
            _fail(f"{hint}\nWith brightness={brightness} a plain grey (100) image came out {sorted(gains)} times as bright for 24 seeds; "
                  f"expected random gains spread over [{1 - brightness:g}, {1 + brightness:g}].")
    for value, expect_max in ((250, 255), (0, 0)):
        outputs = _augmented(np.full((40, 60, 3), value, np.uint8), 12, max_angle=0)
        lowest, highest = min(int(out.min()) for out in outputs), max(int(out.max()) for out in outputs)
        if value == 250 and (lowest < 0.7 * 250 - 1 or highest != 255):
            _fail(f"{hint}\nA plain near-white (250) image came out with pixel values from {lowest} to {highest}: brightening must saturate at 255, "
                  "not wrap round past it; compute in float (or int) and clip to 0..255 before converting back to uint8.")
        if value == 0 and highest != 0:
            _fail(f"{hint}\nA plain black image came out with pixel values up to {highest}: a gain keeps black black (clip to 0..255).")


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
    # Two objects pass through y=100 itself, one each way: each must count once, not never or twice.
    counter = tracker.LineCounter(line_y=100)
    frames = [{5: np.array([0.0, 95.0]), 6: np.array([9.0, 105.0])},
              {5: np.array([0.0, 100.0]), 6: np.array([9.0, 100.0])},
              {5: np.array([0.0, 105.0]), 6: np.array([9.0, 95.0])}]
    crossings = [_call(hint, counter.update, objects) for objects in frames]
    if sum(crossings) != 2 or (counter.down, counter.up) != (1, 1):
        _fail(f"{hint}\nOne object moving down 95 -> 100 -> 105 and one moving up 105 -> 100 -> 95 across y=100: update() returned "
              f"{crossings} with down={counter.down}, up={counter.up}; expected one crossing each way (down=1, up=1). "
              "Count it once: when it reaches the line or when it leaves it, not both and not neither.")


def test_run_tracker_counts_crossings(monkeypatch, capsys):
    hint = ("Step 4: in run_tracker (tracker.py) count the objects crossing the middle of the frame with one LineCounter, "
            "updated with tracker.objects on every frame and drawn with draw_line_counts, and print its counts at the end.")
    drawn = []
    real_draw = tracker.draw_line_counts

    def draw_stand_in(frame, counter, fps):
        drawn.append((float(counter.line_y), counter.up, counter.down))
        return real_draw(frame, counter, fps)

    monkeypatch.setattr(tracker, "draw_line_counts", draw_stand_in)
    _call(hint, tracker.run_tracker, "synthetic", max_frames=40, output=None)
    out = capsys.readouterr().out
    if len(drawn) != 40:
        _fail(f"{hint}\nrun_tracker drew the line counts (draw_line_counts) on {len(drawn)} of its 40 frames.")
    # The same frames, tracked and counted here with the project's own CentroidTracker and LineCounter.
    objects, counter, expected = tracker.CentroidTracker(), None, []
    for frame in tracker.synthetic_frames(n_frames=40):
        objects.update(tracker.detect_blobs(frame))
        counter = counter or tracker.LineCounter(frame.shape[0] / 2)
        _call(hint, counter.update, objects.objects)
        expected.append((float(counter.line_y), counter.up, counter.down))
    if drawn != expected:
        k = next(i for i, (a, b) in enumerate(zip(drawn, expected)) if a != b)
        _fail(f"{hint}\nOn frame {k + 1} of the synthetic video the drawn counter had (line_y, up, down) = {drawn[k]}; "
              f"a LineCounter at half the height ({expected[k][0]:g}), updated on every frame, has {expected[k]}.")
    _, up, down = expected[-1]
    if not any(str(up) in line and str(down) in line and "up" in line.lower() and "down" in line.lower() for line in out.splitlines()):
        _fail(f"{hint}\nrun_tracker counted {up} up and {down} down, and no line of its output says so:\n{out.strip()}")
