# Checks for the steps in README.md: each fails with a hint until its step is done.
# Run with: pytest checks   (offline: tiny random images, models with random weights, a CPU)
from __future__ import annotations

import math
import traceback
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from {{packageName}} import data, engine, models, train, visualize

PROJECT = Path(__file__).resolve().parents[1]


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


def _rounded(values, digits: int = 4) -> list[float]:
    return [round(float(v), digits) for v in values]


class EpochSpy:
    """Stands in for train.train_one_epoch inside train.main: runs it, and first records the
    optimizer's learning rates (one per parameter group) and which top-level layers train."""

    def __init__(self) -> None:
        self.real = train.train_one_epoch
        self.epochs: list[dict] = []

    def __call__(self, model, loader, optimizer, loss_fn, device="cpu"):
        named = dict(model.named_parameters())
        groups = []
        for group in optimizer.param_groups:
            ids = {id(p) for p in group["params"]}
            layers = sorted({n.split(".")[0] for n, p in named.items() if id(p) in ids})
            groups.append((tuple(layers), group["lr"]))
        trainable = sorted({n.split(".")[0] for n, p in named.items() if p.requires_grad})
        self.epochs.append({"groups": groups, "trainable": trainable})
        return self.real(model, loader, optimizer, loss_fn, device)


def _run_main(hint: str, monkeypatch, tmp_path: Path, *options: str) -> EpochSpy:
    spy = EpochSpy()
    monkeypatch.setattr(train, "train_one_epoch", spy)
    argv = ["--fake-data", "--limit", "8", "--batch-size", "8", "--checkpoint-dir", str(tmp_path / "checkpoints"), *options]

    def run_main():
        try:
            return train.main(argv)
        except SystemExit as exc:  # argparse exits on an option it does not know
            raise RuntimeError(f"`train {' '.join(options)}` exited with code {exc.code} (see its usage above)") from None

    attempt(hint, run_main)
    return spy


HINT_DEPTH = ("Step 2: give SmallCNN a `depth` argument in models.py (3 by default); depth=4 adds a fourth "
              "conv block named block4 and the classifier takes its channels.")


def test_deeper_small_cnn():
    for depth in (4, 2, 5):
        net = attempt(HINT_DEPTH, models.SmallCNN, num_classes=10, depth=depth)
        blocks = [name for name, _ in net.features.named_children()]
        expected = [f"block{i}" for i in range(1, depth + 1)]
        if blocks != expected:
            _fail(HINT_DEPTH, f"SmallCNN(depth={depth}).features has the blocks {blocks}, not {expected}.")
        channels = [m.out_channels for m in net.features.modules() if isinstance(m, nn.Conv2d)]
        wanted = [32 * 2**i for i in range(depth)]
        if channels != wanted:
            _fail(HINT_DEPTH, f"SmallCNN(depth={depth})'s conv layers have {channels} output channels, not {wanted}: "
                  "each block doubles the channels of the one before.")
        out = attempt(HINT_DEPTH, net, torch.zeros(2, 3, 32, 32))
        if tuple(out.shape) != (2, 10):
            _fail(HINT_DEPTH, f"SmallCNN(depth={depth}) gives logits of shape {tuple(out.shape)} for two 32x32 images, "
                  "not (2, 10).")
    default = models.SmallCNN(num_classes=10)
    if len(visualize.conv_layer_names(default)) != 3:
        _fail(HINT_DEPTH, f"SmallCNN() has {len(visualize.conv_layer_names(default))} conv blocks: the default depth "
              "should stay 3.")


HINT_COSINE = ("Step 2: write build_scheduler in train.py: a CosineAnnealingLR that takes the learning rate "
               "from its start value down to 0 over the given number of epochs; step it once per epoch.")


