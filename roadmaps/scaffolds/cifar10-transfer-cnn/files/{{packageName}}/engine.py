"""Training loop, evaluation and checkpoints."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import torch
from torch import nn
from torch.utils.data import DataLoader

from .models import build_model

# (major, minor) of the installed torch, e.g. (2, 5): some loading options depend on it.
_TORCH_VERSION = tuple(int(part) for part in torch.__version__.split("+")[0].split(".")[:2])


def train_one_epoch(model: nn.Module, loader: DataLoader, optimizer: torch.optim.Optimizer,
                    loss_fn: nn.Module, device: torch.device | str = "cpu") -> dict[str, float]:
    """One pass over ``loader``; returns mean loss and accuracy on the (augmented) training data."""
    model.train()
    total_loss, correct, total = 0.0, 0, 0
    for images, labels in loader:
        images, labels = images.to(device), labels.to(device)
        optimizer.zero_grad()
        logits = model(images)
        loss = loss_fn(logits, labels)
        loss.backward()
        optimizer.step()
        total_loss += loss.item() * labels.size(0)
        correct += (logits.argmax(1) == labels).sum().item()
        total += labels.size(0)
    return {"loss": total_loss / max(total, 1), "accuracy": correct / max(total, 1)}


@torch.no_grad()
def evaluate(model: nn.Module, loader: DataLoader, loss_fn: nn.Module,
             device: torch.device | str = "cpu") -> dict[str, float]:
    """Mean loss and accuracy on ``loader`` with the model in eval mode (no dropout, fixed BatchNorm)."""
    model.eval()
    total_loss, correct, total = 0.0, 0, 0
    for images, labels in loader:
        images, labels = images.to(device), labels.to(device)
        logits = model(images)
        total_loss += loss_fn(logits, labels).item() * labels.size(0)
        correct += (logits.argmax(1) == labels).sum().item()
        total += labels.size(0)
    metrics = {"loss": total_loss / max(total, 1), "accuracy": correct / max(total, 1)}
    # TODO: compute per-class accuracy too and return it under "per_class_accuracy": one value per
    #       class, indexed like the model's outputs (class_names are in the checkpoint): the share
    #       of that class's images predicted right, NaN for a class with no images here. Which
    #       classes are hardest?
    return metrics


def save_checkpoint(path: str | Path, model: nn.Module, optimizer: torch.optim.Optimizer | None,
                    epoch: int, metrics: dict[str, float], config: dict[str, Any]) -> Path:
    """Save weights plus everything needed to rebuild the model (``config``: model name, classes, image size...)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.save({
        "model_state": model.state_dict(),
        "optimizer_state": optimizer.state_dict() if optimizer is not None else None,
        "epoch": epoch,
        "metrics": metrics,
        "config": config,
    }, path)
    return path


def _load(path: Path, device: torch.device | str) -> dict[str, Any]:
    """``torch.load`` restricted to tensors and plain containers where this torch can do that.

    ``weights_only=True`` refuses arbitrary pickled objects; torch 2 and later unpickle our dict of
    tensors, numbers and strings with it, but torch 1.13's first version of that loader rejects
    plain floats, so older versions load the checkpoint (which this code wrote) the classic way.
    """
    if _TORCH_VERSION >= (2, 0):
        return torch.load(path, map_location=device, weights_only=True)
    return torch.load(path, map_location=device)


def load_model_from_checkpoint(path: str | Path, device: torch.device | str = "cpu") -> tuple[nn.Module, dict[str, Any]]:
    """Rebuild the model described in a checkpoint's config and load its weights. Returns ``(model, checkpoint)``."""
    checkpoint = _load(Path(path), device)
    config = checkpoint["config"]
    model, _ = build_model(config["model"], len(config["class_names"]), pretrained=False)
    model.load_state_dict(checkpoint["model_state"])
    return model.to(device).eval(), checkpoint
