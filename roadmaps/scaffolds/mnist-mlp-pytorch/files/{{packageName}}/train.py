"""Command line entry point: ``python -m <package>.train --epochs 3`` (add ``--fake-data`` offline)."""
from __future__ import annotations

import argparse
from collections.abc import Sequence

import torch
from torch import nn

from .data import get_dataloaders
from .engine import evaluate, save_checkpoint, train_one_epoch
from .model import MLP, count_parameters


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Train an MLP on MNIST (CPU).")
    parser.add_argument("--epochs", type=int, default=3, help="number of passes over the training set")
    parser.add_argument("--fake-data", action="store_true", help="use random tensors instead of downloading MNIST")
    parser.add_argument("--fake-size", type=int, default=2048, help="number of fake training images")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--lr", type=float, default=1e-3, help="learning rate for Adam")
    parser.add_argument("--hidden", type=int, nargs="+", default=[256, 128], help="hidden layer sizes")
    parser.add_argument("--dropout", type=float, default=0.2)
    parser.add_argument("--data-dir", default="data", help="where MNIST is downloaded")
    parser.add_argument("--checkpoint", default="checkpoints/mnist_mlp.pt", help="where to save the best model")
    parser.add_argument("--seed", type=int, default=42)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> dict[str, float]:
    """Train, evaluate after each epoch, keep the best checkpoint; returns the best test metrics."""
    args = parse_args(argv)
    torch.manual_seed(args.seed)
    device = torch.device("cpu")  # CPU only on purpose: MNIST MLPs train in minutes without a GPU.

    # TODO: honest evaluation: carve a validation set out of the training data with split_train_val
    #       (data.py; a --val-fraction option, default 0.1, split with --seed), train on the rest and
    #       make every per-epoch decision on the validation set: keep the checkpoint of the epoch
    #       with the lowest validation loss, and stop early on it. Look at the test set once, at the
    #       end, with that checkpoint loaded (load_checkpoint), print most_confused(...) of its
    #       confusion matrix and return the test metrics.
    train_loader, test_loader, is_fake = get_dataloaders(
        args.data_dir, batch_size=args.batch_size, fake_data=args.fake_data, fake_size=args.fake_size
    )
    print(f"Data: {'FAKE random tensors' if is_fake else 'MNIST'}; "
          f"{len(train_loader.dataset)} train / {len(test_loader.dataset)} test images")

    model = MLP(hidden_dims=args.hidden, dropout=args.dropout).to(device)
    print(f"Model: {count_parameters(model):,} trainable parameters")
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    # TODO: compare optimizers (SGD with and without momentum vs Adam) and add a learning-rate
    #       scheduler: write build_optimizer and build_scheduler (below), add the options
    #       --optimizer {adam,sgd} (default adam), --momentum (default 0), --step-size (default 0:
    #       no schedule) and --gamma (default 0.1), use them here and step the scheduler once per
    #       epoch, after the epoch's training.

    best: dict[str, float] = {"accuracy": -1.0, "loss": float("inf")}
    history: list[dict[str, float]] = []
    for epoch in range(1, args.epochs + 1):
        train_loss = train_one_epoch(model, train_loader, optimizer, loss_fn, device)
        metrics = evaluate(model, test_loader, loss_fn, device)
        history.append({"epoch": epoch, "train_loss": train_loss, **metrics})
        print(f"epoch {epoch:2d}  train_loss {train_loss:.4f}  "
              f"test_loss {metrics['loss']:.4f}  test_acc {metrics['accuracy']:.2%}")
        if metrics["accuracy"] > best["accuracy"]:
            best = metrics
            save_checkpoint(args.checkpoint, model, optimizer, epoch, metrics,
                            config={"hidden": args.hidden, "dropout": args.dropout, "fake_data": is_fake})
        # TODO: stop early when the validation loss has not improved for N epochs: write
        #       EarlyStopping (below), add a --patience option (default 3), give it each epoch's
        #       validation loss and break out of this loop when it says so.

    # TODO: plot train_loss and the validation loss from `history` per epoch with plot_history
    #       (below), to the path of a --plot option (default outputs/loss.png).
    print(f"Best test accuracy {best['accuracy']:.2%}; checkpoint saved to {args.checkpoint}")
    return best


def build_optimizer(model: nn.Module, name: str = "adam", lr: float = 1e-3,
                    momentum: float = 0.0) -> torch.optim.Optimizer:
    """``torch.optim.Adam`` for ``"adam"``, ``torch.optim.SGD`` (with ``momentum``) for ``"sgd"``.

    Any other name raises ValueError.
    """
    raise NotImplementedError("build_optimizer: return Adam or SGD for the model's parameters")


def build_scheduler(optimizer: torch.optim.Optimizer, step_size: int,
                    gamma: float = 0.1) -> torch.optim.lr_scheduler.StepLR | None:
    """A StepLR that multiplies the learning rate by ``gamma`` every ``step_size`` epochs (None if 0)."""
    raise NotImplementedError("build_scheduler: return a torch.optim.lr_scheduler.StepLR")


class EarlyStopping:
    """Say when to stop: the loss has not improved (by more than ``min_delta``) for ``patience`` epochs.

    Call ``step(val_loss)`` once per epoch; it returns True when training should stop.
    """

    def __init__(self, patience: int = 3, min_delta: float = 0.0) -> None:
        self.patience = patience
        self.min_delta = min_delta

    def step(self, loss: float) -> bool:
        raise NotImplementedError("EarlyStopping.step: count the epochs without improvement")


def plot_history(history: list[dict[str, float]], path: str = "outputs/loss.png") -> str:
    """Plot ``train_loss`` and ``loss`` (the validation loss) against ``epoch``, one line each, with the
    x axis labelled "epoch" and a legend; save the figure as a PNG at ``path`` (making its folders),
    close it, and return ``path``."""
    raise NotImplementedError("plot_history: draw the losses per epoch with matplotlib and save them")


if __name__ == "__main__":
    main()
