# Checks for the steps in README.md: each fails with a hint until its step is done.
# Run with: pytest checks   (offline: tiny random images, models with random weights, a CPU)
from __future__ import annotations

import pytest
import torch
from PIL import Image
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from {{packageName}} import data, engine, models, train, visualize

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


def test_deeper_small_cnn():
    hint = ("Step 2: give SmallCNN a `depth` argument in models.py (3 by default); depth=4 adds a fourth "
            "conv block named block4 and the classifier takes its channels.")
    deeper = _call(hint, models.SmallCNN, num_classes=10, depth=4)
    blocks = [name for name, _ in deeper.features.named_children()]
    if blocks != ["block1", "block2", "block3", "block4"]:
        _fail(f"{hint}\nSmallCNN(depth=4).features has the blocks {blocks}.")
    if deeper(torch.zeros(2, 3, 32, 32)).shape != (2, 10):
        _fail(f"{hint}\nSmallCNN(depth=4) should still give one logit per class for a 32x32 image.")
    if models.count_trainable(deeper) <= models.count_trainable(models.SmallCNN(num_classes=10)):
        _fail(f"{hint}\nThe deeper model should have more parameters than the default one.")
    if len(visualize.conv_layer_names(models.SmallCNN(num_classes=10, depth=3))) != 3:
        _fail(f"{hint}\ndepth=3 should keep the original three blocks.")


def test_cosine_scheduler():
    hint = ("Step 2: write build_scheduler in train.py: a CosineAnnealingLR that takes the learning rate "
            "from its start value down to 0 over the given number of epochs; step it once per epoch.")
    optimizer = torch.optim.SGD(nn.Linear(2, 1).parameters(), lr=0.1)
    scheduler = _call(hint, train.build_scheduler, optimizer, 4)
    rates = []
    for _ in range(4):
        optimizer.step()
        scheduler.step()
        rates.append(optimizer.param_groups[0]["lr"])
    if abs(rates[1] - 0.05) > 1e-6 or rates[-1] > 1e-6 or rates != sorted(rates, reverse=True):
        _fail(f"{hint}\nOver 4 epochs from lr=0.1 the rates were {[round(r, 4) for r in rates]}; "
              "a cosine schedule gives about 0.085, 0.05, 0.015, 0.")


def test_augmentation_changes_colours():
    hint = ("Step 3: add colour augmentation to build_transforms in data.py (e.g. transforms.ColorJitter) for "
            "training images only; crops and flips alone leave a plain red image unchanged.")
    image = Image.new("RGB", (40, 40), color=(180, 40, 40))
    train_tf = data.build_transforms(32, augment=True)
    means = set()
    for seed in range(12):
        torch.manual_seed(seed)
        means.add(tuple(round(v, 3) for v in train_tf(image).mean(dim=(1, 2)).tolist()))
    if len(means) < 2:
        _fail(hint)
    eval_tf = data.build_transforms(32, augment=False)
    torch.manual_seed(0)
    first = eval_tf(image)
    torch.manual_seed(1)
    if not torch.equal(first, eval_tf(image)):
        _fail(f"{hint}\nEvaluation transforms (augment=False) must give the same tensor every time.")


def test_fine_tuning_unfreezes_layer4_with_a_smaller_rate():
    hint = ("Step 4: write fine_tuning_optimizer in train.py: unfreeze ResNet18's layer4 and return an AdamW "
            "with two parameter groups, fc at lr and layer4 at lr * backbone_lr_factor; everything else stays frozen.")
    model, _ = models.build_resnet18(num_classes=3, pretrained=False, freeze_backbone=True)
    optimizer = _call(hint, train.fine_tuning_optimizer, model, 1e-3, backbone_lr_factor=0.1)
    if not isinstance(optimizer, torch.optim.AdamW):
        _fail(f"{hint}\nfine_tuning_optimizer returned {type(optimizer).__name__}, not torch.optim.AdamW.")
    group_of = {id(p): g["lr"] for g in optimizer.param_groups for p in g["params"]}
    named = dict(model.named_parameters())
    if any(group_of.get(id(p)) != pytest.approx(1e-3) for n, p in named.items() if n.startswith("fc.")):
        _fail(f"{hint}\nThe fc head should train at the full learning rate (1e-3 here).")
    layer4 = [p for n, p in named.items() if n.startswith("layer4.")]
    if not all(p.requires_grad for p in layer4) or any(group_of.get(id(p)) != pytest.approx(1e-4) for p in layer4):
        _fail(f"{hint}\nlayer4 should be unfrozen and train at lr * backbone_lr_factor (1e-4 here).")
    rest = [n for n, p in named.items() if not n.startswith(("fc.", "layer4.")) and (p.requires_grad or id(p) in group_of)]
    if rest:
        _fail(f"{hint}\nOnly fc and layer4 should train; these are trainable too: {rest[:3]}...")


def test_first_layer_filters_are_plotted(tmp_path):
    hint = ("Step 5: write plot_first_layer_filters in visualize.py: draw the first Conv2d layer's weights as "
            "small RGB patches and save the figure when save_path is given.")
    target = tmp_path / "filters" / "block1.png"
    fig = _call(hint, visualize.plot_first_layer_filters, models.SmallCNN(), save_path=target)
    if not target.exists() or target.read_bytes()[:8] != b"\x89PNG\r\n\x1a\n":
        _fail(f"{hint}\nNo PNG was written to save_path.")
    if not any(ax.get_images() for ax in fig.axes):
        _fail(f"{hint}\nThe figure shows no image: draw the filters with imshow.")


def test_per_class_accuracy():
    hint = ("Step 6: make evaluate() in engine.py also return \"per_class_accuracy\": for every class, the share "
            "of its images that the model got right (indexed like the model's outputs).")

    class AlwaysZero(nn.Module):
        def forward(self, x):
            logits = torch.zeros(x.shape[0], 3)
            logits[:, 0] = 1.0
            return logits

    labels = torch.tensor([0, 0, 0, 1, 2, 2])
    loader = DataLoader(TensorDataset(torch.zeros(6, 3, 8, 8), labels), batch_size=4)
    metrics = _call(hint, engine.evaluate, AlwaysZero(), loader, nn.CrossEntropyLoss())
    if "per_class_accuracy" not in metrics:
        _fail(hint)
    per_class = [float(metrics["per_class_accuracy"][i]) for i in range(3)]
    if per_class != [1.0, 0.0, 0.0]:
        _fail(f"{hint}\nA model that always says class 0, on labels {labels.tolist()}, got per-class accuracy "
              f"{per_class}; expected [1.0, 0.0, 0.0].")
