"""Datasets and DataLoaders: real MNIST when it can be had, random tensors when not."""
from __future__ import annotations

from pathlib import Path

import torch
from torch.utils.data import DataLoader, Dataset, TensorDataset

# Mean and standard deviation of the MNIST training pixels (after ToTensor scales them to [0, 1]).
MNIST_MEAN = 0.1307
MNIST_STD = 0.3081
NUM_CLASSES = 10
IMAGE_SHAPE = (1, 28, 28)


def make_fake_mnist(size: int = 2048, seed: int = 0, template_seed: int = 1234) -> TensorDataset:
    """Random stand-in for MNIST with the same shapes: (N, 1, 28, 28) images and labels 0-9.

    Each class gets its own fixed random "template" plus noise, so a model can still learn
    something and the training loop can be checked end to end without a download. Train and
    test sets share ``template_seed`` (same classes) but use different ``seed`` (different samples).
    """
    templates = torch.randn(NUM_CLASSES, *IMAGE_SHAPE, generator=torch.Generator().manual_seed(template_seed))
    gen = torch.Generator().manual_seed(seed)
    labels = torch.randint(0, NUM_CLASSES, (size,), generator=gen)
    images = templates[labels] + 0.8 * torch.randn(size, *IMAGE_SHAPE, generator=gen)
    return TensorDataset(images, labels)


def load_mnist(data_dir: str | Path = "data", train: bool = True) -> Dataset:
    """Download (once) and return the torchvision MNIST split, normalised to zero mean / unit std."""
    from torchvision import datasets, transforms

    transform = transforms.Compose(
        [transforms.ToTensor(), transforms.Normalize((MNIST_MEAN,), (MNIST_STD,))]
    )
    return datasets.MNIST(root=str(data_dir), train=train, download=True, transform=transform)


def get_datasets(
    data_dir: str | Path = "data",
    fake_data: bool = False,
    fake_size: int = 2048,
) -> tuple[Dataset, Dataset, bool]:
    """Return ``(train_set, test_set, is_fake)``.

    Falls back to :func:`make_fake_mnist` when ``fake_data`` is set or the download fails
    (no network, blocked mirror, ...), and says so on the console.
    """
    if not fake_data:
        try:
            return load_mnist(data_dir, train=True), load_mnist(data_dir, train=False), False
        except Exception as exc:  # noqa: BLE001 - any download/IO failure means "use fake data"
            print(f"Could not load MNIST ({exc.__class__.__name__}: {exc}).")
            print("Falling back to random tensors: results will not mean much. Use --fake-data to skip the download.")
    train_set = make_fake_mnist(fake_size, seed=0)
    test_set = make_fake_mnist(max(fake_size // 4, 64), seed=1)
    return train_set, test_set, True


def get_dataloaders(
    data_dir: str | Path = "data",
    batch_size: int = 64,
    fake_data: bool = False,
    fake_size: int = 2048,
    num_workers: int = 0,
) -> tuple[DataLoader, DataLoader, bool]:
    """Wrap the datasets in DataLoaders (shuffled for training). Returns ``(train, test, is_fake)``."""
    train_set, test_set, is_fake = get_datasets(data_dir, fake_data=fake_data, fake_size=fake_size)
    train_loader = DataLoader(train_set, batch_size=batch_size, shuffle=True, num_workers=num_workers)
    test_loader = DataLoader(test_set, batch_size=batch_size * 2, shuffle=False, num_workers=num_workers)
    return train_loader, test_loader, is_fake


def split_train_val(dataset: Dataset, val_fraction: float = 0.1, seed: int = 0) -> tuple[Dataset, Dataset]:
    """Split ``dataset`` into ``(train_part, val_part)``; ``val_part`` holds ``val_fraction`` of the items
    (rounded to the nearest whole number, and at least one), picked at random.

    Every item lands in exactly one part, the same ``seed`` always gives the same split and
    another seed another split.
    """
    # TODO: use torch.utils.data.random_split with a seeded torch.Generator.
    raise NotImplementedError("split_train_val: carve a validation set out of the training data")