def test_cosine_scheduler(monkeypatch, tmp_path):
    for epochs in (4, 1):
        optimizer = torch.optim.SGD(nn.Linear(2, 1).parameters(), lr=0.1)
        scheduler = attempt(HINT_COSINE, train.build_scheduler, optimizer, epochs)
        rates = []
        for _ in range(epochs):
            optimizer.step()
            scheduler.step()
            rates.append(optimizer.param_groups[0]["lr"])
        expected = [0.05 * (1 + math.cos(math.pi * e / epochs)) for e in range(1, epochs + 1)]
        if not np.allclose(rates, expected, atol=1e-6):
            _fail(HINT_COSINE, f"Over {epochs} epoch(s) from lr=0.1 the rates after each step were {_rounded(rates)}; "
                  f"a cosine schedule down to 0 gives {_rounded(expected)}.")

    # main() trains epoch 1 at --lr and steps the schedule once after each epoch.
    spy = _run_main(HINT_COSINE, monkeypatch, tmp_path, "--model", "small", "--epochs", "4", "--lr", "0.1")
    rates = [epoch["groups"][0][1] for epoch in spy.epochs]
    expected = [0.05 * (1 + math.cos(math.pi * e / 4)) for e in range(4)]
    if not np.allclose(rates, expected, atol=1e-6):
        _fail(HINT_COSINE, f"`train --epochs 4 --lr 0.1` trained its epochs at the rates {_rounded(rates)}, not "
              f"{_rounded(expected)}: build the schedule in main() and step it once after each epoch's training.")


HINT_COLOUR = ("Step 3: add colour augmentation to build_transforms in data.py (e.g. transforms.ColorJitter) for "
               "training images only; crops and flips alone leave a plain red image unchanged.")


def test_augmentation_changes_colours():
    image = Image.new("RGB", (40, 40), color=(180, 40, 40))
    train_tf = attempt(HINT_COLOUR, data.build_transforms, 32, augment=True)
    means = set()
    for seed in range(12):
        torch.manual_seed(seed)
        means.add(tuple(_rounded(attempt(HINT_COLOUR, train_tf, image).mean(dim=(1, 2)), 3)))
    if len(means) < 2:
        steps = [type(t).__name__ for t in getattr(train_tf, "transforms", [train_tf])]
        _fail(HINT_COLOUR, f"Twelve training transforms ({', '.join(steps)}) of a plain red image all have the mean colour "
              f"{sorted(means)[0]}: none of them changes colours (ColorJitter() without arguments changes nothing).")
    eval_tf = attempt(HINT_COLOUR, data.build_transforms, 32, augment=False)
    outputs = []
    for seed in range(4):
        torch.manual_seed(seed)
        outputs.append(attempt(HINT_COLOUR, eval_tf, image))
    if not all(torch.equal(outputs[0], other) for other in outputs[1:]):
        _fail(HINT_COLOUR, "Evaluation transforms (augment=False) gave different tensors for the same image: they "
              "must not augment.")


HINT_FINE_TUNE = ("Step 4: write fine_tuning_optimizer in train.py: unfreeze ResNet18's layer4 and return an AdamW "
                  "with two parameter groups, fc at lr and layer4 at lr * backbone_lr_factor; everything else stays frozen.")


