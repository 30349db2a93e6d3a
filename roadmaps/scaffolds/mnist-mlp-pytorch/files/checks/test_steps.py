# Checks for the steps in README.md: each fails with a hint until its step is done.
# Run with: pytest checks   (offline: random tensors stand in for MNIST, a few seconds on a CPU)
from __future__ import annotations

import pytest
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from {{packageName}} import data, engine, model, train

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


def _parse(hint: str, argv: list[str]):
    """``train.parse_args(argv)``, or a failure with the hint when an option is not there yet."""
    try:
        return train.parse_args(argv)
    except SystemExit:
        pass
    _fail(f"{hint}\nThe command line does not accept {' '.join(argv)} yet.")


def _attr(module, name: str, hint: str):
    if not hasattr(module, name):
        _fail(hint)
    return getattr(module, name)


def test_activation_is_a_choice():
    hint = ("Step 2: give MLP an `activation` argument (\"relu\", \"sigmoid\", \"tanh\", \"gelu\", \"none\") "
            "in model.py and put that layer after every hidden Linear layer.")
    expected = {"relu": nn.ReLU, "sigmoid": nn.Sigmoid, "tanh": nn.Tanh, "gelu": nn.GELU}
    for name, layer_type in expected.items():
        mlp = _call(hint, model.MLP, hidden_dims=(16, 8), dropout=0.0, activation=name)
        layers = [m for m in mlp.modules() if isinstance(m, layer_type)]
        if len(layers) != 2:
            _fail(f"{hint}\nMLP(hidden_dims=(16, 8), activation={name!r}) has {len(layers)} {layer_type.__name__} "
                  "layers; expected one per hidden layer.")
        if mlp(torch.zeros(3, 1, 28, 28)).shape != (3, 10):
            _fail(f"{hint}\nWith activation={name!r} the model no longer outputs 10 logits per image.")
    plain = _call(hint, model.MLP, hidden_dims=(16,), dropout=0.0, activation="none")
    if any(isinstance(m, tuple(expected.values())) for m in plain.modules()):
        _fail(f"{hint}\nactivation=\"none\" should leave the hidden layers without an activation.")
    try:
        model.MLP(activation="no-such-activation")
    except ValueError:
        pass
    else:
        _fail(f"{hint}\nAn unknown activation name should raise ValueError.")


def test_optimizer_and_scheduler_choices():
    hint = ("Step 3: write build_optimizer (Adam or SGD with momentum) and build_scheduler (a StepLR) in "
            "train.py, and add the --optimizer, --momentum, --step-size and --gamma options.")
    build_optimizer = _attr(train, "build_optimizer", hint)
    build_scheduler = _attr(train, "build_scheduler", hint)
    net = model.MLP(hidden_dims=(8,))
    adam = _call(hint, build_optimizer, net, "adam", lr=0.01)
    sgd = _call(hint, build_optimizer, net, "sgd", lr=0.1, momentum=0.9)
    if not isinstance(adam, torch.optim.Adam) or not isinstance(sgd, torch.optim.SGD):
        _fail(f"{hint}\nbuild_optimizer(model, \"adam\") should give torch.optim.Adam and \"sgd\" torch.optim.SGD.")
    if sgd.param_groups[0]["lr"] != 0.1 or sgd.param_groups[0]["momentum"] != 0.9:
        _fail(f"{hint}\nbuild_optimizer(model, \"sgd\", lr=0.1, momentum=0.9) should use that learning rate and momentum.")
    if sum(p.numel() for g in sgd.param_groups for p in g["params"]) != model.count_parameters(net):
        _fail(f"{hint}\nThe optimizer should update every parameter of the model.")
    scheduler = _call(hint, build_scheduler, sgd, step_size=2, gamma=0.5)
    for _ in range(4):
        sgd.step()
        scheduler.step()
    if abs(sgd.param_groups[0]["lr"] - 0.025) > 1e-9:
        _fail(f"{hint}\nAfter 4 epochs with step_size=2 and gamma=0.5 the learning rate should be 0.1 * 0.5 * 0.5.")
    args = _parse(hint, ["--optimizer", "sgd", "--momentum", "0.9", "--step-size", "2", "--gamma", "0.5"])
    if (args.optimizer, args.momentum, args.step_size, args.gamma) != ("sgd", 0.9, 2, 0.5):
        _fail(f"{hint}\nparse_args should store the options as optimizer, momentum, step_size and gamma.")


