# Checks for the steps in README.md: each fails with a hint until its step is done.
# Run with: pytest checks   (offline: random tensors stand in for MNIST, a few seconds on a CPU)
from __future__ import annotations

import traceback
from pathlib import Path

import matplotlib.figure
import matplotlib.pyplot as plt
import pytest
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from {{packageName}} import data, engine, model, train

PROJECT = Path(__file__).resolve().parents[1]
REAL_EVALUATE = train.evaluate
REAL_TRAIN_ONE_EPOCH = train.train_one_epoch
# --fake-data --fake-size 200: 200 training images (20 of them for validation) and 64 test images.
FAKE_ARGS = ["--fake-data", "--fake-size", "200", "--hidden", "16", "--batch-size", "32"]
TRAIN_SIZE, VAL_SIZE, TEST_SIZE = 180, 20, 64


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


def _parse(hint: str, argv: list[str]):
    """``train.parse_args(argv)``, or a failure with the hint when an option is not there yet."""
    try:
        return train.parse_args(argv)
    except SystemExit:
        pass
    _fail(hint, f"The command line does not accept {' '.join(argv)} yet.")


def _attr(module, name: str, hint: str):
    if not hasattr(module, name):
        _fail(hint, f"{module.__name__.split('.')[-1]}.py has no {name} yet.")
    return getattr(module, name)


class WatchedMain:
    """Runs train.main on fake data, watching train_one_epoch and evaluate. The evaluation that
    follows each epoch's training reports a made-up validation loss from ``losses``; any other
    evaluation (the final test) is real. Copies of the weights are kept at every evaluation."""

    def __init__(self, losses: list[float]) -> None:
        self.losses = losses
        self.epochs: list[dict] = []        # one per train_one_epoch call
        self.evaluations: list[dict] = []   # one per evaluate call
        self.pending_epoch = False

    def train_one_epoch(self, net, loader, optimizer, loss_fn, device="cpu"):
        group = optimizer.param_groups[0]
        self.epochs.append({"size": len(loader.dataset), "optimizer": type(optimizer).__name__, "lr": group["lr"],
                            "momentum": group.get("momentum"), "model": net,
                            "first_labels": next(iter(loader))[1][:16].tolist()})
        self.pending_epoch = True
        return REAL_TRAIN_ONE_EPOCH(net, loader, optimizer, loss_fn, device)

    def evaluate(self, net, loader, loss_fn, device="cpu", *args, **kwargs):
        metrics = REAL_EVALUATE(net, loader, loss_fn, device, *args, **kwargs)
        per_epoch = self.pending_epoch
        self.pending_epoch = False
        if per_epoch:
            done = sum(e["per_epoch"] for e in self.evaluations)
            metrics["loss"] = self.losses[min(done, len(self.losses) - 1)]
        self.evaluations.append({"size": len(loader.dataset), "per_epoch": per_epoch, "after_epoch": len(self.epochs),
                                 "weights": {k: v.detach().clone() for k, v in net.state_dict().items()},
                                 "metrics": metrics})
        return metrics

    def run(self, hint: str, monkeypatch, tmp_path: Path, *options: str):
        monkeypatch.setattr(train, "train_one_epoch", self.train_one_epoch)
        monkeypatch.setattr(train, "evaluate", self.evaluate)
        argv = [*FAKE_ARGS, "--checkpoint", str(tmp_path / "best.pt"), *options]
        if "plot" in vars(_parse(hint, [])):  # keep the plot out of the project's outputs/
            argv += ["--plot", str(tmp_path / "loss.png")]

        def run_main():
            try:
                return train.main(argv)
            except SystemExit as exc:  # argparse exits on an option it does not know
                raise RuntimeError(f"`train {' '.join(options)}` exited with code {exc.code}") from None

        self.result = attempt(hint, run_main)
        return self


HINT_ACTIVATION = ("Step 2: give MLP an `activation` argument (\"relu\", \"sigmoid\", \"tanh\", \"gelu\", \"none\") "
                   "in model.py and put that layer after every hidden Linear layer.")
