"""A small CNN for 32x32 images and a ResNet18 for transfer learning."""
from __future__ import annotations

from collections import OrderedDict

from torch import nn
from torchvision import models


def conv_block(in_channels: int, out_channels: int) -> nn.Sequential:
    """Conv -> BatchNorm -> ReLU -> MaxPool: halves the height and width."""
    return nn.Sequential(
        nn.Conv2d(in_channels, out_channels, kernel_size=3, padding=1, bias=False),
        nn.BatchNorm2d(out_channels),
        nn.ReLU(inplace=True),
        nn.MaxPool2d(2),
    )


class SmallCNN(nn.Module):
    """Three conv blocks (32 -> 64 -> 128 channels), global average pooling, a linear classifier.

    The blocks are named ``block1``..``block3`` so their outputs are easy to pick out when
    visualising feature maps.
    """

    def __init__(self, num_classes: int = 10, dropout: float = 0.3) -> None:
        super().__init__()
        self.features = nn.Sequential(OrderedDict(
            block1=conv_block(3, 32),
            block2=conv_block(32, 64),
            block3=conv_block(64, 128),
            # TODO: give SmallCNN a `depth` argument (3 by default): block i has 32 * 2**(i - 1)
            #       channels, so depth=4 adds a block4 with 256 channels (and the classifier grows
            #       to match). Compare accuracy, parameter count and epoch time; try a second conv
            #       per block (VGG style) too.
        ))
        self.pool = nn.AdaptiveAvgPool2d(1)  # works for any input size
        self.classifier = nn.Sequential(nn.Flatten(), nn.Dropout(dropout), nn.Linear(128, num_classes))

    def forward(self, x):
        return self.classifier(self.pool(self.features(x)))


def build_resnet18(num_classes: int, pretrained: bool = True, freeze_backbone: bool = False) -> tuple[nn.Module, bool]:
    """ResNet18 with a new ``fc`` layer for ``num_classes``. Returns ``(model, weights_loaded)``.

    Pretrained ImageNet weights are downloaded on first use (~45 MB, cached by torch). If they
    cannot be had (offline) the model starts from random weights and a message says so.
    """
    model, loaded = None, False
    if pretrained:
        try:
            model = models.resnet18(weights=models.ResNet18_Weights.DEFAULT)
            loaded = True
        except Exception as exc:  # noqa: BLE001 - download or cache failure
            print(f"Could not load pretrained ResNet18 weights ({exc.__class__.__name__}: {exc}).")
            print("Continuing with RANDOM initialisation: this is training from scratch, not transfer learning.")
            if freeze_backbone:
                print("Note: --freeze-backbone with random weights trains only the last layer on random features.")
    if model is None:
        model = models.resnet18(weights=None)
    if freeze_backbone:
        for param in model.parameters():
            param.requires_grad = False
    # The new head is created after freezing, so it stays trainable.
    model.fc = nn.Linear(model.fc.in_features, num_classes)
    return model, loaded


def build_model(name: str, num_classes: int, pretrained: bool = True, freeze_backbone: bool = False) -> tuple[nn.Module, bool]:
    """``name`` is ``"small"`` or ``"resnet18"``. Returns ``(model, pretrained_weights_loaded)``."""
    if name == "small":
        return SmallCNN(num_classes), False
    if name == "resnet18":
        return build_resnet18(num_classes, pretrained=pretrained, freeze_backbone=freeze_backbone)
    # TODO: add "mobilenet_v3_small" or "efficientnet_b0" from torchvision.models and compare them.
    raise ValueError(f"unknown model {name!r}: use 'small' or 'resnet18'")


def count_trainable(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters() if p.requires_grad)
