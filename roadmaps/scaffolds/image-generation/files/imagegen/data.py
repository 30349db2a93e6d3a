"""Training images for the GAN: MNIST / Fashion-MNIST (downloaded once) or synthetic shapes."""
from __future__ import annotations

import numpy as np
import torch
from torch.utils.data import DataLoader, TensorDataset


def synthetic_shapes(n: int = 2048, size: int = 28, seed: int = 0) -> torch.Tensor:
    """(n, 1, size, size) images of rings, squares and crosses, scaled to [-1, 1]."""
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:size, 0:size]
    images = np.zeros((n, size, size), np.float32)
    for i in range(n):
        cx, cy = rng.integers(9, size - 9, size=2)
        r = rng.integers(5, 9)
        kind = i % 3
        if kind == 0:
            d = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2)
            images[i] = (np.abs(d - r) < 1.5)
        elif kind == 1:
            images[i, cy - r : cy + r, cx - r : cx + r] = 1.0
            images[i, cy - r + 2 : cy + r - 2, cx - r + 2 : cx + r - 2] = 0.0
        else:
            images[i, cy - 1 : cy + 2, cx - r : cx + r] = 1.0
            images[i, cy - r : cy + r, cx - 1 : cx + 2] = 1.0
    return torch.from_numpy(images).unsqueeze(1) * 2 - 1


def load_images(name: str = "mnist", root: str = "data", limit: int | None = None) -> torch.Tensor:
    """Images as a (N, 1, 28, 28) tensor in [-1, 1] (the range of the generator's tanh).

    ``name`` is "mnist", "fashion" or "synthetic". If the download fails (offline), falls back
    to synthetic shapes so the rest of the pipeline still runs.
    """
    if name != "synthetic":
        try:
            from torchvision import datasets

            cls = datasets.FashionMNIST if name == "fashion" else datasets.MNIST
            ds = cls(root, train=True, download=True)
            images = ds.data[:limit].float().div(127.5).sub(1.0).unsqueeze(1)
            return images
        except Exception as err:  # noqa: BLE001 - any download/IO problem
            print(f"Could not load {name} ({err}); using synthetic shapes instead.")
    return synthetic_shapes(limit or 2048)


def make_loader(images: torch.Tensor, batch_size: int = 128) -> DataLoader:
    return DataLoader(TensorDataset(images), batch_size=batch_size, shuffle=True, drop_last=True)
