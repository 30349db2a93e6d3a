"""Tests for the done parts. Nothing is downloaded (models are built with random weights).
Run with: pytest"""
import numpy as np
import torch

from detection.dataset import SyntheticBoxes, collate, parse_voc_xml
from detection.infer import Detection, detect, detect_faces, draw_detections, process_video
from detection.metrics import average_precision, box_iou, mean_average_precision
from detection.models import CUSTOM_CLASSES, custom_detector
from detection.train import train_one_epoch

VOC_XML = """<annotation><filename>face1.png</filename>
  <object><name>with_mask</name><bndbox><xmin>10</xmin><ymin>20</ymin><xmax>50</xmax><ymax>70</ymax></bndbox></object>
  <object><name>without_mask</name><bndbox><xmin>60</xmin><ymin>20</ymin><xmax>90</xmax><ymax>60</ymax></bndbox></object>
  <object><name>some_other_class</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>5</xmax><ymax>5</ymax></bndbox></object>
</annotation>"""


def test_box_iou_known_values():
    a = np.array([[0, 0, 10, 10]])
    b = np.array([[0, 0, 10, 10], [5, 0, 15, 10], [20, 20, 30, 30]])
    assert np.allclose(box_iou(a, b), [[1.0, 50 / 150, 0.0]])


def test_average_precision_perfect_and_with_a_false_positive():
    target = [{"boxes": [[0, 0, 10, 10]], "labels": [1]}]
    perfect = [{"boxes": [[0, 0, 10, 10]], "scores": [0.9], "labels": [1]}]
    assert average_precision(perfect, target, label=1) == 1.0
    # A higher-scoring false positive comes first: precision at recall 1 is 1/2.
    noisy = [{"boxes": [[50, 50, 60, 60], [0, 0, 10, 10]], "scores": [0.95, 0.9], "labels": [1, 1]}]
    assert abs(average_precision(noisy, target, label=1) - 0.5) < 1e-9
    assert mean_average_precision(perfect, target, labels=[1, 2])["mAP"] == 1.0  # class 2 has no GT


def test_parse_voc_xml_keeps_known_classes(tmp_path):
    path = tmp_path / "face1.xml"
    path.write_text(VOC_XML)
    filename, target = parse_voc_xml(path)
    assert filename == "face1.png"
    assert target["boxes"].shape == (2, 4)
    assert target["labels"].tolist() == [CUSTOM_CLASSES.index("with_mask"), CUSTOM_CLASSES.index("without_mask")]


def test_custom_detector_trains_and_predicts_on_synthetic_boxes():
    torch.manual_seed(0)
    model = custom_detector(num_classes=3, pretrained=False)
    loader = torch.utils.data.DataLoader(SyntheticBoxes(n=4, size=128), batch_size=2, collate_fn=collate)
    loss = train_one_epoch(model, loader, torch.optim.SGD(model.parameters(), lr=0.001), torch.device("cpu"))
    assert np.isfinite(loss)
    image = (np.random.default_rng(0).random((128, 128, 3)) * 255).astype(np.uint8)
    dets = detect(model, image, ["__background__", "red", "blue"], score_threshold=0.0)
    assert all(isinstance(d, Detection) and d.label in ("red", "blue") for d in dets)


def test_haar_cascade_finds_no_face_in_a_blank_image():
    assert detect_faces(np.zeros((120, 120, 3), np.uint8)) == []


def test_video_pipeline_writes_frames(tmp_path):
    fake = lambda frame: [Detection((5, 5, 40, 40), "with_mask", 0.9)]  # noqa: E731
    n = process_video("synthetic", fake, output=tmp_path / "out.mp4", max_frames=5)
    assert n == 5 and (tmp_path / "out.mp4").exists()
    assert draw_detections(np.zeros((50, 50, 3), np.uint8), fake(None)).any()


# TODO: once you have a trained model, add a test that loads your saved weights and checks
#       that mAP@0.5 on a few held-out images stays above the value you reached.
