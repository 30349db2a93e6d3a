"""Fine-tune Faster R-CNN on a custom data set and evaluate mAP@0.5.

``python -m detection train --data synthetic --epochs 2`` smoke-tests everything offline;
``python -m detection train --data data/face-mask --pretrained`` is the real run.
"""
from __future__ import annotations

from pathlib import Path

import torch
from torch.utils.data import DataLoader, Dataset, Subset

from .dataset import SyntheticBoxes, VOCDetectionFolder, collate
from .metrics import mean_average_precision
from .models import CUSTOM_CLASSES, custom_detector


def pick_device() -> torch.device:
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def train_one_epoch(model, loader, optimizer, device) -> float:
    """torchvision detectors return a dict of losses in train mode; we optimise their sum."""
    model.train()
    total = 0.0
    for images, targets in loader:
        images = [img.to(device) for img in images]
        targets = [{k: v.to(device) for k, v in t.items()} for t in targets]
        losses = model(images, targets)
        loss = sum(losses.values())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total += loss.item()
    return total / max(1, len(loader))


@torch.no_grad()
def evaluate_map(model, loader, device, num_classes: int, iou_threshold: float = 0.5) -> dict[str, float]:
    model.eval()
    preds, gts = [], []
    for images, targets in loader:
        outputs = model([img.to(device) for img in images])
        preds += [{k: v.cpu().numpy() for k, v in o.items()} for o in outputs]
        gts += [{k: v.numpy() for k, v in t.items()} for t in targets]
    return mean_average_precision(preds, gts, range(1, num_classes), iou_threshold)


def split_dataset(ds: Dataset, val_frac: float = 0.2, seed: int = 0) -> tuple[Subset, Subset]:
    idx = torch.randperm(len(ds), generator=torch.Generator().manual_seed(seed)).tolist()
    n_val = max(1, int(len(ds) * val_frac))
    return Subset(ds, idx[n_val:]), Subset(ds, idx[:n_val])


def fit(data: str = "synthetic", epochs: int = 2, batch_size: int = 4, lr: float = 0.005,
        pretrained: bool = False, arch: str = "mobilenet", class_names: list[str] = CUSTOM_CLASSES,
        model_path: str | Path | None = "models/detector.pt", n_synthetic: int = 48):
    """Train, print loss and validation mAP per epoch, save weights; returns (model, history)."""
    device = pick_device()
    ds = SyntheticBoxes(n_synthetic) if data == "synthetic" else VOCDetectionFolder(data, class_names)
    train_ds, val_ds = split_dataset(ds)
    train_loader = DataLoader(train_ds, batch_size=batch_size, shuffle=True, collate_fn=collate)
    val_loader = DataLoader(val_ds, batch_size=batch_size, collate_fn=collate)
    model = custom_detector(len(class_names), arch, pretrained).to(device)
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.SGD(params, lr=lr, momentum=0.9, weight_decay=5e-4)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=3, gamma=0.1)
    history: dict[str, list[float]] = {"loss": [], "mAP": []}
    for epoch in range(1, epochs + 1):
        loss = train_one_epoch(model, train_loader, optimizer, device)
        scheduler.step()
        m = evaluate_map(model, val_loader, device, len(class_names))
        history["loss"].append(loss)
        history["mAP"].append(m["mAP"])
        print(f"epoch {epoch}  loss {loss:.3f}  val mAP@0.5 {m['mAP']:.3f}")
    if model_path is not None:
        Path(model_path).parent.mkdir(parents=True, exist_ok=True)
        torch.save(model.state_dict(), model_path)
        print("weights ->", model_path)
    return model, history


# TODO: keep the checkpoint with the best validation mAP: save that epoch's weights to
#       model_path (not the last epoch's; a state dict, or a checkpoint dict with it under
#       "model"), return the model with those weights, and record that epoch (counting from 1)
#       as history["best_epoch"]; an epoch that only equals the best mAP is not better.
#       Report per-class AP under the class names: history["AP_<name>"] (e.g. "AP_without_mask"),
#       one value per epoch. For face masks, "without_mask" is usually the rarer and harder class.
#       Would class weights or oversampling images that contain it help?