ACTIVATION_TYPES = {"relu": nn.ReLU, "sigmoid": nn.Sigmoid, "tanh": nn.Tanh, "gelu": nn.GELU}


def _layer_names(mlp: nn.Module) -> list[str]:
    return [type(m).__name__ for m in mlp.modules() if not isinstance(m, (nn.Sequential, model.MLP))]


def test_activation_is_a_choice(monkeypatch, tmp_path):
    for name, layer_type in ACTIVATION_TYPES.items():
        mlp = attempt(HINT_ACTIVATION, model.MLP, hidden_dims=(16, 8), dropout=0.0, activation=name)
        layers = _layer_names(mlp)
        expected = ["Flatten", "Linear", layer_type.__name__, "Linear", layer_type.__name__, "Linear"]
        if layers != expected:
            _fail(HINT_ACTIVATION, f"MLP(hidden_dims=(16, 8), dropout=0, activation={name!r}) has the layers {layers}, "
                  f"not {expected}.")
        out = attempt(HINT_ACTIVATION, mlp, torch.zeros(3, 1, 28, 28))
        if tuple(out.shape) != (3, 10):
            _fail(HINT_ACTIVATION, f"With activation={name!r} the model outputs shape {tuple(out.shape)}, not (3, 10).")
    default = _layer_names(model.MLP(hidden_dims=(16,), dropout=0.0))
    if default != ["Flatten", "Linear", "ReLU", "Linear"]:
        _fail(HINT_ACTIVATION, f"MLP() without an activation has the layers {default}: ReLU should stay the default.")
    plain = _layer_names(attempt(HINT_ACTIVATION, model.MLP, hidden_dims=(16,), dropout=0.2, activation="none"))
    if plain != ["Flatten", "Linear", "Dropout", "Linear"]:
        _fail(HINT_ACTIVATION, f"activation=\"none\" gives the layers {plain}, not Flatten, Linear, Dropout, Linear.")
    try:
        model.MLP(activation="no-such-activation")
    except ValueError:
        pass
    except Exception as exc:  # noqa: BLE001 - any other exception is the learner's to fix
        _fail(HINT_ACTIVATION, f"MLP(activation=\"no-such-activation\") raised {type(exc).__name__}, not ValueError."
              f"{learner_frame(exc.__traceback__)}")
    else:
        _fail(HINT_ACTIVATION, "MLP(activation=\"no-such-activation\") was accepted: an unknown name should raise ValueError.")

    if _parse(HINT_ACTIVATION, []).activation != "relu":
        _fail(HINT_ACTIVATION, "The --activation option should default to relu.")
    watched = WatchedMain([1.0]).run(HINT_ACTIVATION, monkeypatch, tmp_path, "--epochs", "1", "--activation", "tanh")
    trained = [_layer_names(e["model"]) for e in watched.epochs]
    if not trained or trained[0].count("Tanh") != 1:
        _fail(HINT_ACTIVATION, f"`train --activation tanh --hidden 16` trained a model with the layers "
              f"{trained[0] if trained else 'none'}: main() should pass args.activation to MLP.")


HINT_OPTIMIZER = ("Step 3: write build_optimizer (Adam or SGD with momentum) and build_scheduler (a StepLR) in "
                  "train.py, and add the --optimizer, --momentum, --step-size and --gamma options.")


