"""Datasets, transforms and data augmentation for CIFAR-10 or any ImageFolder dataset."""
from __future__ import annotations

from pathlib import Path

import torch
from torch.utils.data import DataLoader, Dataset, Subset
from torchvision import datasets, transforms

CIFAR10_MEAN = (0.4914, 0.4822, 0.4465)
CIFAR10_STD = (0.2470, 0.2435, 0.2616)
IMAGENET_MEAN = (0.485, 0.456, 0.406)  # what torchvision's pretrained models were trained with
IMAGENET_STD = (0.229, 0.224, 0.225)
CIFAR10_CLASSES = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]


def build_transforms(
    image_size: int,
    mean: tuple[float, ...] = CIFAR10_MEAN,
    std: tuple[float, ...] = CIFAR10_STD,
    augment: bool = True,
) -> transforms.Compose:
    """PIL image -> normalised tensor of shape (3, image_size, image_size).

    With ``augment`` the training images get random crops and flips; evaluation images never do.
    """
    if augment:
        steps = [
            transforms.RandomResizedCrop(image_size, scale=(0.6, 1.0)),
            transforms.RandomHorizontalFlip(),
            # TODO: add augmentation that changes colours too (transforms.ColorJitter, or
            #       transforms.TrivialAugmentWide) and measure whether validation accuracy improves.
            #       Evaluation images (augment=False) must stay untouched.
        ]
    else:
        steps = [transforms.Resize(image_size), transforms.CenterCrop(image_size)]
    return transforms.Compose([*steps, transforms.ToTensor(), transforms.Normalize(mean, std)])


def _fake_datasets(image_size: int, num_classes: int, train_tf, eval_tf, size: int) -> tuple[Dataset, Dataset]:
    train = datasets.FakeData(size=size, image_size=(3, image_size, image_size), num_classes=num_classes,
                              transform=train_tf, random_offset=0)
    val = datasets.FakeData(size=max(size // 4, 32), image_size=(3, image_size, image_size),
                            num_classes=num_classes, transform=eval_tf, random_offset=10_000)
    return train, val


def _split_image_folder(root: Path, train_tf, eval_tf, val_fraction: float, seed: int):
    """One ImageFolder without train/val subfolders: split its files, each side with its own transform."""
    train_view = datasets.ImageFolder(str(root), transform=train_tf)
    eval_view = datasets.ImageFolder(str(root), transform=eval_tf)
    n_val = max(1, int(len(train_view) * val_fraction))
    order = torch.randperm(len(train_view), generator=torch.Generator().manual_seed(seed)).tolist()
    return Subset(train_view, order[n_val:]), Subset(eval_view, order[:n_val]), train_view.classes


def get_datasets(
    dataset: str = "cifar10",
    data_dir: str | Path = "data",
    image_size: int = 32,
    mean: tuple[float, ...] = CIFAR10_MEAN,
    std: tuple[float, ...] = CIFAR10_STD,
    augment: bool = True,
    fake_data: bool = False,
    fake_size: int = 512,
    val_fraction: float = 0.2,
    seed: int = 0,
) -> tuple[Dataset, Dataset, list[str], bool]:
    """Return ``(train_set, val_set, class_names, is_fake)``.

    * ``dataset="cifar10"``: torchvision CIFAR-10 (downloaded to ``data_dir``); its test split is
      used for validation. Falls back to random images when the download fails.
    * ``dataset="folder"``: an ImageFolder tree, one sub-folder per class. If ``data_dir`` has
      ``train/`` and ``val/`` sub-folders they are used, otherwise the images are split randomly.
      This is how to train on flowers, e.g. the TensorFlow flower_photos archive.
    """
    train_tf = build_transforms(image_size, mean, std, augment=augment)
    eval_tf = build_transforms(image_size, mean, std, augment=False)
    root = Path(data_dir)

    if dataset == "cifar10":
        if not fake_data:
            try:
                train = datasets.CIFAR10(str(root), train=True, download=True, transform=train_tf)
                val = datasets.CIFAR10(str(root), train=False, download=True, transform=eval_tf)
                return train, val, list(train.classes), False
            except Exception as exc:  # noqa: BLE001 - no network, blocked mirror, broken archive...
                print(f"Could not load CIFAR-10 ({exc.__class__.__name__}: {exc}).")
                print("Falling back to random images; use --fake-data to skip the download attempt.")
        train, val = _fake_datasets(image_size, len(CIFAR10_CLASSES), train_tf, eval_tf, fake_size)
        return train, val, list(CIFAR10_CLASSES), True

    if dataset == "folder":
        if fake_data:
            names = [f"class_{i}" for i in range(5)]
            train, val = _fake_datasets(image_size, len(names), train_tf, eval_tf, fake_size)
            return train, val, names, True
        if not root.is_dir():
            raise FileNotFoundError(
                f"{root} is not a folder. Point --data-dir at an ImageFolder tree: <root>/<class>/<image>.jpg"
            )
        if (root / "train").is_dir() and (root / "val").is_dir():
            train = datasets.ImageFolder(str(root / "train"), transform=train_tf)
            val = datasets.ImageFolder(str(root / "val"), transform=eval_tf)
            return train, val, list(train.classes), False
        train, val, classes = _split_image_folder(root, train_tf, eval_tf, val_fraction, seed)
        return train, val, list(classes), False

    raise ValueError(f"unknown dataset {dataset!r}: use 'cifar10' or 'folder'")


def limit_dataset(dataset: Dataset, limit: int | None, seed: int = 0) -> Dataset:
    """A random subset of ``limit`` items (for quick CPU experiments); the dataset itself if no limit."""
    if not limit or limit >= len(dataset):
        return dataset
    order = torch.randperm(len(dataset), generator=torch.Generator().manual_seed(seed))[:limit]
    return Subset(dataset, order.tolist())


def make_loaders(train: Dataset, val: Dataset, batch_size: int = 64, num_workers: int = 0) -> tuple[DataLoader, DataLoader]:
    return (
        DataLoader(train, batch_size=batch_size, shuffle=True, num_workers=num_workers),
        DataLoader(val, batch_size=batch_size, shuffle=False, num_workers=num_workers),
    )
