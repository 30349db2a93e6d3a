"""The multilayer perceptron."""
from __future__ import annotations

from collections.abc import Sequence

import torch
from torch import nn


class MLP(nn.Module):
    """Flatten a 28x28 image and pass it through fully connected layers.

    Args:
        input_dim: number of input features (784 for MNIST).
        hidden_dims: sizes of the hidden layers, e.g. ``(256, 128)``.
        num_classes: number of output logits.
        dropout: dropout probability after each hidden activation (0 disables it).
    """

    def __init__(
        self,
        input_dim: int = 28 * 28,
        hidden_dims: Sequence[int] = (256, 128),
        num_classes: int = 10,
        dropout: float = 0.2,
    ) -> None:
        super().__init__()
        layers: list[nn.Module] = [nn.Flatten()]
        in_features = input_dim
        for width in hidden_dims:
            # TODO: give MLP an `activation` argument ("relu" by default, also "sigmoid", "tanh",
            #       "gelu" and "none" for no activation at all) and use it here instead of nn.ReLU;
            #       an unknown name should raise ValueError. Add a matching --activation option
            #       (default relu) to train.py. Compare how fast the loss falls with each one (try
            #       nn.BatchNorm1d too). Which one trains best, and why?
            layers += [nn.Linear(in_features, width), nn.ReLU()]
            if dropout > 0:
                layers.append(nn.Dropout(dropout))
            in_features = width
        # No softmax: nn.CrossEntropyLoss expects raw logits.
        layers.append(nn.Linear(in_features, num_classes))
        self.net = nn.Sequential(*layers)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def count_parameters(model: nn.Module) -> int:
    """Number of trainable parameters."""
    return sum(p.numel() for p in model.parameters() if p.requires_grad)
