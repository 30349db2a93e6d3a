"""Save image / true mask / predicted mask grids."""
from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # write files, no window needed
import matplotlib.pyplot as plt  # noqa: E402
import torch  # noqa: E402


def overlay(image: torch.Tensor, mask: torch.Tensor, colour: tuple[float, float, float] = (1.0, 0.0, 0.0),
            alpha: float = 0.5) -> torch.Tensor:
    """Blend a (1, H, W) 0/1 mask over a (3, H, W) image; returns (H, W, 3) for imshow."""
    img = image.permute(1, 2, 0).clone()
    tint = torch.tensor(colour).view(1, 1, 3)
    m = mask[0].bool()
    img[m] = (1 - alpha) * img[m] + alpha * tint
    return img.clamp(0, 1)


def save_prediction_grid(images: torch.Tensor, masks: torch.Tensor, logits: torch.Tensor,
                         path: str | Path = "outputs/predictions.png", max_rows: int = 6) -> Path:
    """One row per sample: input, ground truth overlay, predicted overlay."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    preds = (torch.sigmoid(logits) > 0.5).float().cpu()
    n = min(max_rows, len(images))
    fig, axes = plt.subplots(n, 3, figsize=(7, 2.3 * n), squeeze=False)
    for i in range(n):
        for ax, img, title in zip(axes[i], (images[i].permute(1, 2, 0), overlay(images[i], masks[i]),
                                            overlay(images[i], preds[i], (0.0, 1.0, 0.0))),
                                  ("image", "ground truth", "prediction")):
            ax.imshow(img.cpu().numpy())
            ax.set_title(title, fontsize=8)
            ax.axis("off")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def save_curves(history: dict, path: str | Path = "outputs/curves.png") -> Path:
    """Plot the per-epoch lists ``train_*`` and ``val_*`` of ``history``; other entries (such as
    ``lr`` or the single number ``best_epoch``) are left out, and ``best_epoch`` is marked."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig, ax = plt.subplots(figsize=(5, 3.5))
    for name, values in history.items():
        if name.startswith(("train_", "val_")):
            ax.plot(range(1, len(values) + 1), values, marker="o", label=name)
    if "best_epoch" in history:
        ax.axvline(history["best_epoch"], color="grey", linestyle="--", label="best epoch")
    ax.set_xlabel("epoch")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path