def test_optimizer_and_scheduler_choices(monkeypatch, tmp_path):
    build_optimizer = _attr(train, "build_optimizer", HINT_OPTIMIZER)
    build_scheduler = _attr(train, "build_scheduler", HINT_OPTIMIZER)
    net = model.MLP(hidden_dims=(8,))
    adam = attempt(HINT_OPTIMIZER, build_optimizer, net, "adam", lr=0.01)
    sgd = attempt(HINT_OPTIMIZER, build_optimizer, net, "sgd", lr=0.1, momentum=0.9)
    if not isinstance(adam, torch.optim.Adam) or not isinstance(sgd, torch.optim.SGD):
        _fail(HINT_OPTIMIZER, f"build_optimizer gave {type(adam).__name__} for \"adam\" and {type(sgd).__name__} for "
              "\"sgd\", not torch.optim.Adam and torch.optim.SGD.")
    if adam.param_groups[0]["lr"] != 0.01:
        _fail(HINT_OPTIMIZER, f"build_optimizer(model, \"adam\", lr=0.01) uses lr {adam.param_groups[0]['lr']}.")
    if sgd.param_groups[0]["lr"] != 0.1 or sgd.param_groups[0]["momentum"] != 0.9:
        _fail(HINT_OPTIMIZER, f"build_optimizer(model, \"sgd\", lr=0.1, momentum=0.9) uses lr {sgd.param_groups[0]['lr']} "
              f"and momentum {sgd.param_groups[0]['momentum']}.")
    for optimizer in (adam, sgd):
        if sum(p.numel() for g in optimizer.param_groups for p in g["params"]) != model.count_parameters(net):
            _fail(HINT_OPTIMIZER, f"The {type(optimizer).__name__} optimizer does not update every parameter of the model.")
    try:
        build_optimizer(net, "rmsprop")
    except ValueError:
        pass
    except Exception as exc:  # noqa: BLE001 - any other exception is the learner's to fix
        _fail(HINT_OPTIMIZER, f"build_optimizer(model, \"rmsprop\") raised {type(exc).__name__}, not ValueError."
              f"{learner_frame(exc.__traceback__)}")
    else:
        _fail(HINT_OPTIMIZER, "build_optimizer(model, \"rmsprop\") was accepted: an unknown name should raise ValueError.")

    scheduler = attempt(HINT_OPTIMIZER, build_scheduler, sgd, step_size=2, gamma=0.5)
    rates = []
    for _ in range(4):
        sgd.step()
        scheduler.step()
        rates.append(round(sgd.param_groups[0]["lr"], 6))
    if rates != [0.1, 0.05, 0.05, 0.025]:
        _fail(HINT_OPTIMIZER, f"With step_size=2 and gamma=0.5 the learning rate after each of 4 epochs was {rates}, not "
              "[0.1, 0.05, 0.05, 0.025].")
    if attempt(HINT_OPTIMIZER, build_scheduler, sgd, step_size=0) is not None:
        _fail(HINT_OPTIMIZER, "build_scheduler(optimizer, step_size=0) should return None: no schedule.")
    every = attempt(HINT_OPTIMIZER, build_scheduler, adam, step_size=1, gamma=0.5)
    rates = []
    for _ in range(2):
        adam.step()
        every.step()
        rates.append(round(adam.param_groups[0]["lr"], 6))
    if rates != [0.005, 0.0025]:
        _fail(HINT_OPTIMIZER, f"With step_size=1 and gamma=0.5 the learning rate from 0.01 went {rates}, not "
              "[0.005, 0.0025]: it drops every epoch.")

    args = _parse(HINT_OPTIMIZER, ["--optimizer", "sgd", "--momentum", "0.9", "--step-size", "2", "--gamma", "0.5"])
    if (args.optimizer, args.momentum, args.step_size, args.gamma) != ("sgd", 0.9, 2, 0.5):
        _fail(HINT_OPTIMIZER, "parse_args should store the options as optimizer, momentum, step_size and gamma.")
    defaults = _parse(HINT_OPTIMIZER, [])
    seen = (defaults.optimizer, defaults.momentum, defaults.step_size, defaults.gamma)
    if seen != ("adam", 0.0, 0, 0.1):
        _fail(HINT_OPTIMIZER, f"The defaults of --optimizer, --momentum, --step-size and --gamma are {seen}, not "
              "('adam', 0.0, 0, 0.1).")

    watched = WatchedMain([1.0, 0.9, 0.8, 0.7]).run(
        HINT_OPTIMIZER, monkeypatch, tmp_path, "--epochs", "4", "--optimizer", "sgd", "--lr", "0.1", "--momentum", "0.9",
        "--step-size", "2", "--gamma", "0.5")
    seen = [(e["optimizer"], round(e["lr"], 6), e["momentum"]) for e in watched.epochs]
    expected = [("SGD", 0.1, 0.9), ("SGD", 0.1, 0.9), ("SGD", 0.05, 0.9), ("SGD", 0.05, 0.9)]
    if seen != expected:
        _fail(HINT_OPTIMIZER, f"`train --epochs 4 --optimizer sgd --lr 0.1 --momentum 0.9 --step-size 2 --gamma 0.5` "
              f"trained its epochs with (optimizer, lr, momentum) {seen}, not {expected}: build both in main() and "
              "step the scheduler once after each epoch's training.")


