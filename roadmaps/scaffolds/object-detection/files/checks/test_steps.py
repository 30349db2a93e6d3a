"""Checks for the steps in README.md: each fails with a hint until its step is done.
Run with: pytest checks

Nothing is downloaded: detectors are built with random weights, and the training-loop checks use
a small scripted stand-in detector so that they run in seconds."""
from __future__ import annotations

import traceback
from pathlib import Path

import cv2
import numpy as np
import pytest
import torch
from torch import nn

from detection import dataset, metrics, models, train
from detection.dataset import SyntheticBoxes

PROJECT = Path(__file__).resolve().parents[1]
NAMES = ["__background__", "red", "blue"]


def _fail(hint: str, detail: str = "") -> None:
    """Fail with the hint as the first line (and what was seen after it), without a traceback."""
    pytest.fail(hint + (f"\n{detail}" if detail else ""), pytrace=False)


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


def attempt(hint, fn, *args, **kwargs):
    """Call the learner's code; if it raises, fail with the hint, what was raised and where."""
    try:
        return fn(*args, **kwargs)
    except Exception as exc:  # a TODO still in place, or a bug on the way to the answer
        problem = f"{type(exc).__name__}: {exc}{learner_frame(exc.__traceback__)}"
    # failing outside the except block keeps the learner's traceback out of the message
    pytest.fail(f"{hint}\n(it raised {problem})", pytrace=False)


class ScriptedDetector(nn.Module):
    """Stands in for Faster R-CNN, fast and with answers known in advance. Its `backbone` has a
    weight that trains and one that starts frozen (as a pretrained model's first layers do); in
    training it returns a loss that pulls every weight towards 1. In eval mode, epoch k finds
    exactly the true boxes of the labels in ``answers[k - 1]`` and nothing else, so every epoch's
    mAP and per-class AP are known. It notes what each epoch trained and saw."""

    def __init__(self, truths: dict[bytes, dict], answers: list[set[int]]) -> None:
        super().__init__()
        self.backbone = nn.Module()
        self.backbone.early = nn.Parameter(torch.zeros(1), requires_grad=False)
        self.backbone.late = nn.Parameter(torch.zeros(1))
        self.head = nn.Parameter(torch.zeros(1))
        self.truths, self.answers = truths, answers
        self.trained: list[dict] = []            # per training epoch
        self.weights: dict[int, dict] = {}        # epoch -> the weights it was evaluated with
        self.unknown_val_images = 0
        self._evaluating = True

    def forward(self, images, targets=None):
        if self.training:
            if self._evaluating:                  # the first batch of a new training epoch
                self._evaluating = False
                self.trained.append({"early": self.backbone.early.requires_grad,
                                     "late": self.backbone.late.requires_grad, "flipped": 0, "images": 0})
            self.trained[-1]["images"] += len(images)
            self.trained[-1]["flipped"] += sum(image.numpy().tobytes() not in self.truths for image in images)
            weights = torch.cat([self.backbone.early, self.backbone.late, self.head])
            return {"loss": (weights - 1).pow(2).sum()}
        if not self._evaluating:                  # the first validation batch of an epoch
            self._evaluating = True
            self.weights[len(self.trained)] = {k: v.detach().clone() for k, v in self.state_dict().items()}
        answer = self.answers[min(len(self.trained), len(self.answers)) - 1]
        outputs = []
        for image in images:
            truth = self.truths.get(image.numpy().tobytes())
            if truth is None:
                self.unknown_val_images += 1
                truth = {"boxes": torch.zeros(0, 4), "labels": torch.zeros(0, dtype=torch.int64)}
            keep = torch.tensor([int(label) in answer for label in truth["labels"]], dtype=torch.bool)
            outputs.append({"boxes": truth["boxes"][keep], "labels": truth["labels"][keep],
                            "scores": torch.ones(int(keep.sum()))})
        return outputs


def _fit_scripted(hint: str, monkeypatch, tmp_path: Path, data: str, truths: dict, answers: list[set[int]], **kwargs):
    stand_in = ScriptedDetector(truths, answers)
    monkeypatch.setattr(train, "custom_detector", lambda *args, **kw: stand_in)
    monkeypatch.setattr(train, "pick_device", lambda: torch.device("cpu"))
    result = attempt(hint, train.fit, data, batch_size=4, lr=0.1, class_names=NAMES,
                     model_path=tmp_path / "detector.pt", **kwargs)
    if not (isinstance(result, tuple) and len(result) == 2 and isinstance(result[1], dict)):
        _fail(hint, f"fit returned {type(result).__name__}, not (model, history).")
    return stand_in, result[0], result[1]


