"""A centroid object tracker for webcam / video files, with a synthetic-frames fallback.

Roadmap topics: "Video capture & frame processing", "Object tracking (Centroid, OpenCV trackers)",
"Real-time detection". Project: "Real-time object tracker".
"""
from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np

Box = tuple[int, int, int, int]  # x, y, w, h


class CentroidTracker:
    """Gives each detected object an id and follows it by matching nearest centroids frame to frame.

    An object that is not matched for more than ``max_disappeared`` frames is dropped; a match
    further than ``max_distance`` pixels is treated as a new object.
    """

    def __init__(self, max_disappeared: int = 20, max_distance: float = 80.0) -> None:
        self.next_id = 0
        self.objects: OrderedDict[int, np.ndarray] = OrderedDict()   # id -> centroid (x, y)
        self.boxes: dict[int, Box] = {}
        self.disappeared: dict[int, int] = {}
        self.max_disappeared = max_disappeared
        self.max_distance = max_distance

    def register(self, centroid: np.ndarray, box: Box) -> None:
        self.objects[self.next_id] = centroid
        self.boxes[self.next_id] = box
        self.disappeared[self.next_id] = 0
        self.next_id += 1

    def deregister(self, object_id: int) -> None:
        del self.objects[object_id]
        del self.boxes[object_id]
        del self.disappeared[object_id]

    def update(self, boxes: list[Box]) -> OrderedDict[int, np.ndarray]:
        """Feed this frame's detections; returns the current id -> centroid mapping."""
        if not boxes:
            for object_id in list(self.disappeared):
                self.disappeared[object_id] += 1
                if self.disappeared[object_id] > self.max_disappeared:
                    self.deregister(object_id)
            return self.objects

        centroids = np.array([(x + w / 2.0, y + h / 2.0) for x, y, w, h in boxes])
        if not self.objects:
            for c, b in zip(centroids, boxes):
                self.register(c, b)
            return self.objects

        ids = list(self.objects)
        old = np.array(list(self.objects.values()))
        dist = np.linalg.norm(old[:, None, :] - centroids[None, :, :], axis=2)  # (n_old, n_new)

        # Greedy matching: closest pairs first, each old and new used at most once.
        rows = dist.min(axis=1).argsort()
        cols = dist.argmin(axis=1)[rows]
        used_rows: set[int] = set()
        used_cols: set[int] = set()
        for r, c in zip(rows, cols):
            if r in used_rows or c in used_cols or dist[r, c] > self.max_distance:
                continue
            object_id = ids[r]
            self.objects[object_id] = centroids[c]
            self.boxes[object_id] = boxes[c]
            self.disappeared[object_id] = 0
            used_rows.add(r)
            used_cols.add(c)

        for r in set(range(len(ids))) - used_rows:
            object_id = ids[r]
            self.disappeared[object_id] += 1
            if self.disappeared[object_id] > self.max_disappeared:
                self.deregister(object_id)
        for c in set(range(len(boxes))) - used_cols:
            self.register(centroids[c], boxes[c])
        return self.objects


def synthetic_frames(n_frames: int = 120, width: int = 320, height: int = 240, n_objects: int = 3,
                     seed: int = 0) -> Iterator[np.ndarray]:
    """Yield BGR frames of bright discs bouncing around a dark background (no camera needed)."""
    rng = np.random.default_rng(seed)
    radius = 14
    pos = rng.uniform([radius, radius], [width - radius, height - radius], size=(n_objects, 2))
    vel = rng.uniform(-4, 4, size=(n_objects, 2))
    colours = [(0, 0, 255), (0, 255, 0), (255, 128, 0), (0, 255, 255), (255, 0, 255)]
    for _ in range(n_frames):
        frame = np.full((height, width, 3), 20, np.uint8)
        for i, (x, y) in enumerate(pos):
            cv2.circle(frame, (int(x), int(y)), radius, colours[i % len(colours)], -1)
        yield frame
        pos += vel
        for axis, limit in ((0, width), (1, height)):
            bounce = (pos[:, axis] < radius) | (pos[:, axis] > limit - radius)
            vel[bounce, axis] *= -1
            pos[:, axis] = np.clip(pos[:, axis], radius, limit - radius)


def open_source(source: str | int | None, max_frames: int = 300) -> Iterator[np.ndarray]:
    """Frames from a webcam index ("0"), a video file path, or synthetic frames if neither opens."""
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
        print(f"Could not open video source {source!r}; falling back to synthetic frames.")
    yield from synthetic_frames(n_frames=max_frames)


