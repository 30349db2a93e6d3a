"""Checks for the steps in README.md: each fails with a hint until its step is done.
Run with: pytest checks

Nothing is downloaded: detectors are built with random weights, and the training-loop check uses
a small scripted stand-in detector so that it runs in seconds."""
from __future__ import annotations

import numpy as np
import pytest
import torch
from torch import nn

from detection import dataset, metrics, models, train
from detection.dataset import SyntheticBoxes

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


def test_coco_style_map():
    hint = ("Step 3: write coco_map in metrics.py: the mean of mean_average_precision(...)[\"mAP\"] over the IoU "
            "thresholds 0.50, 0.55, ..., 0.95.")
    target = [{"boxes": [[0, 0, 10, 10]], "labels": [1]}]
    perfect = [{"boxes": [[0, 0, 10, 10]], "scores": [0.9], "labels": [1]}]
    loose = [{"boxes": [[0, 0, 10, 7.2]], "scores": [0.9], "labels": [1]}]   # IoU 0.72 with the truth
    for preds, want in ((perfect, 1.0), (loose, 0.5)):
        got = _call(hint, metrics.coco_map, preds, target, labels=[1])
        if abs(float(got) - want) > 1e-9:
            _fail(f"{hint}\nA box with IoU {1.0 if want == 1 else 0.72} gave {float(got):.3f}; expected {want} "
                  "(it counts at 5 of the 10 thresholds when IoU is 0.72).")


def test_horizontal_flip_moves_the_boxes():
    hint = ("Step 4: write hflip in dataset.py: mirror the image left-right and move each box with it "
            "(x1, x2 -> W - x2, W - x1).")
    image = np.zeros((40, 100, 3), np.uint8)
    image[5:25, 10:30] = (0, 0, 255)                 # a red box at x 10..30, y 5..25
    boxes = torch.tensor([[10.0, 5.0, 30.0, 25.0]])
    flipped, moved = _call(hint, dataset.hflip, image, boxes)
    moved = torch.as_tensor(moved, dtype=torch.float32)
    if not torch.allclose(moved, torch.tensor([[70.0, 5.0, 90.0, 25.0]])):
        _fail(f"{hint}\nIn a 100 px wide image the box [10, 5, 30, 25] became {moved.tolist()}.")
    if flipped.shape != image.shape or not (flipped[5:25, 70:90] == (0, 0, 255)).all():
        _fail(f"{hint}\nThe red square should sit inside its moved box in the flipped image.")
    if not (image[5:25, 10:30] == (0, 0, 255)).all() or boxes[0, 0] != 10:
        _fail(f"{hint}\nhflip should return new arrays and leave its inputs unchanged.")


def test_backbone_can_be_frozen():
    hint = ("Step 4: write set_backbone_frozen in models.py: switch requires_grad off (frozen=True) or back on "
            "for model.backbone only; the RPN and box heads keep training.")
    torch.manual_seed(0)
    model = models.custom_detector(num_classes=3, pretrained=False)
    frozen = _call(hint, models.set_backbone_frozen, model, True)
    if frozen is not model:
        _fail(f"{hint}\nset_backbone_frozen should return the model it was given.")
    if any(p.requires_grad for p in model.backbone.parameters()):
        _fail(f"{hint}\nAfter set_backbone_frozen(model, True) some backbone parameters still train.")
    heads = list(model.rpn.parameters()) + list(model.roi_heads.parameters())
    if not all(p.requires_grad for p in heads):
        _fail(f"{hint}\nThe RPN and box heads must stay trainable.")
    models.set_backbone_frozen(model, False)
    if not all(p.requires_grad for p in model.backbone.parameters()):
        _fail(f"{hint}\nset_backbone_frozen(model, False) should make the backbone train again.")


class ScriptedDetector(nn.Module):
    """Stands in for Faster R-CNN: training returns a loss, and the validation answers are exact in
    epoch ``good_epoch`` only, so the best epoch is known in advance."""

    def __init__(self, truths: dict[bytes, dict], good_epoch: int) -> None:
        super().__init__()
        self.weight = nn.Parameter(torch.zeros(1))
        self.truths, self.good_epoch = truths, good_epoch
        self.epoch, self.weights_by_epoch = 0, {}
        self._was_training = True

    def forward(self, images, targets=None):
        if self.training:
            self._was_training = True
            return {"loss": (self.weight - 1).pow(2).sum()}
        if self._was_training:                       # the first validation batch of a new epoch
            self._was_training = False
            self.epoch += 1
            self.weights_by_epoch[self.epoch] = self.weight.detach().clone()
        outputs = []
        for image in images:
            truth = self.truths[image.numpy().tobytes()]
            keep = slice(None) if self.epoch == self.good_epoch else slice(0, 0)
            outputs.append({"boxes": truth["boxes"][keep], "labels": truth["labels"][keep],
                            "scores": torch.ones(len(truth["labels"]))[keep]})
        return outputs


def test_best_checkpoint_and_per_class_ap(tmp_path, monkeypatch):
    hint = ("Step 4: in fit() keep the checkpoint with the best validation mAP (save that epoch's weights to "
            "model_path, record it as history[\"best_epoch\"]) and report history[\"AP_<class name>\"] per epoch.")
    n = 10
    boxes = SyntheticBoxes(n)
    truths = {boxes[i][0].numpy().tobytes(): boxes[i][1] for i in range(n)}  # (it has no end of its own)
    stand_in = ScriptedDetector(truths, good_epoch=2)
    monkeypatch.setattr(train, "custom_detector", lambda *args, **kwargs: stand_in)
    monkeypatch.setattr(train, "pick_device", lambda: torch.device("cpu"))
    names = ["__background__", "red", "blue"]
    path = tmp_path / "detector.pt"
    result = _call(hint, train.fit, "synthetic", epochs=3, batch_size=4, lr=0.1, class_names=names,
                   model_path=path, n_synthetic=n)
    history = result[1]
    if history.get("best_epoch") != 2:
        _fail(f"{hint}\nOnly epoch 2 had perfect detections (val mAP {history.get('mAP')}), but "
              f"history[\"best_epoch\"] is {history.get('best_epoch')}.")
    saved = torch.load(path, map_location="cpu")
    if not torch.equal(saved["weight"], stand_in.weights_by_epoch[2]):
        _fail(f"{hint}\nThe weights in model_path are not the ones from the best epoch.")
    for name in ("red", "blue"):
        values = history.get(f"AP_{name}")
        if values is None or len(values) != 3:
            _fail(f"{hint}\nhistory[\"AP_{name}\"] should hold one AP per epoch; got {values}.")
        if not (np.isnan(values[1]) or values[1] == 1.0) or values[0] == 1.0:
            _fail(f"{hint}\nhistory[\"AP_{name}\"] = {values} does not match the per-class AP of each epoch.")
