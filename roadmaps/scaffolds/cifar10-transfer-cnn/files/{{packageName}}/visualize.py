"""Look inside a CNN: capture intermediate feature maps with forward hooks and plot them.

CLI: ``python -m <package>.visualize --checkpoint checkpoints/best.pt --image some.jpg``
"""
from __future__ import annotations

import argparse
import math
from collections.abc import Sequence
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # draw to files; notebooks switch back to inline automatically
import matplotlib.pyplot as plt
import torch
from PIL import Image
from torch import nn


def conv_layer_names(model: nn.Module) -> list[str]:
    """Names (as in ``model.named_modules()``) of every Conv2d layer, in forward order."""
    return [name for name, module in model.named_modules() if isinstance(module, nn.Conv2d)]


@torch.no_grad()
def capture_feature_maps(model: nn.Module, image: torch.Tensor, layer_names: Sequence[str]) -> dict[str, torch.Tensor]:
    """Run ``image`` (C,H,W or 1,C,H,W) through ``model`` and return each named layer's output.

    Works for any module name from ``model.named_modules()``, e.g. ``"features.block2"`` for
    SmallCNN or ``"layer1"``/``"layer3"`` for ResNet18.
    """
    modules = dict(model.named_modules())
    missing = [n for n in layer_names if n not in modules]
    if missing:
        raise KeyError(f"no such layer(s): {missing}; try one of {conv_layer_names(model)[:8]}...")
    outputs: dict[str, torch.Tensor] = {}
    hooks = [
        modules[name].register_forward_hook(lambda _m, _i, out, name=name: outputs.__setitem__(name, out.detach().cpu()))
        for name in layer_names
    ]
    try:
        model.eval()
        model(image.unsqueeze(0) if image.dim() == 3 else image)
    finally:
        for hook in hooks:
            hook.remove()
    return outputs


def plot_feature_maps(feature_map: torch.Tensor, max_maps: int = 16, title: str = "",
                      save_path: str | Path | None = None) -> plt.Figure:
    """Grid of the first ``max_maps`` channels of one feature map (1,C,H,W or C,H,W)."""
    fmap = feature_map[0] if feature_map.dim() == 4 else feature_map
    n = min(max_maps, fmap.shape[0])
    cols = math.ceil(math.sqrt(n))
    rows = math.ceil(n / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(1.6 * cols, 1.6 * rows), squeeze=False)
    for i, ax in enumerate(axes.flat):
        ax.axis("off")
        if i < n:
            ax.imshow(fmap[i].numpy(), cmap="viridis")
            ax.set_title(str(i), fontsize=7)
    fig.suptitle(title or f"{fmap.shape[0]} channels, {fmap.shape[1]}x{fmap.shape[2]}")
    fig.tight_layout()
    if save_path is not None:
        Path(save_path).parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(save_path, dpi=120)
    return fig


def denormalize(image: torch.Tensor, mean: Sequence[float], std: Sequence[float]) -> torch.Tensor:
    """Undo ``transforms.Normalize`` and return an (H,W,C) tensor in [0, 1] for ``plt.imshow``."""
    m = torch.tensor(mean).view(-1, 1, 1)
    s = torch.tensor(std).view(-1, 1, 1)
    return (image * s + m).clamp(0, 1).permute(1, 2, 0)


def main(argv: Sequence[str] | None = None) -> list[Path]:
    from torchvision import transforms

    from .engine import load_model_from_checkpoint

    p = argparse.ArgumentParser(description="Save feature-map grids for one image.")
    p.add_argument("--checkpoint", default="checkpoints/best.pt")
    p.add_argument("--image", required=True, help="path to a JPEG/PNG image")
    p.add_argument("--layers", nargs="*", help="module names; default: every conv layer (first 6)")
    p.add_argument("--out", default="outputs/feature_maps")
    args = p.parse_args(argv)

    model, checkpoint = load_model_from_checkpoint(args.checkpoint)
    cfg = checkpoint["config"]
    tf = transforms.Compose([transforms.Resize(cfg["image_size"]), transforms.CenterCrop(cfg["image_size"]),
                             transforms.ToTensor(), transforms.Normalize(cfg["mean"], cfg["std"])])
    image = tf(Image.open(args.image).convert("RGB"))
    layers = args.layers or conv_layer_names(model)[:6]
    saved = []
    for name, fmap in capture_feature_maps(model, image, layers).items():
        path = Path(args.out) / f"{name.replace('.', '_')}.png"
        plt.close(plot_feature_maps(fmap, title=name, save_path=path))
        saved.append(path)
        print(f"{name}: {tuple(fmap.shape)} -> {path}")
    # TODO: also plot the first conv layer's *weights* with plot_first_layer_filters (below), save
    #       them as first_layer_filters.png in --out and add that path to the returned list.
    return saved


def plot_first_layer_filters(model: nn.Module, max_filters: int = 32,
                             save_path: str | Path | None = None) -> plt.Figure:
    """The first ``max_filters`` filters of the first Conv2d layer in a near-square grid without axes:
    one small RGB patch (k, k, 3) per filter drawn with imshow (3x3 for SmallCNN, 7x7 for
    ResNet18), each filter scaled to [0, 1] on its own; saved as a PNG when ``save_path`` is given.
    What patterns did the network learn?"""
    raise NotImplementedError("plot_first_layer_filters: draw the first conv layer's weights")


if __name__ == "__main__":
    main()