def _synthetic_truths(n: int) -> dict[bytes, dict]:
    boxes = SyntheticBoxes(n)
    return {boxes[i][0].numpy().tobytes(): boxes[i][1] for i in range(n)}


HINT_COCO = ("Step 3: write coco_map in metrics.py: the mean of mean_average_precision(...)[\"mAP\"] over the IoU "
             "thresholds 0.50, 0.55, ..., 0.95.")


def test_coco_style_map():
    target = [{"boxes": [[0, 0, 10, 10]], "labels": [1]}]
    for height, iou, hits in ((10, 1.0, 10), (7.2, 0.72, 5), (9.5, 0.95, 10), (5.2, 0.52, 1), (4.9, 0.49, 0)):
        preds = [{"boxes": [[0, 0, 10, height]], "scores": [0.9], "labels": [1]}]
        got = attempt(HINT_COCO, metrics.coco_map, preds, target, labels=[1])
        if abs(float(got) - hits / 10) > 1e-9:
            _fail(HINT_COCO, f"A box with IoU {iou} gave {float(got):.3f}, not {hits / 10}: it counts at the {hits} of "
                  "the ten thresholds 0.50, 0.55, ..., 0.95 that it reaches.")
    # Two classes: class 1 found exactly, class 2 with IoU 0.72, so mAP is 1 at 5 thresholds and 0.5 at 5.
    targets = [{"boxes": [[0, 0, 10, 10], [20, 20, 30, 30]], "labels": [1, 2]}]
    preds = [{"boxes": [[0, 0, 10, 10], [20, 20, 30, 27.2]], "scores": [0.9, 0.8], "labels": [1, 2]}]
    got = attempt(HINT_COCO, metrics.coco_map, preds, targets, labels=[1, 2])
    if abs(float(got) - 0.75) > 1e-9:
        _fail(HINT_COCO, f"With class 1 found exactly and class 2 at IoU 0.72 coco_map gave {float(got):.3f}, not 0.75: "
              "average the mAP over both classes, at each threshold.")


HINT_FLIP = ("Step 4: write hflip in dataset.py: mirror the image left-right and move each box with it "
             "(x1, x2 -> W - x2, W - x1).")


def _voc_folder(root: Path, n: int) -> Path:
    """``n`` synthetic images written as a VOC folder (PNG + XML), as a labelling tool would."""
    (root / "images").mkdir(parents=True)
    (root / "annotations").mkdir()
    boxes = SyntheticBoxes(n, seed=3)
    for i in range(n):
        image, target = boxes[i]
        bgr = (image.permute(1, 2, 0).numpy() * 255).round().astype(np.uint8)[:, :, ::-1]
        cv2.imwrite(str(root / "images" / f"{i:02d}.png"), bgr)
        objects = "".join(
            f"<object><name>{NAMES[int(label)]}</name><bndbox><xmin>{int(b[0])}</xmin><ymin>{int(b[1])}</ymin>"
            f"<xmax>{int(b[2])}</xmax><ymax>{int(b[3])}</ymax></bndbox></object>"
            for b, label in zip(target["boxes"].tolist(), target["labels"].tolist()))
        (root / "annotations" / f"{i:02d}.xml").write_text(
            f"<annotation><filename>{i:02d}.png</filename>{objects}</annotation>", encoding="utf-8")
    return root