def test_fine_tuning_unfreezes_layer4_with_a_smaller_rate(monkeypatch, tmp_path):
    lr, factor = 2e-3, 0.25
    model, _ = models.build_resnet18(num_classes=3, pretrained=False, freeze_backbone=True)
    optimizer = attempt(HINT_FINE_TUNE, train.fine_tuning_optimizer, model, lr, backbone_lr_factor=factor)
    if not isinstance(optimizer, torch.optim.AdamW):
        _fail(HINT_FINE_TUNE, f"fine_tuning_optimizer returned {type(optimizer).__name__}, not torch.optim.AdamW.")
    group_of = {id(p): g for g in optimizer.param_groups for p in g["params"]}
    named = dict(model.named_parameters())
    for prefix, rate in (("fc.", lr), ("layer4.", lr * factor)):
        params = {n: p for n, p in named.items() if n.startswith(prefix)}
        missing = [n for n, p in params.items() if id(p) not in group_of]
        if missing:
            _fail(HINT_FINE_TUNE, f"{missing[0]} is in no parameter group of the optimizer.")
        frozen = [n for n, p in params.items() if not p.requires_grad]
        if frozen:
            _fail(HINT_FINE_TUNE, f"{frozen[0]} still has requires_grad=False: unfreeze it.")
        rates = sorted({group_of[id(p)]["lr"] for p in params.values()})
        if not np.allclose(rates, [rate]):
            _fail(HINT_FINE_TUNE, f"With lr={lr} and backbone_lr_factor={factor}, the {prefix[:-1]} parameters train at "
                  f"{rates}, not {rate:g}.")
        decay = sorted({group_of[id(p)]["weight_decay"] for p in params.values()})
        if decay != [1e-4]:
            _fail(HINT_FINE_TUNE, f"The {prefix[:-1]} parameters have weight_decay {decay}, not 1e-4 as in main().")
    rest = [n for n, p in named.items() if not n.startswith(("fc.", "layer4.")) and (p.requires_grad or id(p) in group_of)]
    if rest:
        _fail(HINT_FINE_TUNE, f"Only fc and layer4 should train; these are trainable or in the optimizer too: {rest[:3]}.")

    # main(): the head alone for --head-epochs, then layer4 too, with a fresh cosine schedule (a
    # known-good one here, so that this check does not depend on build_scheduler's).
    monkeypatch.setattr(train, "build_scheduler", lambda opt, epochs: torch.optim.lr_scheduler.CosineAnnealingLR(opt, max(1, epochs)))
    spy = _run_main(HINT_FINE_TUNE, monkeypatch, tmp_path, "--model", "resnet18", "--no-pretrained", "--image-size",
                    "32", "--fine-tune", "--epochs", "3", "--lr", "0.01")
    seen = [(epoch["trainable"], sorted((layers, round(rate, 6)) for layers, rate in epoch["groups"])) for epoch in spy.epochs]
    expected = [
        (["fc"], [(("fc",), 0.01)]),
        (["fc", "layer4"], [(("fc",), 0.01), (("layer4",), 0.001)]),
        (["fc", "layer4"], [(("fc",), 0.005), (("layer4",), 0.0005)]),
    ]
    if seen != expected:
        def describe(epochs):
            return "; ".join(f"epoch {number}: trains {'+'.join(trainable) or 'nothing'}, lr "
                             + ", ".join(f"{'+'.join(layers)} {rate:g}" for layers, rate in groups)
                             for number, (trainable, groups) in enumerate(epochs, 1))
        _fail(HINT_FINE_TUNE, "`train --model resnet18 --fine-tune --epochs 3 --lr 0.01` (--head-epochs 1 by default) ran "
              f"{describe(seen)}; expected {describe(expected)}: the head alone first, then fine_tuning_optimizer "
              "with a new cosine schedule over the 2 epochs left.")


HINT_FILTERS = ("Step 5: write plot_first_layer_filters in visualize.py: draw the first Conv2d layer's weights as "
                "small RGB patches and save the figure when save_path is given.")


def _check_filter_patches(net: nn.Module, max_filters: int, tmp_path: Path, name: str) -> None:
    target = tmp_path / "filters" / "first" / f"{name}.png"
    fig = attempt(HINT_FILTERS, visualize.plot_first_layer_filters, net, max_filters=max_filters, save_path=target)
    if not target.exists() or target.read_bytes()[:8] != b"\x89PNG\r\n\x1a\n":
        _fail(HINT_FILTERS, "No PNG was written to save_path.")
    patches = [np.asarray(image.get_array()) for ax in fig.axes for image in ax.get_images()]
    first = next(m for m in net.modules() if isinstance(m, nn.Conv2d))
    weights = first.weight.detach().permute(0, 2, 3, 1).numpy()      # (N, k, k, 3)
    wanted = min(max_filters, len(weights))
    if len(patches) != wanted:
        _fail(HINT_FILTERS, f"For {name} (first conv: {len(weights)} filters) with max_filters={max_filters} the figure "
              f"shows {len(patches)} images, not {wanted}: one per filter.")
    if len(fig.axes) > wanted + math.sqrt(wanted):
        _fail(HINT_FILTERS, f"For {name} the {wanted} filters are drawn on {len(fig.axes)} axes: use a near-square grid "
              "(about sqrt(N) columns), with at most one row not full.")
    for ax in fig.axes:
        if ax.get_images() and ax.axison and (len(ax.get_xticks()) or len(ax.get_yticks())):
            _fail(HINT_FILTERS, f"The patches for {name} are drawn with axis ticks: turn the axes off (ax.axis(\"off\")).")
    for i, (patch, weight) in enumerate(zip(patches, weights)):
        if patch.shape != weight.shape:
            _fail(HINT_FILTERS, f"Image {i} for {name} has shape {patch.shape}, not {weight.shape}: (k, k, 3), the filter "
                  "with its colour channels last.")
        if abs(patch.min()) > 1e-3 or abs(patch.max() - 1) > 1e-3:
            _fail(HINT_FILTERS, f"Image {i} for {name} has values from {patch.min():.3f} to {patch.max():.3f}: scale each "
                  "filter on its own to exactly [0, 1] (its smallest weight to 0, its largest to 1).")
        if np.corrcoef(patch.ravel(), weight.ravel())[0, 1] < 0.999:
            _fail(HINT_FILTERS, f"Image {i} for {name} is not filter {i} of the first conv layer scaled to [0, 1] (the "
                  "pixels do not follow its weights): take weight[i] and move its channels last with permute(1, 2, 0).")


