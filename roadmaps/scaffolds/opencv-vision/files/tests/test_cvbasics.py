"""Tests for the done parts of the starter. Run with: pytest"""
import numpy as np

from cvbasics import basics, features, preprocess
from cvbasics.tracker import CentroidTracker, detect_blobs, synthetic_frames


def test_resize_and_crop_shapes():
    img = basics.make_sample_image(320, 240)
    assert basics.resize_keep_aspect(img, 160).shape == (120, 160, 3)
    assert basics.center_crop(img, 100).shape == (100, 100, 3)
    assert basics.convert_color(img, "gray").shape == (240, 320)


def test_threshold_contours_and_canny_find_the_shapes():
    img = basics.make_sample_image()
    infos = features.find_contours(features.threshold(img, "otsu"), min_area=500)
    assert len(infos) >= 3  # square, circle, triangle
    edges = features.canny(img)
    assert edges.dtype == np.uint8 and edges.max() == 255


def test_orb_matches_an_image_with_itself():
    img = basics.make_sample_image()
    keypoints, descriptors = features.orb_features(img)
    assert len(keypoints) > 10 and descriptors.shape[1] == 32
    assert len(features.match_orb(img, img)) > 10


def test_preprocess_for_cnn_layout_and_roundtrip():
    img = basics.make_sample_image(300, 200)
    x = preprocess.preprocess_for_cnn(img, size=64)
    assert x.shape == (3, 64, 64) and x.dtype == np.float32
    back = preprocess.denormalize(x)
    assert back.shape == (64, 64, 3) and back.dtype == np.uint8


def test_centroid_tracker_keeps_ids_on_synthetic_frames():
    tracker = CentroidTracker()
    for frame in synthetic_frames(n_frames=30, n_objects=3, seed=1):
        tracker.update(detect_blobs(frame))
    assert len(tracker.objects) == 3
    assert tracker.next_id <= 5  # ids stay stable (a couple of merges when discs touch are fine)


def test_tracker_drops_objects_that_disappear():
    tracker = CentroidTracker(max_disappeared=2)
    tracker.update([(10, 10, 20, 20)])
    for _ in range(3):
        tracker.update([])
    assert len(tracker.objects) == 0


# TODO: once you write `augment`, test that it keeps the image shape and that two calls
#       with the same seeded rng give the same result.
