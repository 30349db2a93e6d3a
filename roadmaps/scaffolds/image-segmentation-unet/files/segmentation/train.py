"""Train the U-Net: ``python -m segmentation.train --epochs 5`` (CPU is fine)."""
from __future__ import annotations

import argparse
from pathlib import Path

import torch
from torch.utils.data import DataLoader

from .data import DEFAULT_SIZE, ShapesDataset
from .metrics import BCEDiceLoss, scores_from_logits
from .model import UNet, count_parameters
from .visualize import save_curves, save_prediction_grid


def pick_device() -> torch.device:
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def train_one_epoch(model, loader, loss_fn, optimizer, device) -> float:
    model.train()
    total = 0.0
    for images, masks in loader:
        images, masks = images.to(device), masks.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(images), masks)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(images)
    return total / len(loader.dataset)


@torch.no_grad()
def evaluate(model, loader, loss_fn, device) -> dict[str, float]:
    """Mean loss, Dice and IoU over a loader (weighted by batch size)."""
    model.eval()
    sums = {"loss": 0.0, "dice": 0.0, "iou": 0.0}
    for images, masks in loader:
        images, masks = images.to(device), masks.to(device)
        logits = model(images)
        scores = scores_from_logits(logits, masks)
        sums["loss"] += loss_fn(logits, masks).item() * len(images)
        sums["dice"] += scores["dice"] * len(images)
        sums["iou"] += scores["iou"] * len(images)
    return {k: v / len(loader.dataset) for k, v in sums.items()}


def fit(epochs: int = 5, n_train: int = 512, n_val: int = 128, size: int = DEFAULT_SIZE,
        batch_size: int = 16, lr: float = 1e-3, base: int = 16, seed: int = 0,
        out_dir: str | Path = "outputs", model_path: str | Path | None = "models/unet.pt",
        patience: int = 5, augment: bool = False):
    """Train and validate; returns (model, history). Saves curves, a prediction grid and weights.

    ``history`` holds per-epoch lists (``train_loss``, ``val_loss``, ``val_dice``, ``val_iou``).
    ``patience`` and ``augment`` are for your experiments (the TODOs below and in data.py)."""
    torch.manual_seed(seed)
    device = pick_device()
    # TODO: with augment=True, the training samples (never the validation ones) go through
    #       augment_pair (data.py), once per sample per epoch.
    train_set = ShapesDataset(n_train, size, seed)
    train_loader = DataLoader(train_set, batch_size=batch_size, shuffle=True)
    val_loader = DataLoader(ShapesDataset(n_val, size, seed + 1), batch_size=batch_size)
    model = UNet(base=base).to(device)
    loss_fn = BCEDiceLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    print(f"U-Net with {count_parameters(model):,} parameters on {device}")

    history: dict = {"train_loss": [], "val_loss": [], "val_dice": [], "val_iou": []}
    for epoch in range(1, epochs + 1):
        train_loss = train_one_epoch(model, train_loader, loss_fn, optimizer, device)
        val = evaluate(model, val_loader, loss_fn, device)
        for key, value in (("train_loss", train_loss), ("val_loss", val["loss"]),
                           ("val_dice", val["dice"]), ("val_iou", val["iou"])):
            history[key].append(value)
        print(f"epoch {epoch:2d}  train_loss {train_loss:.3f}  val_loss {val['loss']:.3f}  "
              f"dice {val['dice']:.3f}  iou {val['iou']:.3f}")
        # TODO: keep the best checkpoint by val Dice. When this epoch's val Dice is higher than
        #       every earlier one (an equal Dice is not better), record the epoch (counting from 1)
        #       as history["best_epoch"] (an int) and keep a copy of the weights: state_dict() hands
        #       back the live tensors, which the next epochs go on changing (copy.deepcopy it).
        #       Below, save those best weights to model_path, not the last epoch's.
        # TODO: stop early: end training once `patience` epochs in a row bring no better Dice.
        # TODO: lower the learning rate when the Dice stalls:
        #       torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode="max", factor=0.5, patience=2),
        #       stepped with the val Dice after each epoch; record the learning rate each epoch
        #       trained with in history["lr"] (a list, one value per epoch).

    images, masks = next(iter(val_loader))
    model.eval()
    with torch.no_grad():
        logits = model(images.to(device)).cpu()
    print("predictions ->", save_prediction_grid(images, masks, logits, Path(out_dir) / "predictions.png"))
    print("curves      ->", save_curves(history, Path(out_dir) / "curves.png"))
    if model_path is not None:
        # Save a state dict (torch.save(state_dict, model_path)); a checkpoint dict holding it under
        # "model" (with anything else, such as "epoch") is fine too: the checks read both.
        Path(model_path).parent.mkdir(parents=True, exist_ok=True)
        torch.save(model.state_dict(), model_path)
        print("weights     ->", model_path)
    return model, history


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Train a U-Net on synthetic shapes")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--n-train", type=int, default=512)
    parser.add_argument("--size", type=int, default=DEFAULT_SIZE)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--base", type=int, default=16, help="channels in the first U-Net level")
    args = parser.parse_args(argv)
    fit(args.epochs, args.n_train, size=args.size, batch_size=args.batch_size, lr=args.lr, base=args.base)


if __name__ == "__main__":
    main()