HINT_SPLIT = ("Step 4: write split_train_val in data.py (torch.utils.data.random_split with a seeded "
              "generator) so model selection uses a validation set, not the test set.")


def _ids(part) -> set[int]:
    return {int(part[i][1]) for i in range(len(part))}


def test_validation_split(monkeypatch, tmp_path):
    split = _attr(data, "split_train_val", HINT_SPLIT)
    for size, fraction, sizes in ((100, 0.2, (80, 20)), (10, 0.26, (7, 3)), (5, 0.1, (4, 1))):
        dataset = TensorDataset(torch.arange(size).float().unsqueeze(1), torch.arange(size))
        train_part, val_part = attempt(HINT_SPLIT, split, dataset, val_fraction=fraction, seed=0)
        if (len(train_part), len(val_part)) != sizes:
            _fail(HINT_SPLIT, f"split_train_val({size} items, val_fraction={fraction}) gave {len(train_part)} + "
                  f"{len(val_part)} items, not {sizes[0]} + {sizes[1]} (the share rounded, and at least one).")
    dataset = TensorDataset(torch.arange(100).float().unsqueeze(1), torch.arange(100))
    train_part, val_part = split(dataset, val_fraction=0.2, seed=0)
    train_ids, val_ids = _ids(train_part), _ids(val_part)
    if train_ids & val_ids or len(train_ids | val_ids) != 100:
        _fail(HINT_SPLIT, f"{len(train_ids & val_ids)} items are in both parts and {100 - len(train_ids | val_ids)} in "
              "neither: every item must land in exactly one of the two parts.")
    if val_ids == set(range(80, 100)):
        _fail(HINT_SPLIT, "The validation items are just the last 20: shuffle before splitting.")
    if _ids(split(dataset, val_fraction=0.2, seed=0)[1]) != val_ids:
        _fail(HINT_SPLIT, "The same seed gave two different splits: pass a torch.Generator seeded with `seed`.")
    if _ids(split(dataset, val_fraction=0.2, seed=1)[1]) == val_ids:
        _fail(HINT_SPLIT, "seed=0 and seed=1 gave the same split: seed the generator with `seed`.")

    # main(): per-epoch decisions on the validation split, the test set once, with the best weights.
    if _parse(HINT_SPLIT, []).val_fraction != 0.1:
        _fail(HINT_SPLIT, "The --val-fraction option should default to 0.1.")
    losses = [1.0, 0.7, 0.8, 0.7]  # made up: the best validation loss is at epoch 2 of 4 (epoch 4 only equals it)
    watched = WatchedMain(losses).run(HINT_SPLIT, monkeypatch, tmp_path, "--epochs", "4")
    orders = {tuple(e["first_labels"]) for e in watched.epochs}
    if len(orders) == 1:
        _fail(HINT_SPLIT, "Every epoch went through the training images in the same order: shuffle the training "
              "loader (shuffle=True).")
    sizes = sorted({e["size"] for e in watched.epochs})
    if sizes != [TRAIN_SIZE]:
        _fail(HINT_SPLIT, f"`train --fake-data --fake-size 200` trained on {sizes} images per epoch, not {TRAIN_SIZE}: "
              "train on what split_train_val leaves after taking 10% for validation.")
    per_epoch = [e["size"] for e in watched.evaluations if e["per_epoch"]]
    if per_epoch != [VAL_SIZE] * 4:
        _fail(HINT_SPLIT, f"After each of the 4 epochs main() evaluated sets of {per_epoch} images, not the "
              f"{VAL_SIZE}-image validation split: the test set ({TEST_SIZE} images) must not steer training.")
    tests = [e for e in watched.evaluations if e["size"] == TEST_SIZE]
    if len(tests) != 1 or tests[0]["after_epoch"] != len(watched.epochs):
        _fail(HINT_SPLIT, f"main() evaluated the {TEST_SIZE}-image test set {len(tests)} times: once, after training.")
    best = [e for e in watched.evaluations if e["per_epoch"]][1]["weights"]
    if any(not torch.equal(best[k], tests[0]["weights"][k]) for k in best):
        _fail(HINT_SPLIT, f"With validation losses {losses} (made up by the check), the test set was evaluated with "
              "weights other than epoch 2's: load the best checkpoint (lowest validation loss) first.")
    result = watched.result
    if not isinstance(result, dict) or result.get("accuracy") != tests[0]["metrics"]["accuracy"]:
        _fail(HINT_SPLIT, "main() should return the test metrics of the best model.")


