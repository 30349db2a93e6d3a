"""Checks for the steps in README.md: each fails with a hint until its step is done.
Run with: pytest checks   (tiny synthetic images, a few seconds on a CPU)"""
from __future__ import annotations

import traceback
from pathlib import Path

import numpy as np
import pytest
import torch
from torch import nn

from segmentation import data, model, train

PROJECT = Path(__file__).resolve().parents[1]
REAL_EVALUATE = train.evaluate


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


def _rounded(values) -> list:
    return [round(float(v), 4) for v in values]


# --- Ablations -----------------------------------------------------------------------------------

HINT_ABLATIONS = ("Step 4: give UNet the ablation switches in model.py: skip=False concatenates zeros in place of the "
                  "encoder features, up=\"bilinear\" upsamples with nn.Upsample + a 1x1 conv instead of ConvTranspose2d.")


def _run_recording(unet: nn.Module, x: torch.Tensor):
    """Run ``unet`` on ``x`` in eval mode; returns (output, encoder outputs from the top level down
    to the bottleneck, what each decoder block received: [skip half, up-sampled half] concatenated)."""
    encoder: list[torch.Tensor] = []
    decoder: list[torch.Tensor] = []
    hooks = [m.register_forward_hook(lambda _m, _inputs, out: encoder.append(out.detach()))
             for m in [unet.inc, *unet.downs]]
    hooks += [conv.register_forward_hook(lambda _m, inputs, _out: decoder.append(inputs[0].detach()))
              for conv in unet.up_convs]
    try:
        unet.eval()
        with torch.no_grad():
            out = attempt(HINT_ABLATIONS, unet, x)
    finally:
        for hook in hooks:
            hook.remove()
    if len(decoder) != len(unet.up_convs):
        _fail(HINT_ABLATIONS, f"Of the {len(unet.up_convs)} decoder blocks (up_convs) {len(decoder)} ran: each up-sampling "
              "step should feed its block the skip features and the up-sampled ones, concatenated.")
    return out, encoder, decoder


