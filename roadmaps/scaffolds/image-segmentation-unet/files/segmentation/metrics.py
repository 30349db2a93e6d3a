"""Dice and IoU for binary masks, and a BCE + Dice training loss."""
from __future__ import annotations

import torch
from torch import nn


def _binarize(logits: torch.Tensor, threshold: float = 0.5) -> torch.Tensor:
    return (torch.sigmoid(logits) > threshold).float()


def dice_coefficient(pred: torch.Tensor, target: torch.Tensor, eps: float = 1e-6) -> torch.Tensor:
    """2|A ∩ B| / (|A| + |B|), averaged over the batch. ``pred`` and ``target`` are 0/1 masks."""
    dims = tuple(range(1, pred.ndim))
    inter = (pred * target).sum(dims)
    return ((2 * inter + eps) / (pred.sum(dims) + target.sum(dims) + eps)).mean()


def iou_score(pred: torch.Tensor, target: torch.Tensor, eps: float = 1e-6) -> torch.Tensor:
    """|A ∩ B| / |A ∪ B| (Jaccard index), averaged over the batch."""
    dims = tuple(range(1, pred.ndim))
    inter = (pred * target).sum(dims)
    union = pred.sum(dims) + target.sum(dims) - inter
    return ((inter + eps) / (union + eps)).mean()


@torch.no_grad()
def scores_from_logits(logits: torch.Tensor, target: torch.Tensor) -> dict[str, float]:
    pred = _binarize(logits)
    return {"dice": dice_coefficient(pred, target).item(), "iou": iou_score(pred, target).item()}


class BCEDiceLoss(nn.Module):
    """BCE on logits plus (1 - soft Dice). Dice helps when the foreground is small."""

    def __init__(self, dice_weight: float = 1.0) -> None:
        super().__init__()
        self.bce = nn.BCEWithLogitsLoss()
        self.dice_weight = dice_weight

    def forward(self, logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
        soft = torch.sigmoid(logits)
        return self.bce(logits, target) + self.dice_weight * (1 - dice_coefficient(soft, target))
