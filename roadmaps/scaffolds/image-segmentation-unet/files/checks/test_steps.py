"""Checks for the steps in README.md: each fails with a hint until its step is done.
Run with: pytest checks   (tiny synthetic images, a few seconds on a CPU)"""
from __future__ import annotations

import numpy as np
import pytest
import torch
from torch import nn
from torch.utils.data import DataLoader

from segmentation import data, model, train
from segmentation.metrics import BCEDiceLoss

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


def _decoder_inputs(unet: nn.Module, x: torch.Tensor) -> list[torch.Tensor]:
    """What each decoder DoubleConv receives: [skip features, upsampled features] concatenated."""
    seen: list[torch.Tensor] = []
    hooks = [conv.register_forward_hook(lambda _m, inputs, _out: seen.append(inputs[0].detach()))
             for conv in unet.up_convs]
    try:
        unet.eval()
        with torch.no_grad():
            out = unet(x)
    finally:
        for hook in hooks:
            hook.remove()
    assert out.shape == (x.shape[0], 1, *x.shape[2:]), "the U-Net must keep the spatial size"
    return seen


def test_unet_ablations():
    hint = ("Step 4: give UNet the ablation switches in model.py: skip=False concatenates zeros in place of the "
            "encoder features, up=\"bilinear\" upsamples with nn.Upsample + a 1x1 conv instead of ConvTranspose2d.")
    torch.manual_seed(0)
    x = torch.rand(2, 3, 16, 16)
    no_skip = _call(hint, model.UNet, base=4, depth=2, skip=False)
    for inputs in _decoder_inputs(no_skip, x):
        half = inputs.shape[1] // 2
        if not (torch.all(inputs[:, :half] == 0) or torch.all(inputs[:, half:] == 0)):
            _fail(f"{hint}\nWith skip=False, half of every decoder block's input should be zeros.")
    for inputs in _decoder_inputs(model.UNet(base=4, depth=2), x):
        half = inputs.shape[1] // 2
        if torch.all(inputs[:, :half] == 0) or torch.all(inputs[:, half:] == 0):
            _fail(f"{hint}\nThe default UNet (skip=True) must still pass the encoder features across.")
    bilinear = _call(hint, model.UNet, base=4, depth=2, up="bilinear")
    kinds = {type(m) for m in bilinear.modules()}
    if nn.ConvTranspose2d in kinds or nn.Upsample not in kinds:
        _fail(f"{hint}\nWith up=\"bilinear\" the model should use nn.Upsample and no ConvTranspose2d.")
    if bilinear(x).shape != (2, 1, 16, 16):
        _fail(f"{hint}\nWith up=\"bilinear\" the output should keep the input's size.")


def test_paired_augmentation():
    hint = ("Step 4: write augment_pair in data.py: flip and rotate by multiples of 90 degrees, the same way "
            "for the image and its mask, so every mask pixel stays on its shape.")
    image, mask = data.make_sample(32, np.random.default_rng(0))
    changed = 0
    for seed in range(8):
        out = _call(hint, data.augment_pair, image, mask, np.random.default_rng(seed))
        aug_image, aug_mask = out
        if aug_image.shape != image.shape or aug_mask.shape != mask.shape:
            _fail(f"{hint}\nThe shapes changed: {image.shape}, {mask.shape} -> {aug_image.shape}, {aug_mask.shape}.")
        # The same transform on both: the mask must still sit on the same image values.
        if not np.allclose(np.sort(aug_image[:, aug_mask[0] > 0.5].ravel()), np.sort(image[:, mask[0] > 0.5].ravel())):
            _fail(f"{hint}\nAfter augment_pair the mask no longer covers the same pixels as before in the image.")
        changed += not np.array_equal(aug_image, image)
    if changed == 0:
        _fail(f"{hint}\nEight different seeds never changed the image: apply the random flips/rotations.")


def test_best_checkpoint_is_kept(tmp_path):
    hint = ("Step 4: in fit() keep the weights of the epoch with the best validation Dice: save those to "
            "model_path and record that epoch (counting from 1) as history[\"best_epoch\"].")
    path = tmp_path / "unet.pt"
    kwargs = dict(n_train=16, n_val=8, size=16, batch_size=8, base=4, seed=0)
    _, history = _call(hint, train.fit, epochs=4, lr=5e-2, out_dir=tmp_path, model_path=path, **kwargs)
    if "best_epoch" not in history:
        _fail(hint)
    best = int(history["best_epoch"])
    dices = history["val_dice"]
    if not 1 <= best <= len(dices) or dices[best - 1] < max(dices) - 1e-9:
        _fail(f"{hint}\nhistory[\"best_epoch\"] is {best}, but the val Dice per epoch was "
              f"{[round(d, 3) for d in dices]}.")
    saved = model.UNet(base=4)
    saved.load_state_dict(torch.load(path, map_location="cpu"))
    val_loader = DataLoader(data.ShapesDataset(8, 16, seed=1), batch_size=8)
    dice = train.evaluate(saved, val_loader, BCEDiceLoss(), torch.device("cpu"))["dice"]
    if abs(dice - dices[best - 1]) > 1e-4:
        _fail(f"{hint}\nThe weights in model_path give val Dice {dice:.4f}, not the best epoch's {dices[best - 1]:.4f}.")
