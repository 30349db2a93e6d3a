"""Tests for the done parts. Run with: pytest"""
import numpy as np
import torch

from segmentation.data import ShapesDataset, make_sample
from segmentation.metrics import BCEDiceLoss, dice_coefficient, iou_score
from segmentation.model import UNet
from segmentation.train import fit


def test_sample_shapes_and_mask_is_binary():
    image, mask = make_sample(32, np.random.default_rng(0))
    assert image.shape == (3, 32, 32) and mask.shape == (1, 32, 32)
    assert image.dtype == np.float32 and mask.dtype == np.float32
    assert set(np.unique(mask)) <= {0.0, 1.0} and mask.sum() > 0


def test_unet_keeps_spatial_size():
    model = UNet(base=4, depth=3)
    out = model(torch.rand(2, 3, 32, 32))
    assert out.shape == (2, 1, 32, 32)


def test_dice_and_iou_edge_cases():
    a = torch.zeros(1, 1, 4, 4)
    a[..., :2, :] = 1
    b = torch.zeros(1, 1, 4, 4)
    b[..., :, :2] = 1          # overlaps a in 4 of its 8 pixels
    assert dice_coefficient(a, a).item() == 1.0
    assert abs(dice_coefficient(a, b).item() - 0.5) < 1e-4
    assert abs(iou_score(a, b).item() - 4 / 12) < 1e-4


def test_dataset_is_reproducible():
    a, b = ShapesDataset(4, 32, seed=7), ShapesDataset(4, 32, seed=7)
    assert len(a) == 4 and torch.equal(a.images, b.images) and torch.equal(a.masks, b.masks)


def test_a_short_training_run_reduces_loss(tmp_path):
    _, history = fit(epochs=3, n_train=64, n_val=16, size=32, batch_size=8, base=8,
                     out_dir=tmp_path, model_path=tmp_path / "unet.pt")
    assert history["train_loss"][-1] < history["train_loss"][0]
    assert 0.0 <= history["val_dice"][-1] <= 1.0
    assert (tmp_path / "predictions.png").exists() and (tmp_path / "unet.pt").exists()


def test_loss_is_small_for_confident_correct_logits():
    target = torch.zeros(1, 1, 4, 4)
    target[..., :2, :] = 1
    good = BCEDiceLoss()(target * 20 - 10, target)
    bad = BCEDiceLoss()(10 - target * 20, target)
    assert good.item() < 0.01 < bad.item()


# TODO: once you add augmentation, test that a flipped image gets an equally flipped mask.