def _halves(inputs: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    half = inputs.shape[1] // 2
    return inputs[:, :half], inputs[:, half:]


def _skip_and_upsampled(encoder: list[torch.Tensor], decoder: list[torch.Tensor], level: int):
    """The decoder block ``level`` (0 = the deepest) as (half equal to its encoder features or
    None, the other half)."""
    features = encoder[len(decoder) - 1 - level]
    first, second = _halves(decoder[level])
    if first.shape == features.shape and torch.equal(first, features):
        return first, second
    if second.shape == features.shape and torch.equal(second, features):
        return second, first
    return None, None


def test_unet_ablations():
    torch.manual_seed(0)
    x = torch.rand(2, 3, 16, 24)
    expected_shape = (2, 1, 16, 24)

    # The default U-Net passes each level's encoder features to the decoder unchanged.
    default = attempt(HINT_ABLATIONS, model.UNet, base=4, depth=2)
    _, encoder, decoder = _run_recording(default, x)
    for level in range(len(decoder)):
        if _skip_and_upsampled(encoder, decoder, level)[0] is None:
            _fail(HINT_ABLATIONS, f"The default UNet (skip=True) no longer passes the encoder features of level {level} "
                  "across: half of each decoder block's input should be exactly those features.")
    if not any(isinstance(m, nn.ConvTranspose2d) for m in default.modules()):
        _fail(HINT_ABLATIONS, "The default UNet (up=\"transpose\") should still up-sample with nn.ConvTranspose2d.")

    no_skip = attempt(HINT_ABLATIONS, model.UNet, base=4, depth=2, skip=False)
    out, encoder, decoder = _run_recording(no_skip, x)
    if tuple(out.shape) != expected_shape:
        _fail(HINT_ABLATIONS, f"With skip=False the output has shape {tuple(out.shape)}, not {expected_shape}.")
    for level, inputs in enumerate(decoder):
        features = encoder[len(decoder) - 1 - level]
        zero = [bool(torch.all(h == 0)) for h in _halves(inputs)]
        carries_features = any(h.shape == features.shape and torch.equal(h, features) for h in _halves(inputs))
        if carries_features:
            _fail(HINT_ABLATIONS, f"With skip=False, decoder block {level} still receives the encoder features: "
                  "those are what should be replaced by zeros (not the up-sampled half).")
        if zero.count(True) != 1:
            _fail(HINT_ABLATIONS, f"With skip=False, exactly one half of decoder block {level}'s input should be zeros "
                  f"(in place of the encoder features); {zero.count(True)} halves are.")

    bilinear = attempt(HINT_ABLATIONS, model.UNet, base=4, depth=2, up="bilinear")
    transposed = [type(m).__name__ for m in bilinear.modules() if isinstance(m, nn.ConvTranspose2d)]
    if transposed:
        _fail(HINT_ABLATIONS, f"With up=\"bilinear\" the model still has {len(transposed)} transposed convolution(s) "
              f"({transposed[0]}): it should have none.")
    out, encoder, decoder = _run_recording(bilinear, x)
    if tuple(out.shape) != expected_shape:
        _fail(HINT_ABLATIONS, f"With up=\"bilinear\" the output has shape {tuple(out.shape)}, not {expected_shape}.")
    for level in range(len(decoder)):
        _, upsampled = _skip_and_upsampled(encoder, decoder, level)
        if upsampled is None:
            _fail(HINT_ABLATIONS, f"With up=\"bilinear\" (skip=True) decoder block {level} no longer receives the "
                  "encoder features beside the up-sampled ones.")
        if torch.equal(upsampled[..., 0::2, :], upsampled[..., 1::2, :]) and torch.equal(upsampled[..., 0::2], upsampled[..., 1::2]):
            _fail(HINT_ABLATIONS, f"With up=\"bilinear\" the up-sampled features of decoder block {level} are blocks of "
                  "2x2 equal values: that is nearest-neighbour up-sampling (nn.Upsample's default mode), not "
                  "bilinear; pass mode=\"bilinear\".")

    try:
        model.UNet(base=4, depth=2, up="sideways")
    except ValueError:
        pass
    except Exception as exc:  # noqa: BLE001 - any other exception is the learner's to fix
        _fail(HINT_ABLATIONS, f"UNet(up=\"sideways\") raised {type(exc).__name__}: {exc}{learner_frame(exc.__traceback__)}; "
              "an unknown up-sampling method should raise ValueError.")
    else:
        _fail(HINT_ABLATIONS, "UNet(up=\"sideways\") was accepted: an unknown up-sampling method should raise ValueError.")


# --- Paired augmentation -------------------------------------------------------------------------

HINT_AUGMENT = ("Step 4: write augment_pair in data.py: flip and rotate by multiples of 90 degrees, the same way "
                "for the image and its mask, so every mask pixel stays on its shape.")

#: The 8 flips/rotations of a square: rotate by k x 90 degrees, then maybe flip left-right.
DIHEDRAL = [(k, flip) for flip in (False, True) for k in range(4)]
AUGMENT_CALLS = 4000


def _transform(array: np.ndarray, k: int, flip: bool) -> np.ndarray:
    array = np.rot90(array, k, axes=(1, 2))
    return array[:, :, ::-1] if flip else array


def _describe(k: int, flip: bool) -> str:
    return f"rotated {90 * k} degrees" + (" and flipped" if flip else "")


def test_paired_augmentation(monkeypatch, tmp_path):
    image, mask = data.make_sample(16, np.random.default_rng(0))
    rng = np.random.default_rng(0)
    seen = {t: 0 for t in DIHEDRAL}
    for _ in range(AUGMENT_CALLS):
        given_image, given_mask = image.copy(), mask.copy()
        out = attempt(HINT_AUGMENT, data.augment_pair, given_image, given_mask, rng)
        if not (isinstance(out, (tuple, list)) and len(out) == 2 and all(isinstance(a, np.ndarray) for a in out)):
            _fail(HINT_AUGMENT, f"augment_pair returned {type(out).__name__}, not a pair of NumPy arrays (image, mask).")
        aug_image, aug_mask = out
        if aug_image.shape != image.shape or aug_mask.shape != mask.shape:
            _fail(HINT_AUGMENT, f"The shapes changed: {image.shape}, {mask.shape} -> {aug_image.shape}, {aug_mask.shape}.")
        if aug_image.dtype != np.float32 or aug_mask.dtype != np.float32:
            _fail(HINT_AUGMENT, f"augment_pair returned {aug_image.dtype} and {aug_mask.dtype} arrays, not float32.")
        if not (np.array_equal(given_image, image) and np.array_equal(given_mask, mask)):
            _fail(HINT_AUGMENT, "augment_pair changed the arrays it was given: return new ones.")
        if any(stride < 0 for array in out for stride in array.strides):
            _fail(HINT_AUGMENT, "augment_pair returned arrays with negative strides, which torch.from_numpy (and so "
                  "the DataLoader) rejects: flips and rot90 give views; return np.ascontiguousarray(...) copies.")
        moved = [t for t in DIHEDRAL if np.array_equal(aug_image, _transform(image, *t))]
        if not moved:
            _fail(HINT_AUGMENT, "The augmented image is none of the 8 flips/rotations of the image it was given "
                  "(rotate and flip the height and width axes, 1 and 2, and leave the pixel values alone).")
        if not np.array_equal(aug_mask, _transform(mask, *moved[0])):
            _fail(HINT_AUGMENT, f"The image was {_describe(*moved[0])}, but the mask was not moved the same way: the mask "
                  "no longer covers the discs in the image.")
        seen[moved[0]] += 1
    missing = [_describe(*t) for t, count in seen.items() if count == 0]
    if missing:
        _fail(HINT_AUGMENT, f"In {AUGMENT_CALLS} calls some flips/rotations never happened: {', '.join(missing)}.")
    share = AUGMENT_CALLS // len(DIHEDRAL)
    skewed = {_describe(*t): count for t, count in seen.items() if not 0.8 * share <= count <= 1.2 * share}
    if skewed:
        _fail(HINT_AUGMENT, f"In {AUGMENT_CALLS} calls the 8 flips/rotations should each come about {share} times; "
              f"these did not: {skewed}.")

    # fit(augment=True) augments each training sample once per epoch and never a validation one.
    calls = []

    def counting(*args, **kwargs):
        calls.append(1)
        return data_augment_pair(*args, **kwargs)

    data_augment_pair = data.augment_pair
    monkeypatch.setattr(data, "augment_pair", counting)
    if hasattr(train, "augment_pair"):
        monkeypatch.setattr(train, "augment_pair", counting)
    n_train, n_val = 8, 4
    for augment, expected in ((False, 0), (True, n_train)):
        calls.clear()
        attempt(HINT_AUGMENT, train.fit, epochs=1, n_train=n_train, n_val=n_val, size=16, batch_size=4, base=4,
                out_dir=tmp_path, model_path=tmp_path / "unet.pt", augment=augment)
        if len(calls) != expected:
            _fail(HINT_AUGMENT, f"One epoch of fit(augment={augment}) with {n_train} training and {n_val} validation "
                  f"samples called augment_pair {len(calls)} times, not {expected}: with augment=True once per "
                  "training sample per epoch, never for validation samples, and never with augment=False.")


# --- Best checkpoint, early stopping, learning-rate schedule -------------------------------------

HINT_BEST = ("Step 4: in fit() keep the weights of the epoch with the best validation Dice: save those to "
             "model_path and record that epoch (counting from 1) as history[\"best_epoch\"].")
HINT_STALL = ("Step 4: in fit() stop after `patience` epochs without a better validation Dice, and halve the "
              "learning rate when the Dice stalls (ReduceLROnPlateau(optimizer, mode=\"max\", factor=0.5, "
              "patience=2)), recording each epoch's rate in history[\"lr\"].")

#: Validation Dice per epoch, made up so the answer is known: the best is epoch 3, epoch 5 only
#: equals it (not better), and the last epoch is worse than the best.
DICE_BEST = [0.20, 0.45, 0.70, 0.62, 0.70, 0.66]
#: The same start, then 5 epochs without a better Dice (4 to 8), then better ones that a run with
#: patience 5 never reaches.
DICE_STALL = [0.20, 0.45, 0.70, 0.62, 0.70, 0.66, 0.64, 0.68, 0.90, 0.95, 0.97, 0.99]
FIT_ARGS = dict(n_train=16, n_val=8, size=16, batch_size=8, base=4, lr=1e-2, seed=0)


class ScriptedDice:
    """Stands in for train.evaluate: the real loss and IoU, the Dice of each call from a script,
    and a copy of the weights the model had at each call."""

    def __init__(self, dices: list[float]) -> None:
        self.dices = dices
        self.weights: list[dict[str, torch.Tensor]] = []

    def __call__(self, net, loader, loss_fn, device):
        scores = REAL_EVALUATE(net, loader, loss_fn, device)
        self.weights.append({k: v.detach().cpu().clone() for k, v in net.state_dict().items()})
        scores["dice"] = self.dices[min(len(self.weights), len(self.dices)) - 1]
        return scores


def _fit_scripted(hint: str, monkeypatch, dices: list[float], tmp_path: Path, **kwargs):
    script = ScriptedDice(dices)
    monkeypatch.setattr(train, "evaluate", script)
    result = attempt(hint, train.fit, out_dir=tmp_path, model_path=tmp_path / "unet.pt", **FIT_ARGS, **kwargs)
    if not (isinstance(result, tuple) and len(result) == 2 and isinstance(result[1], dict)):
        _fail(hint, f"fit returned {type(result).__name__}, not (model, history).")
    history = result[1]
    got = history.get("val_dice")
    if not isinstance(got, list) or _rounded(got) != _rounded(dices[: len(got)]):
        _fail(hint, f"history[\"val_dice\"] is {got!r}, but evaluate() returned the Dice {dices[: len(script.weights)]}: "
              "record the Dice evaluate() returns, once per epoch.")
    return history, script


def _saved_state(hint: str, path: Path) -> dict[str, torch.Tensor]:
    """The state dict in ``path``: saved as it is, in a checkpoint dict, or as a whole model."""
    if not path.exists():
        _fail(hint, "fit wrote nothing to model_path.")
    saved = attempt(hint, torch.load, path, map_location="cpu")
    if isinstance(saved, nn.Module):
        return saved.state_dict()
    if isinstance(saved, dict) and saved and all(isinstance(v, torch.Tensor) for v in saved.values()):
        return saved
    if isinstance(saved, dict):
        for key in ("model", "state_dict", "model_state_dict"):
            if isinstance(saved.get(key), dict):
                return saved[key]
        _fail(hint, f"model_path holds a dict with the keys {sorted(map(str, saved))[:8]}: save the state dict itself "
              "(torch.save(state_dict, model_path)) or a checkpoint dict with it under \"model\".")
    _fail(hint, f"model_path holds a {type(saved).__name__}: save the state dict (torch.save(state_dict, model_path)) "
          "or a checkpoint dict with it under \"model\".")


def _same_weights(a: dict[str, torch.Tensor], b: dict[str, torch.Tensor]) -> bool:
    return a.keys() == b.keys() and all(torch.equal(a[k].cpu(), b[k]) for k in a)


def test_best_checkpoint_is_kept(monkeypatch, tmp_path):
    history, script = _fit_scripted(HINT_BEST, monkeypatch, DICE_BEST, tmp_path, epochs=len(DICE_BEST))
    dices = history["val_dice"]
    if len(dices) < 4:
        _fail(HINT_BEST, f"fit(epochs={len(DICE_BEST)}) trained only {len(dices)} epochs, with val Dice {_rounded(dices)}: "
              "it should go on for `patience` (default 5) epochs after the best one.")
    if "best_epoch" not in history:
        _fail(HINT_BEST, f"history has no \"best_epoch\" (its keys: {sorted(history)}).")
    best = history["best_epoch"]
    if isinstance(best, bool) or not isinstance(best, (int, np.integer)):
        _fail(HINT_BEST, f"history[\"best_epoch\"] is {best!r} ({type(best).__name__}), not one int: the epoch number.")
    expected = 3
    if best != expected:
        _fail(HINT_BEST, f"history[\"best_epoch\"] is {best}, but with val Dice per epoch {DICE_BEST} (made up by the "
              f"check, through evaluate()) the best is epoch "
              f"{expected} (epoch 5 only equals it, and the last epoch is lower).")
    state = _saved_state(HINT_BEST, tmp_path / "unet.pt")
    wanted = script.weights[expected - 1]
    if state.keys() != wanted.keys():
        _fail(HINT_BEST, f"The state dict in model_path has keys {sorted(state)[:4]}…, not the U-Net's "
              f"{sorted(wanted)[:4]}…: save model.state_dict() (or a copy of it).")
    if not _same_weights(state, wanted):
        same_as = [epoch for epoch, weights in enumerate(script.weights[: len(dices)], 1) if _same_weights(state, weights)]
        what = (f"those of epoch {same_as[0]}{' (the last)' if same_as[0] == len(dices) else ''}" if same_as
                else "those of no epoch")
        _fail(HINT_BEST, f"The weights in model_path are {what}, not those of the best epoch {expected}; a "
              "state_dict() kept without copying goes on changing with the model.")


def test_training_stops_and_lowers_lr_when_dice_stalls(monkeypatch, tmp_path):
    history, _ = _fit_scripted(HINT_STALL, monkeypatch, DICE_STALL, tmp_path, epochs=len(DICE_STALL))
    trained = len(history["val_dice"])
    if trained != 8:
        _fail(HINT_STALL, f"With val Dice per epoch {DICE_STALL} (made up by the check, through evaluate()) and the "
              f"default patience 5, fit trained {trained} epochs and recorded history[\"best_epoch\"] = "
              f"{history.get('best_epoch')!r}: the best Dice is at epoch 3 (epoch 5 only equals it), so epochs 4 to 8 "
              "bring no better one and training should stop after epoch 8.")
    lr = FIT_ARGS["lr"]
    expected_lr = [lr] * 6 + [lr / 2] * 2
    got_lr = history.get("lr")
    if not isinstance(got_lr, list) or len(got_lr) != len(expected_lr) or not np.allclose(got_lr, expected_lr):
        _fail(HINT_STALL, f"history[\"lr\"] is {got_lr!r}, not {expected_lr}: stepped with each epoch's val Dice, "
              "ReduceLROnPlateau(mode=\"max\", factor=0.5, patience=2) halves the rate once 3 epochs (4, 5, 6) bring "
              "no better Dice, so epochs 7 and 8 train at half the rate.")

    history, _ = _fit_scripted(HINT_STALL, monkeypatch, DICE_STALL, tmp_path, epochs=len(DICE_STALL), patience=2)
    trained = len(history["val_dice"])
    if trained != 5:
        _fail(HINT_STALL, f"With patience=2, fit trained {trained} epochs and recorded history[\"best_epoch\"] = "
              f"{history.get('best_epoch')!r}: after the best Dice at epoch 3, epochs 4 and 5 bring no better one, "
              "so training should stop after epoch 5.")