def detect_blobs(frame: np.ndarray, subtractor: cv2.BackgroundSubtractor | None = None,
                 min_area: float = 150.0) -> list[Box]:
    """A deliberately simple detector: foreground blobs from background subtraction or Otsu."""
    if subtractor is not None:
        mask = subtractor.apply(frame)
        mask = cv2.threshold(mask, 200, 255, cv2.THRESH_BINARY)[1]  # drop shadows (value 127)
    else:
        gray = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
        mask = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)[1]
    mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    return [tuple(cv2.boundingRect(c)) for c in contours if cv2.contourArea(c) >= min_area]


def draw_tracks(frame: np.ndarray, tracker: CentroidTracker) -> np.ndarray:
    out = frame.copy()
    for object_id, (cx, cy) in tracker.objects.items():
        x, y, w, h = tracker.boxes[object_id]
        cv2.rectangle(out, (x, y), (x + w, y + h), (255, 255, 255), 1)
        cv2.circle(out, (int(cx), int(cy)), 3, (0, 0, 255), -1)
        cv2.putText(out, f"ID {object_id}", (x, max(10, y - 5)), cv2.FONT_HERSHEY_SIMPLEX, 0.45, (255, 255, 255), 1)
    return out


def draw_line_counts(frame: np.ndarray, counter: LineCounter, fps: float) -> np.ndarray:
    """Draw the counting line, its up and down counts and the frames per second on ``frame`` (in place)."""
    line_y = int(counter.line_y)
    cv2.line(frame, (0, line_y), (frame.shape[1], line_y), (0, 255, 255), 1)
    cv2.putText(frame, f"up {counter.up}  down {counter.down}  {fps:.0f} fps", (5, 15),
                cv2.FONT_HERSHEY_SIMPLEX, 0.45, (0, 255, 255), 1)
    return frame


def run_tracker(source: str | int | None = "synthetic", max_frames: int = 300,
                output: str | Path | None = None, show: bool = False) -> CentroidTracker:
    """Detect + track on every frame; optionally write an annotated video and/or show a window."""
    tracker = CentroidTracker()
    started = time.perf_counter()
    n_frames = 0
    is_synthetic = source is None or str(source) == "synthetic"
    subtractor = None if is_synthetic else cv2.createBackgroundSubtractorMOG2(detectShadows=True)
    writer = None
    for i, frame in enumerate(open_source(source, max_frames)):
        tracker.update(detect_blobs(frame, subtractor))
        n_frames += 1
        fps = n_frames / max(time.perf_counter() - started, 1e-9)
        annotated = draw_tracks(frame, tracker)
        # TODO: count the objects crossing the middle of the frame: make one LineCounter at half the
        #       frame's height on the first frame, update it with tracker.objects on every frame, and
        #       draw it with draw_line_counts(annotated, counter, fps). Print its counts at the end.
        if output is not None:
            if writer is None:
                Path(output).parent.mkdir(parents=True, exist_ok=True)
                h, w = annotated.shape[:2]
                writer = cv2.VideoWriter(str(output), cv2.VideoWriter_fourcc(*"mp4v"), 20.0, (w, h))
            writer.write(annotated)
        if show:
            try:  # opencv-python-headless has no GUI: install opencv-python to see a window
                cv2.imshow("tracker", annotated)
                if cv2.waitKey(1) & 0xFF == ord("q"):
                    break
            except cv2.error:
                print("No GUI support in this OpenCV build; use --output to save a video instead.")
                show = False
    if writer is not None:
        writer.release()
    print(f"Tracked {tracker.next_id} object ids; {len(tracker.objects)} visible at the end.")
    print(f"{n_frames / max(time.perf_counter() - started, 1e-9):.1f} frames per second.")
    return tracker


# TODO: swap `detect_blobs` for a real detector (a Haar cascade from `cv2.data.haarcascades`
#       or a DNN) and compare it with OpenCV's built-in single-object trackers
#       (e.g. `cv2.TrackerMIL_create()`), which follow one box without re-detecting.
# TODO: count objects crossing a horizontal line: write LineCounter.update (below), then use it
#       in run_tracker (see the TODO there).


class LineCounter:
    """Counts tracked objects crossing the horizontal line ``y = line_y``.

    Call ``update(tracker.objects)`` once per frame. An object counts when its centroid moves from
    one side of the line to the other between two updates: ``down`` (y grows) or ``up``. It needs
    each id's previous centroid; an id seen for the first time has not crossed anything yet.
    """

    def __init__(self, line_y: float) -> None:
        self.line_y = line_y
        self.up = 0
        self.down = 0

    def update(self, objects: dict[int, np.ndarray]) -> int:
        """Feed this frame's id -> centroid (x, y); returns how many objects crossed since the last call."""
        raise NotImplementedError("LineCounter.update: compare each id's centroid with its previous one")