def test_horizontal_flip_moves_the_boxes(monkeypatch, tmp_path):
    image = np.zeros((40, 100, 3), np.uint8)
    image[5:25, 10:30] = (0, 0, 255)                 # a red box at x 10..30, y 5..25
    boxes = torch.tensor([[10.0, 5.0, 30.0, 25.0], [0.0, 0.0, 100.0, 40.0]])
    flipped, moved = attempt(HINT_FLIP, dataset.hflip, image, boxes)
    moved = torch.as_tensor(moved, dtype=torch.float32)
    if not torch.allclose(moved, torch.tensor([[70.0, 5.0, 90.0, 25.0], [0.0, 0.0, 100.0, 40.0]])):
        _fail(HINT_FLIP, f"In a 100 px wide image the boxes [[10, 5, 30, 25], [0, 0, 100, 40]] became {moved.tolist()}, "
              "not [[70, 5, 90, 25], [0, 0, 100, 40]].")
    if flipped.shape != image.shape or not np.array_equal(flipped, image[:, ::-1]):
        _fail(HINT_FLIP, f"The flipped image (shape {flipped.shape}) is not the image mirrored left-right.")
    if not (image[5:25, 10:30] == (0, 0, 255)).all() or boxes[0, 0] != 10:
        _fail(HINT_FLIP, "hflip changed the image or boxes it was given: return new arrays.")

    # VOCDetectionFolder(train=True) flips at random, half of the time, and never without train.
    root = _voc_folder(tmp_path / "voc", 6)
    plain = dataset.VOCDetectionFolder(root, NAMES)
    original, target = plain[0]
    mirrored = original.flip(-1)
    width = original.shape[-1]
    moved = target["boxes"][:, [2, 1, 0, 3]] * torch.tensor([-1.0, 1.0, -1.0, 1.0]) + torch.tensor([width, 0, width, 0])
    augmented = attempt(HINT_FLIP, dataset.VOCDetectionFolder, root, NAMES, train=True, seed=0)
    draws = 1000
    flips = 0
    for _ in range(draws):
        got, got_target = augmented[0]
        if torch.equal(got, mirrored) and torch.allclose(got_target["boxes"], moved):
            flips += 1
        elif not (torch.equal(got, original) and torch.equal(got_target["boxes"], target["boxes"])):
            _fail(HINT_FLIP, "VOCDetectionFolder(train=True) gave an image that is neither the original nor its mirror "
                  "with the boxes moved along.")
    if not 0.45 * draws <= flips <= 0.55 * draws:
        _fail(HINT_FLIP, f"VOCDetectionFolder(train=True) flipped {flips} of {draws} reads of one image, not about half.")
    if any(not torch.equal(plain[0][0], original) for _ in range(20)):
        _fail(HINT_FLIP, "VOCDetectionFolder without train=True flipped an image: only training images are augmented.")

    # fit() flips training images only.
    truths = {plain[i][0].numpy().tobytes(): plain[i][1] for i in range(len(plain))}
    stand_in, _, _ = _fit_scripted(HINT_FLIP, monkeypatch, tmp_path, str(root), truths, [{1, 2}], epochs=3)
    flipped_in_training = sum(epoch["flipped"] for epoch in stand_in.trained)
    seen_in_training = sum(epoch["images"] for epoch in stand_in.trained)
    if stand_in.unknown_val_images or not flipped_in_training:
        _fail(HINT_FLIP, f"fit() on a VOC folder flipped {flipped_in_training} of {seen_in_training} training images "
              f"and {stand_in.unknown_val_images} validation images: flip training images (train=True), never "
              "validation ones.")


HINT_FREEZE = ("Step 4: write set_backbone_frozen in models.py: switch requires_grad off (frozen=True) or back on "
               "for model.backbone only; the RPN and box heads keep training.")


def test_backbone_can_be_frozen(monkeypatch, tmp_path):
    torch.manual_seed(0)
    model = models.custom_detector(num_classes=3, pretrained=False)
    frozen = attempt(HINT_FREEZE, models.set_backbone_frozen, model, True)
    if frozen is not model:
        _fail(HINT_FREEZE, "set_backbone_frozen should return the model it was given.")
    training = [n for n, p in model.backbone.named_parameters() if p.requires_grad]
    if training:
        _fail(HINT_FREEZE, f"After set_backbone_frozen(model, True) {len(training)} backbone parameters still train, "
              f"such as {training[0]}.")
    heads = [n for n, p in list(model.rpn.named_parameters()) + list(model.roi_heads.named_parameters()) if not p.requires_grad]
    if heads:
        _fail(HINT_FREEZE, f"After set_backbone_frozen(model, True) {heads[0]} is frozen: the RPN and box heads must "
              "stay trainable.")
    models.set_backbone_frozen(model, False)
    if not all(p.requires_grad for p in model.backbone.parameters()):
        _fail(HINT_FREEZE, "set_backbone_frozen(model, False) should make the whole backbone train again.")

    # fit(freeze_backbone_epochs=1): epoch 1 trains the head only, then the backbone trains too.
    truths = _synthetic_truths(10)
    stand_in, _, _ = _fit_scripted(HINT_FREEZE, monkeypatch, tmp_path, "synthetic", truths, [{1, 2}], epochs=3,
                                n_synthetic=10, freeze_backbone_epochs=1)
    seen = [(epoch["early"], epoch["late"]) for epoch in stand_in.trained]
    if seen != [(False, False), (True, True), (True, True)]:
        _fail(HINT_FREEZE, f"fit(epochs=3, freeze_backbone_epochs=1) trained the backbone's two weights with "
              f"requires_grad {seen} per epoch, not [(False, False), (True, True), (True, True)].")
    after_first, after_last = stand_in.weights[1], stand_in.weights[3]
    if after_first["backbone.late"].item() != 0 or after_first["head"].item() == 0:
        _fail(HINT_FREEZE, "In the frozen first epoch the backbone should not change and the head should train.")
    if after_last["backbone.early"].item() == 0 or after_last["backbone.late"].item() == 0:
        _fail(HINT_FREEZE, f"Once unfrozen, the backbone's weights stayed at {after_last['backbone.early'].item():.3f} "
              f"and {after_last['backbone.late'].item():.3f}: the optimizer must hold the backbone's parameters too, "
              "even those frozen when it was built.")
    stand_in, _, _ = _fit_scripted(HINT_FREEZE, monkeypatch, tmp_path, "synthetic", truths, [{1, 2}], epochs=2, n_synthetic=10)
    seen = [(epoch["early"], epoch["late"]) for epoch in stand_in.trained]
    if seen != [(False, True), (False, True)]:
        _fail(HINT_FREEZE, f"fit() without freeze_backbone_epochs trained the backbone with requires_grad {seen} per "
              "epoch: it should leave the model's own frozen layers frozen and the rest training.")