HINT_STOP = ("Step 4: write EarlyStopping in train.py: step(val_loss) returns True once the loss has not "
             "improved for `patience` epochs in a row; use it to end the training loop.")


def _decisions(stopper_class, patience, losses, **kwargs):
    stopper = attempt(HINT_STOP, stopper_class, patience=patience, **kwargs)
    return [attempt(HINT_STOP, stopper.step, loss) for loss in losses]


def test_early_stopping(monkeypatch, tmp_path):
    stopper_class = _attr(train, "EarlyStopping", HINT_STOP)
    cases = [
        (2, [1.0, 0.8, 0.9, 0.85], {}, [False, False, False, True]),
        (2, [1.0, 0.8, 0.8, 0.8], {}, [False, False, False, True]),          # equal is not better
        (1, [1.0, 0.9, 0.8, 0.7], {}, [False, False, False, False]),
        (2, [1.0, 0.95, 0.85, 0.8, 0.78], {"min_delta": 0.1}, [False, False, False, False, True]),
        (1, [0.5, 0.9], {}, [False, True]),                                  # the first loss is the one to beat
    ]
    for patience, losses, kwargs, expected in cases:
        got = _decisions(stopper_class, patience, losses, **kwargs)
        if got != expected:
            extra = ", ".join(f"{k}={v}" for k, v in kwargs.items())
            _fail(HINT_STOP, f"With patience={patience}{', ' + extra if extra else ''} and losses {losses}, step() "
                  f"returned {got}, not {expected}.")
    if _parse(HINT_STOP, ["--patience", "2"]).patience != 2 or _parse(HINT_STOP, []).patience != 3:
        _fail(HINT_STOP, "parse_args should store --patience (default 3) as args.patience.")
    losses = [1.0, 0.7, 0.8, 0.75, 0.9, 0.6, 0.5]  # made up: no better loss after epoch 2 until epoch 6
    for options, epochs in (((), 5), (("--patience", "2"), 4)):
        watched = WatchedMain(losses).run(HINT_STOP, monkeypatch, tmp_path, "--epochs", "7", *options)
        if len(watched.epochs) != epochs:
            _fail(HINT_STOP, f"With validation losses {losses} (made up by the check) `train --epochs 7"
                  f"{''.join(' ' + option for option in options)}` trained {len(watched.epochs)} epochs, not {epochs}: stop once "
                  f"{epochs - 2} epochs bring no better validation loss than epoch 2's.")


HINT_CONFUSION = ("Step 4: make evaluate() in engine.py also return \"confusion_matrix\": a 10x10 table of counts, "
                  "rows = true digit, columns = predicted digit.")


class Echo(nn.Module):
    """Predicts the digit written in each image's first pixel."""

    def forward(self, x):
        return nn.functional.one_hot(x[:, 0, 0, 0].long(), 10).float()


