"""Command line training: ``python -m <package>.train --model small --epochs 5``."""
from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

import torch
from torch import nn

from .data import CIFAR10_MEAN, CIFAR10_STD, IMAGENET_MEAN, IMAGENET_STD, get_datasets, limit_dataset, make_loaders
from .engine import evaluate, save_checkpoint, train_one_epoch
from .models import build_model, count_trainable


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description="Train a small CNN or fine-tune ResNet18 on CIFAR-10 or an ImageFolder dataset.")
    p.add_argument("--dataset", choices=["cifar10", "folder"], default="cifar10")
    p.add_argument("--data-dir", default="data", help="download folder for CIFAR-10, or the ImageFolder root")
    p.add_argument("--model", choices=["small", "resnet18"], default="small")
    p.add_argument("--no-pretrained", action="store_true", help="ResNet18 from random weights")
    p.add_argument("--freeze-backbone", action="store_true", help="train only ResNet18's new fc layer (feature extraction)")
    p.add_argument("--image-size", type=int, default=None, help="default: 32 for small, 224 for resnet18")
    p.add_argument("--no-augment", action="store_true", help="turn training-time augmentation off")
    p.add_argument("--epochs", type=int, default=5)
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--limit", type=int, default=None, help="train on at most this many images (quick CPU runs)")
    p.add_argument("--fake-data", action="store_true", help="random images instead of a real dataset (offline smoke test)")
    p.add_argument("--checkpoint-dir", default="checkpoints")
    p.add_argument("--seed", type=int, default=0)
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> dict[str, float]:
    """Train and keep ``best.pt`` (highest validation accuracy) and ``last.pt``; returns the best metrics."""
    args = parse_args(argv)
    torch.manual_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    is_resnet = args.model == "resnet18"
    image_size = args.image_size or (224 if is_resnet else 32)
    mean, std = (IMAGENET_MEAN, IMAGENET_STD) if is_resnet else (CIFAR10_MEAN, CIFAR10_STD)
    train_set, val_set, class_names, is_fake = get_datasets(
        args.dataset, args.data_dir, image_size, mean, std,
        augment=not args.no_augment, fake_data=args.fake_data, seed=args.seed,
    )
    train_set = limit_dataset(train_set, args.limit, args.seed)
    train_loader, val_loader = make_loaders(train_set, val_set, args.batch_size)
    print(f"Data: {args.dataset}{' (FAKE)' if is_fake else ''}, {len(class_names)} classes, "
          f"{len(train_set)} train / {len(val_set)} val images at {image_size}px")

    model, pretrained = build_model(args.model, len(class_names), pretrained=not args.no_pretrained,
                                    freeze_backbone=args.freeze_backbone)
    model.to(device)
    print(f"Model: {args.model} (pretrained weights: {pretrained}), {count_trainable(model):,} trainable parameters")

    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=args.lr, weight_decay=1e-4)
    # TODO (fine-tuning): train the head with a frozen backbone first, then unfreeze layer4 and
    #       continue with a 10x smaller learning rate for the backbone: write
    #       fine_tuning_optimizer (below) and add a --fine-tune option (ResNet18 only) that freezes
    #       the backbone, and a --head-epochs option (default 1): from epoch head_epochs + 1 on,
    #       train with fine_tuning_optimizer(model, args.lr) and a new build_scheduler over the
    #       epochs that are left.
    # TODO: add a scheduler with build_scheduler (below) and step it once per epoch, after the
    #       epoch's training, so epoch 1 trains at --lr.

    config = {"model": args.model, "class_names": class_names, "image_size": image_size,
              "mean": list(mean), "std": list(std), "dataset": args.dataset}
    out = Path(args.checkpoint_dir)
    best = {"accuracy": -1.0, "loss": float("inf")}
    for epoch in range(1, args.epochs + 1):
        train_m = train_one_epoch(model, train_loader, optimizer, loss_fn, device)
        val_m = evaluate(model, val_loader, loss_fn, device)
        print(f"epoch {epoch:2d}  train_loss {train_m['loss']:.3f} train_acc {train_m['accuracy']:.1%}  "
              f"val_loss {val_m['loss']:.3f} val_acc {val_m['accuracy']:.1%}")
        save_checkpoint(out / "last.pt", model, optimizer, epoch, val_m, config)
        if val_m["accuracy"] > best["accuracy"]:
            best = val_m
            save_checkpoint(out / "best.pt", model, optimizer, epoch, val_m, config)
    print(f"Best val accuracy {best['accuracy']:.1%}; checkpoints in {out}/")
    return best


def build_scheduler(optimizer: torch.optim.Optimizer, epochs: int) -> torch.optim.lr_scheduler.CosineAnnealingLR:
    """A cosine schedule (torch.optim.lr_scheduler.CosineAnnealingLR) from the optimizer's learning
    rate down to 0 over ``epochs`` epochs."""
    raise NotImplementedError("build_scheduler: return a CosineAnnealingLR for the optimizer")


def fine_tuning_optimizer(model: nn.Module, lr: float, backbone_lr_factor: float = 0.1) -> torch.optim.Optimizer:
    """Unfreeze ResNet18's ``layer4`` and return an AdamW with two parameter groups: the ``fc`` head at
    ``lr`` and ``layer4`` at ``lr * backbone_lr_factor``, both with weight_decay=1e-4 as in main().
    Every other layer stays frozen."""
    raise NotImplementedError("fine_tuning_optimizer: unfreeze layer4 and give it a smaller learning rate")


if __name__ == "__main__":
    main()