def test_validation_split():
    hint = ("Step 4: write split_train_val in data.py (torch.utils.data.random_split with a seeded "
            "generator) so model selection uses a validation set, not the test set.")
    split = _attr(data, "split_train_val", hint)
    dataset = TensorDataset(torch.arange(100).float().unsqueeze(1), torch.arange(100))
    train_part, val_part = _call(hint, split, dataset, val_fraction=0.2, seed=0)
    if (len(train_part), len(val_part)) != (80, 20):
        _fail(f"{hint}\nsplit_train_val(100 items, val_fraction=0.2) gave {len(train_part)} + {len(val_part)} "
              "items; expected 80 + 20.")
    train_ids = {int(train_part[i][1]) for i in range(len(train_part))}
    val_ids = {int(val_part[i][1]) for i in range(len(val_part))}
    if train_ids & val_ids or len(train_ids | val_ids) != 100:
        _fail(f"{hint}\nEvery item must land in exactly one of the two parts.")
    if val_ids == set(range(80, 100)):
        _fail(f"{hint}\nThe validation items are just the last 20: shuffle before splitting.")
    _, again = split(dataset, val_fraction=0.2, seed=0)
    if {int(again[i][1]) for i in range(len(again))} != val_ids:
        _fail(f"{hint}\nThe same seed should give the same split (pass a seeded torch.Generator).")


def test_early_stopping():
    hint = ("Step 4: write EarlyStopping in train.py: step(val_loss) returns True once the loss has not "
            "improved for `patience` epochs in a row; use it to end the training loop.")
    stopper_class = _attr(train, "EarlyStopping", hint)
    stopper = _call(hint, stopper_class, patience=2)
    decisions = [_call(hint, stopper.step, loss) for loss in (1.0, 0.8, 0.9, 0.85)]
    if decisions != [False, False, False, True]:
        _fail(f"{hint}\nWith patience=2 and losses 1.0, 0.8, 0.9, 0.85 step() returned {decisions}; "
              "expected to stop at the fourth (two epochs without beating 0.8).")
    improving = stopper_class(patience=1)
    if any(improving.step(loss) for loss in (1.0, 0.9, 0.8, 0.7)):
        _fail(f"{hint}\nA loss that keeps improving must never stop training.")
    args = _parse(hint, ["--patience", "2"])
    if args.patience != 2:
        _fail(f"{hint}\nparse_args should store --patience as args.patience.")


def test_confusion_matrix():
    hint = ("Step 4: make evaluate() in engine.py also return \"confusion_matrix\": a 10x10 table of counts, "
            "rows = true digit, columns = predicted digit.")

    class AlwaysThree(nn.Module):
        def forward(self, x):
            logits = torch.zeros(x.shape[0], 10)
            logits[:, 3] = 1.0
            return logits

    labels = torch.tensor([0, 1, 1, 3, 3, 3, 9, 9, 9, 9])
    loader = DataLoader(TensorDataset(torch.zeros(10, 1, 28, 28), labels), batch_size=4)
    metrics = _call(hint, engine.evaluate, AlwaysThree(), loader, nn.CrossEntropyLoss())
    if "confusion_matrix" not in metrics:
        _fail(hint)
    matrix = torch.as_tensor(metrics["confusion_matrix"]).double()
    if matrix.shape != (10, 10):
        _fail(f"{hint}\nThe confusion matrix has shape {tuple(matrix.shape)}; expected (10, 10).")
    if matrix.sum().item() != 10:
        _fail(f"{hint}\nIts entries should add up to the number of images evaluated (10).")
    expected_column = torch.bincount(labels, minlength=10).double()
    if not torch.equal(matrix[:, 3], expected_column):
        _fail(f"{hint}\nFor a model that always predicts 3, column 3 should hold how many images of each "
              "true digit there were.")
    if abs(matrix.trace().item() / 10 - metrics["accuracy"]) > 1e-9:
        _fail(f"{hint}\nIts diagonal should match the reported accuracy.")


def test_loss_curves_are_plotted(tmp_path):
    hint = ("Step 5: write plot_history in train.py: draw train_loss and loss per epoch from `history` "
            "with matplotlib, save the figure as a PNG and return its path.")
    plot = _attr(train, "plot_history", hint)
    history = [{"epoch": e, "train_loss": 1.0 / e, "loss": 1.2 / e, "accuracy": 0.5 + e / 10} for e in (1, 2, 3)]
    target = tmp_path / "plots" / "loss.png"
    _call(hint, plot, history, str(target))
    if not target.exists() or target.read_bytes()[:8] != b"\x89PNG\r\n\x1a\n":
        _fail(f"{hint}\nplot_history(history, path) did not write a PNG file at path.")
