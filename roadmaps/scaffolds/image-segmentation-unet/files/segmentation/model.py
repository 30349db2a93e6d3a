"""A small U-Net (Ronneberger et al., 2015): an encoder, a decoder and skip connections."""
from __future__ import annotations

import torch
from torch import nn


class DoubleConv(nn.Sequential):
    """(conv 3x3 -> BatchNorm -> ReLU) x 2, keeping the spatial size."""

    def __init__(self, in_ch: int, out_ch: int) -> None:
        super().__init__(
            nn.Conv2d(in_ch, out_ch, 3, padding=1, bias=False),
            nn.BatchNorm2d(out_ch),
            nn.ReLU(inplace=True),
            nn.Conv2d(out_ch, out_ch, 3, padding=1, bias=False),
            nn.BatchNorm2d(out_ch),
            nn.ReLU(inplace=True),
        )


class UNet(nn.Module):
    """U-Net with ``depth`` down/up steps; channels double at each step from ``base``.

    Input (N, in_channels, H, W) with H and W divisible by 2**depth; output logits
    (N, out_channels, H, W). Apply ``torch.sigmoid`` (binary) or ``softmax`` (multi-class) outside.
    """

    def __init__(self, in_channels: int = 3, out_channels: int = 1, base: int = 16, depth: int = 3) -> None:
        super().__init__()
        chs = [base * 2**i for i in range(depth + 1)]          # e.g. 16, 32, 64, 128
        self.inc = DoubleConv(in_channels, chs[0])
        self.downs = nn.ModuleList(DoubleConv(chs[i], chs[i + 1]) for i in range(depth))
        self.pool = nn.MaxPool2d(2)
        self.ups = nn.ModuleList(nn.ConvTranspose2d(chs[i + 1], chs[i], 2, stride=2) for i in reversed(range(depth)))
        self.up_convs = nn.ModuleList(DoubleConv(chs[i] * 2, chs[i]) for i in reversed(range(depth)))
        self.head = nn.Conv2d(chs[0], out_channels, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        skips = [self.inc(x)]
        for down in self.downs:
            skips.append(down(self.pool(skips[-1])))
        x = skips.pop()                                      # the bottleneck
        for up, conv in zip(self.ups, self.up_convs):
            x = up(x)
            x = conv(torch.cat([skips.pop(), x], dim=1))     # skip connection
        return self.head(x)


def count_parameters(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters() if p.requires_grad)


# TODO: try the ablations that explain why U-Net works. Give UNet two arguments:
#       `skip=True` (with skip=False, concatenate zeros in place of the encoder features, so the
#       decoder blocks keep their sizes but get nothing across) and
#       `up="transpose"` (with up="bilinear", double the size by bilinear interpolation, such as
#       nn.Upsample(scale_factor=2, mode="bilinear"), then a 1x1 conv, and no ConvTranspose2d;
#       any other value raises ValueError). Compare the Dice of each variant.
