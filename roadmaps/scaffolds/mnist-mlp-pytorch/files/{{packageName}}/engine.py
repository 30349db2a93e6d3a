"""Training loop, evaluation and checkpoints."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import torch
from torch import nn
from torch.utils.data import DataLoader

# (major, minor) of the installed torch, e.g. (2, 5): some loading options depend on it.
_TORCH_VERSION = tuple(int(part) for part in torch.__version__.split("+")[0].split(".")[:2])


def train_one_epoch(
    model: nn.Module,
    loader: DataLoader,
    optimizer: torch.optim.Optimizer,
    loss_fn: nn.Module,
    device: torch.device | str = "cpu",
) -> float:
    """One pass over ``loader``; returns the mean training loss."""
    model.train()
    total_loss, total_items = 0.0, 0
    for images, labels in loader:
        images, labels = images.to(device), labels.to(device)
        optimizer.zero_grad()
        logits = model(images)            # forward pass
        loss = loss_fn(logits, labels)
        loss.backward()                   # backpropagation: fills .grad of every parameter
        optimizer.step()                  # gradient descent step
        total_loss += loss.item() * labels.size(0)
        total_items += labels.size(0)
    return total_loss / max(total_items, 1)


@torch.no_grad()
def evaluate(
    model: nn.Module,
    loader: DataLoader,
    loss_fn: nn.Module,
    device: torch.device | str = "cpu",
) -> dict[str, float]:
    """Mean loss and accuracy of ``model`` on ``loader``."""
    model.eval()
    total_loss, correct, total = 0.0, 0, 0
    for images, labels in loader:
        images, labels = images.to(device), labels.to(device)
        logits = model(images)
        total_loss += loss_fn(logits, labels).item() * labels.size(0)
        correct += (logits.argmax(dim=1) == labels).sum().item()
        total += labels.size(0)
    metrics = {"loss": total_loss / max(total, 1), "accuracy": correct / max(total, 1)}
    # TODO: also build a 10x10 confusion matrix here (a tensor of counts; rows: true digit,
    #       columns: predicted digit) and return it under the key "confusion_matrix";
    #       most_confused (below) then says which digits get mixed up most.
    return metrics


def most_confused(confusion: torch.Tensor, top: int = 3) -> list[tuple[int, int, int]]:
    """The ``top`` off-diagonal cells of a confusion matrix as ``(true, predicted, count)``, largest first."""
    off = torch.as_tensor(confusion).clone()
    off.fill_diagonal_(0)
    counts, flat = off.flatten().topk(top)
    size = off.shape[0]
    return [(int(i) // size, int(i) % size, int(c)) for c, i in zip(counts, flat) if c > 0]


def save_checkpoint(
    path: str | Path,
    model: nn.Module,
    optimizer: torch.optim.Optimizer | None = None,
    epoch: int = 0,
    metrics: dict[str, float] | None = None,
    config: dict[str, Any] | None = None,
) -> Path:
    """Save model (and optimizer) state so training can be resumed or the model reused."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.save(
        {
            "model_state": model.state_dict(),
            "optimizer_state": optimizer.state_dict() if optimizer is not None else None,
            "epoch": epoch,
            "metrics": metrics or {},
            "config": config or {},
        },
        path,
    )
    return path


def _load(path: Path) -> dict[str, Any]:
    """``torch.load`` restricted to tensors and plain containers where this torch can do that.

    ``weights_only=True`` refuses arbitrary pickled objects; torch 2 and later unpickle our dict of
    tensors, numbers and strings with it, but torch 1.13's first version of that loader rejects
    plain floats, so older versions load the checkpoint (which this code wrote) the classic way.
    """
    if _TORCH_VERSION >= (2, 0):
        return torch.load(path, map_location="cpu", weights_only=True)
    return torch.load(path, map_location="cpu")


def load_checkpoint(
    path: str | Path,
    model: nn.Module,
    optimizer: torch.optim.Optimizer | None = None,
) -> dict[str, Any]:
    """Load a checkpoint written by :func:`save_checkpoint` into ``model`` (and ``optimizer``)."""
    checkpoint = _load(Path(path))
    model.load_state_dict(checkpoint["model_state"])
    if optimizer is not None and checkpoint.get("optimizer_state") is not None:
        optimizer.load_state_dict(checkpoint["optimizer_state"])
    return checkpoint