def test_first_layer_filters_are_plotted(tmp_path):
    torch.manual_seed(0)
    _check_filter_patches(models.SmallCNN(), 32, tmp_path, "SmallCNN")
    resnet, _ = models.build_resnet18(num_classes=3, pretrained=False)
    _check_filter_patches(resnet, 10, tmp_path, "ResNet18")
    _check_filter_patches(resnet, 1, tmp_path, "ResNet18 (one filter)")

    # The CLI saves the filters next to the feature maps.
    checkpoint = engine.save_checkpoint(tmp_path / "best.pt", models.SmallCNN(num_classes=2), None, 1, {},
                                        {"model": "small", "class_names": ["a", "b"], "image_size": 32,
                                         "mean": [0.5] * 3, "std": [0.5] * 3})
    Image.new("RGB", (40, 40), color=(20, 120, 200)).save(tmp_path / "image.png")
    out = tmp_path / "maps"
    saved = attempt(HINT_FILTERS, visualize.main, ["--checkpoint", str(checkpoint), "--image", str(tmp_path / "image.png"),
                                                   "--out", str(out)])
    target = out / "first_layer_filters.png"
    if not target.exists() or target not in [Path(p) for p in saved]:
        _fail(HINT_FILTERS, f"`python -m <package>.visualize` wrote {sorted(p.name for p in out.glob('*.png'))} and returned "
              f"{[Path(p).name for p in saved]}: it should also save first_layer_filters.png in --out and return it.")


HINT_PER_CLASS = ("Step 6: make evaluate() in engine.py also return \"per_class_accuracy\": for every class, the share "
                  "of its images that the model got right (indexed like the model's outputs).")


class Echo(nn.Module):
    """Predicts the class written in each image's first pixel, out of four classes."""

    def forward(self, x):
        return nn.functional.one_hot(x[:, 0, 0, 0].long(), 4).float()


def test_per_class_accuracy():
    # Labels of 9 images (class 3 has none) and what Echo predicts for each.
    labels = torch.tensor([0, 0, 0, 1, 1, 2, 2, 2, 2])
    predicted = torch.tensor([0, 1, 1, 1, 2, 2, 2, 0, 2])
    images = torch.zeros(9, 3, 4, 4)
    images[:, 0, 0, 0] = predicted.float()
    loader = DataLoader(TensorDataset(images, labels), batch_size=4)
    metrics = attempt(HINT_PER_CLASS, engine.evaluate, Echo(), loader, nn.CrossEntropyLoss())
    if "per_class_accuracy" not in metrics:
        _fail(HINT_PER_CLASS, f"evaluate() returned the keys {sorted(metrics)}, without \"per_class_accuracy\".")
    per_class = metrics["per_class_accuracy"]
    try:
        got = [float(per_class[i]) for i in range(4)]
    except (IndexError, KeyError, TypeError, ValueError) as exc:
        got = f"{per_class!r} ({type(exc).__name__} reading classes 0 to 3)"
    expected = [1 / 3, 1 / 2, 3 / 4, float("nan")]
    if isinstance(got, str) or not np.allclose(got, expected, equal_nan=True):
        _fail(HINT_PER_CLASS, f"With labels {labels.tolist()} and predictions {predicted.tolist()} (4 classes, in "
              f"batches of 4), per_class_accuracy was {got if isinstance(got, str) else _rounded(got, 3)}; expected "
              "[0.333, 0.5, 0.75, nan]: right answers among each class's images, NaN for a class with none.")
    if metrics.get("accuracy") != pytest.approx(5 / 9):
        _fail(HINT_PER_CLASS, f"The overall accuracy changed to {metrics.get('accuracy')!r}; it should stay 5/9.")