HINT_BEST = ("Step 4: in fit() keep the checkpoint with the best validation mAP (save that epoch's weights to "
             "model_path, record it as history[\"best_epoch\"]) and report history[\"AP_<class name>\"] per epoch.")


def _saved_state(hint: str, path: Path) -> dict[str, torch.Tensor]:
    """The state dict in ``path``: saved as it is, or in a checkpoint dict under "model"."""
    if not path.exists():
        _fail(hint, "fit wrote nothing to model_path.")
    saved = attempt(hint, torch.load, path, map_location="cpu")
    if isinstance(saved, dict) and saved and all(isinstance(v, torch.Tensor) for v in saved.values()):
        return saved
    if isinstance(saved, dict):
        for key in ("model", "state_dict", "model_state_dict"):
            if isinstance(saved.get(key), dict):
                return saved[key]
    _fail(hint, f"model_path holds a {type(saved).__name__}: save the state dict (torch.save(state_dict, model_path)) "
          "or a checkpoint dict with it under \"model\".")


def _epochs_with(stand_in: ScriptedDetector, state: dict) -> list[int]:
    """The epochs whose evaluated weights are exactly ``state``."""
    return [epoch for epoch, weights in stand_in.weights.items()
            if weights.keys() == state.keys() and all(torch.equal(weights[k], state[k]) for k in weights)]


def _which(epochs: list[int]) -> str:
    return f"the weights of epoch {epochs[0]}" if epochs else "the weights of no epoch"


def test_best_checkpoint_and_per_class_ap(tmp_path, monkeypatch):
    # Made up: epoch 1 finds nothing, 2 finds everything, 3 only the blue boxes, 4 everything again.
    answers = [set(), {1, 2}, {2}, {1, 2}]
    stand_in, model, history = _fit_scripted(HINT_BEST, monkeypatch, tmp_path, "synthetic", _synthetic_truths(10), answers,
                                             epochs=4, n_synthetic=10)
    maps = [round(float(m), 3) for m in history.get("mAP", [])]
    if history.get("best_epoch") != 2:
        _fail(HINT_BEST, f"With val mAP per epoch {maps} (made up by the check) history[\"best_epoch\"] is "
              f"{history.get('best_epoch')!r}, not 2: the first epoch with the best mAP (epoch 4 only equals it).")
    state = _saved_state(HINT_BEST, tmp_path / "detector.pt")
    same_as = _epochs_with(stand_in, state)
    if same_as != [2]:
        _fail(HINT_BEST, f"The weights in model_path are {_which(same_as)}, not those of the best epoch 2.")
    same_as = _epochs_with(stand_in, model.state_dict() if isinstance(model, nn.Module) else {})
    if same_as != [2]:
        _fail(HINT_BEST, f"fit returned a model with {_which(same_as)}, not those of the best epoch 2: load the best "
              "weights back into the model before returning it.")
    per_class = sorted(key for key in history if key.startswith("AP_"))
    if per_class != ["AP_blue", "AP_red"]:
        _fail(HINT_BEST, f"history has the per-class keys {per_class}, not ['AP_blue', 'AP_red']: one per class name, "
              "and the background is not a class.")
    for name, expected in (("red", [0.0, 1.0, 0.0, 1.0]), ("blue", [0.0, 1.0, 1.0, 1.0])):
        values = history.get(f"AP_{name}")
        if not isinstance(values, list) or [round(float(v), 3) for v in values] != expected:
            _fail(HINT_BEST, f"history[\"AP_{name}\"] is {values!r}, not {expected}: one AP per epoch for the class "
                  f"{name!r} (label {NAMES.index(name)}), from the validation mAP's \"AP_<label>\".")
