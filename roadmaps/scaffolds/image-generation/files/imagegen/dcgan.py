"""A small DCGAN (Radford et al., 2015) for 28x28 grayscale images."""
from __future__ import annotations

from pathlib import Path

import torch
from torch import nn
from torch.utils.data import DataLoader
from torchvision.utils import save_image


class Generator(nn.Module):
    """z (N, z_dim) -> image (N, 1, 28, 28) in [-1, 1]: 7x7 -> 14x14 -> 28x28 with transposed convs."""

    def __init__(self, z_dim: int = 64, base: int = 64) -> None:
        super().__init__()
        self.z_dim = z_dim
        self.project = nn.Sequential(nn.Linear(z_dim, base * 2 * 7 * 7, bias=False),
                                     nn.BatchNorm1d(base * 2 * 7 * 7), nn.ReLU(True))
        self.net = nn.Sequential(
            nn.ConvTranspose2d(base * 2, base, 4, stride=2, padding=1, bias=False),   # 14x14
            nn.BatchNorm2d(base), nn.ReLU(True),
            nn.ConvTranspose2d(base, 1, 4, stride=2, padding=1),                      # 28x28
            nn.Tanh(),
        )
        self.base = base

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        return self.net(self.project(z).view(-1, self.base * 2, 7, 7))


class Discriminator(nn.Module):
    """image (N, 1, 28, 28) -> one logit per image (real > 0, fake < 0)."""

    def __init__(self, base: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv2d(1, base, 4, stride=2, padding=1), nn.LeakyReLU(0.2, True),                       # 14x14
            nn.Conv2d(base, base * 2, 4, stride=2, padding=1, bias=False), nn.BatchNorm2d(base * 2),
            nn.LeakyReLU(0.2, True),                                                                   # 7x7
            nn.Flatten(), nn.Linear(base * 2 * 7 * 7, 1),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def init_weights(module: nn.Module) -> None:
    """DCGAN paper init: N(0, 0.02) for convs, N(1, 0.02) for BatchNorm scales."""
    if isinstance(module, (nn.Conv2d, nn.ConvTranspose2d, nn.Linear)):
        nn.init.normal_(module.weight, 0.0, 0.02)
    elif isinstance(module, (nn.BatchNorm1d, nn.BatchNorm2d)):
        nn.init.normal_(module.weight, 1.0, 0.02)
        nn.init.zeros_(module.bias)


def save_grid(images: torch.Tensor, path: str | Path, nrow: int = 8) -> Path:
    """Save a grid of [-1, 1] images as a PNG."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    save_image(images, path, nrow=nrow, normalize=True, value_range=(-1, 1))
    return path


def train_dcgan(loader: DataLoader, epochs: int = 5, z_dim: int = 64, lr: float = 2e-4, base: int = 64,
                out_dir: str | Path = "outputs/gan", seed: int = 0, device: str | None = None):
    """Alternate D and G updates; saves a sample grid after every epoch (same fixed noise each time).

    Returns (generator, history) where history holds the mean D and G losses per epoch.
    """
    torch.manual_seed(seed)
    device = torch.device(device or ("cuda" if torch.cuda.is_available() else "cpu"))
    G, D = Generator(z_dim, base).to(device), Discriminator(base).to(device)
    G.apply(init_weights)
    D.apply(init_weights)
    opt_g = torch.optim.Adam(G.parameters(), lr=lr, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(D.parameters(), lr=lr, betas=(0.5, 0.999))
    bce = nn.BCEWithLogitsLoss()
    fixed_z = torch.randn(64, z_dim, device=device)
    history: dict[str, list[float]] = {"loss_d": [], "loss_g": []}

    for epoch in range(1, epochs + 1):
        sums, batches = [0.0, 0.0], 0
        for (real,) in loader:
            real = real.to(device)
            n = real.size(0)
            fake = G(torch.randn(n, z_dim, device=device))

            # 1) Discriminator: real -> 1, fake -> 0 (fake detached: G is not updated here).
            # TODO: try one-sided label smoothing (real target 0.9) and see if training is steadier:
            #       write discriminator_loss (below), use it here, and give train_dcgan a
            #       `real_label` argument (1.0 by default) that it passes on.
            loss_d = bce(D(real), torch.ones(n, device=device)) + bce(D(fake.detach()), torch.zeros(n, device=device))
            opt_d.zero_grad()
            loss_d.backward()
            opt_d.step()

            # 2) Generator: make D call the fakes real (the "non-saturating" GAN loss).
            loss_g = bce(D(fake), torch.ones(n, device=device))
            opt_g.zero_grad()
            loss_g.backward()
            opt_g.step()

            sums[0] += loss_d.item()
            sums[1] += loss_g.item()
            batches += 1
        history["loss_d"].append(sums[0] / max(1, batches))
        history["loss_g"].append(sums[1] / max(1, batches))
        G.eval()
        with torch.no_grad():
            save_grid(G(fixed_z).cpu(), Path(out_dir) / f"epoch_{epoch:03d}.png")
        G.train()
        print(f"epoch {epoch}  loss_D {history['loss_d'][-1]:.3f}  loss_G {history['loss_g'][-1]:.3f}")
    return G, history


@torch.no_grad()
def sample(G: Generator, n: int = 16, seed: int | None = None) -> torch.Tensor:
    if seed is not None:
        torch.manual_seed(seed)
    G.eval()
    return G(torch.randn(n, G.z_dim, device=next(G.parameters()).device)).cpu()


def discriminator_loss(real_logits: torch.Tensor, fake_logits: torch.Tensor, real_label: float = 1.0) -> torch.Tensor:
    """BCE-with-logits of D on real images against ``real_label`` plus on fakes against 0.

    ``real_label=0.9`` is one-sided label smoothing: D is never asked to be 100% sure.
    """
    raise NotImplementedError("discriminator_loss: BCE on real logits vs real_label plus fake logits vs 0")


@torch.no_grad()
def interpolate(G: Generator, z1: torch.Tensor, z2: torch.Tensor, steps: int = 8) -> torch.Tensor:
    """Images (steps, 1, 28, 28) for evenly spaced points from ``z1`` to ``z2`` (both (z_dim,)), in
    eval mode: the first image is G(z1), the last G(z2). Save them as one row with ``save_grid``:
    a smooth morph means G learned a meaningful latent space."""
    raise NotImplementedError("interpolate: generate images along the line from z1 to z2")


# TODO: make it conditional (cGAN) so you can ask for "a 7" or "a sneaker":
#       ConditionalGenerator(z_dim=64, n_classes=10, base=64) whose forward(z, labels) feeds a
#       label embedding concatenated with z (its z_dim attribute stays the size of the noise
#       callers draw), and ConditionalDiscriminator(n_classes=10, base=64) whose
#       forward(images, labels) -> one logit per image also sees the label (e.g. an embedding
#       turned into an extra 28x28 input channel).