def test_confusion_matrix():
    labels = torch.tensor([0, 1, 1, 3, 3, 3, 9, 9, 9, 9])
    predicted = torch.tensor([0, 7, 1, 3, 8, 3, 4, 9, 4, 9])
    images = torch.zeros(10, 1, 28, 28)
    images[:, 0, 0, 0] = predicted.float()
    loader = DataLoader(TensorDataset(images, labels), batch_size=4)
    metrics = attempt(HINT_CONFUSION, engine.evaluate, Echo(), loader, nn.CrossEntropyLoss())
    if "confusion_matrix" not in metrics:
        _fail(HINT_CONFUSION, f"evaluate() returned the keys {sorted(metrics)}, without \"confusion_matrix\".")
    matrix = torch.as_tensor(metrics["confusion_matrix"]).double()
    if matrix.shape != (10, 10):
        _fail(HINT_CONFUSION, f"The confusion matrix has shape {tuple(matrix.shape)}, not (10, 10).")
    expected = torch.zeros(10, 10).double()
    for true, guess in zip(labels.tolist(), predicted.tolist()):
        expected[true, guess] += 1
    if not torch.equal(matrix, expected):
        cells = {(t, p): int(matrix[t, p]) for t in range(10) for p in range(10) if matrix[t, p]}
        _fail(HINT_CONFUSION, f"For labels {labels.tolist()} and predictions {predicted.tolist()} (in batches of 4) the "
              f"non-zero cells (row, column): count are {cells}; expected one count per (true, predicted) pair.")
    if abs(metrics["accuracy"] - 0.6) > 1e-9:
        _fail(HINT_CONFUSION, f"The accuracy changed to {metrics['accuracy']}; it should stay 0.6.")


HINT_CURVES = ("Step 5: write plot_history in train.py: draw train_loss and loss per epoch from `history` "
               "with matplotlib, save the figure as a PNG and return its path.")


def test_loss_curves_are_plotted(monkeypatch, tmp_path):
    plot = _attr(train, "plot_history", HINT_CURVES)
    history = [{"epoch": e, "train_loss": 1.0 / e, "loss": 1.2 / e, "accuracy": 0.5 + e / 10} for e in (1, 2, 3)]
    figures = []
    real_savefig = matplotlib.figure.Figure.savefig

    def recording_savefig(fig, *args, **kwargs):
        figures.append(fig)
        return real_savefig(fig, *args, **kwargs)

    monkeypatch.setattr(matplotlib.figure.Figure, "savefig", recording_savefig)
    open_before = set(plt.get_fignums())
    target = tmp_path / "plots" / "run" / "loss.png"
    returned = attempt(HINT_CURVES, plot, history, str(target))
    if not target.exists() or target.read_bytes()[:8] != b"\x89PNG\r\n\x1a\n":
        _fail(HINT_CURVES, "plot_history(history, path) did not write a PNG file at path (make its folders first).")
    if str(returned) != str(target):
        _fail(HINT_CURVES, f"plot_history returned {returned!r}, not the path it saved to.")
    attempt(HINT_CURVES, plot, history, str(target))  # a second run into the same folder
    if set(plt.get_fignums()) - open_before:
        _fail(HINT_CURVES, "plot_history left its figure open: close it (plt.close(fig)) once it is saved.")
    lines = [(list(map(float, line.get_xdata())), [round(float(y), 4) for y in line.get_ydata()])
             for ax in figures[0].axes for line in ax.get_lines()]
    expected = [([1.0, 2.0, 3.0], [1.0, 0.5, 0.3333]), ([1.0, 2.0, 3.0], [1.2, 0.6, 0.4])]
    if sorted(lines) != sorted(expected):
        _fail(HINT_CURVES, f"The figure's lines (x, y) are {lines}, not train_loss and loss against the epoch: {expected}.")
    axes = figures[0].axes[0]
    if axes.get_legend() is None or axes.get_xlabel() != "epoch":
        _fail(HINT_CURVES, "The plot should label its x axis \"epoch\" and have a legend naming the two lines.")

    if _parse(HINT_CURVES, []).plot != "outputs/loss.png":
        _fail(HINT_CURVES, "The --plot option should default to outputs/loss.png.")
    WatchedMain([1.0, 0.9]).run(HINT_CURVES, monkeypatch, tmp_path, "--epochs", "2")
    if not (tmp_path / "loss.png").exists():
        _fail(HINT_CURVES, "`train --plot <path>` wrote no plot at that path: call plot_history from main().")
