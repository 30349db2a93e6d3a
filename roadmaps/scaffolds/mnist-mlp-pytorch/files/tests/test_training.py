# Tests for the parts of {{projectName}} that are already done. Run with: pytest
import torch
from torch import nn

from {{packageName}}.data import get_dataloaders, make_fake_mnist
from {{packageName}}.engine import evaluate, load_checkpoint, save_checkpoint, train_one_epoch
from {{packageName}}.model import MLP
from {{packageName}}.train import main


def test_fake_data_has_mnist_shapes():
    dataset = make_fake_mnist(size=32)
    image, label = dataset[0]
    assert image.shape == (1, 28, 28)
    assert 0 <= int(label) < 10
    assert len(dataset) == 32


def test_mlp_outputs_one_logit_per_class():
    model = MLP(hidden_dims=(32,))
    logits = model(torch.zeros(5, 1, 28, 28))
    assert logits.shape == (5, 10)


def test_training_reduces_loss_on_fake_data():
    torch.manual_seed(0)
    train_loader, test_loader, is_fake = get_dataloaders(batch_size=32, fake_data=True, fake_size=512)
    assert is_fake
    model = MLP(hidden_dims=(64,), dropout=0.0)
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    before = evaluate(model, test_loader, loss_fn)
    for _ in range(3):
        train_one_epoch(model, train_loader, optimizer, loss_fn)
    after = evaluate(model, test_loader, loss_fn)
    assert after["loss"] < before["loss"]
    assert 0.0 <= after["accuracy"] <= 1.0


def test_checkpoint_round_trip(tmp_path):
    model = MLP(hidden_dims=(16,))
    path = save_checkpoint(tmp_path / "model.pt", model, epoch=2, metrics={"accuracy": 0.5})
    restored = MLP(hidden_dims=(16,))
    checkpoint = load_checkpoint(path, restored)
    assert checkpoint["epoch"] == 2
    for a, b in zip(model.parameters(), restored.parameters()):
        assert torch.equal(a, b)


def test_cli_trains_and_saves_checkpoint(tmp_path):
    checkpoint = tmp_path / "best.pt"
    best = main(["--epochs", "1", "--fake-data", "--fake-size", "256", "--checkpoint", str(checkpoint)])
    assert checkpoint.exists()
    assert 0.0 <= best["accuracy"] <= 1.0


# TODO: once you add a confusion matrix to evaluate(), test that its entries sum to the
#       number of test images and that its diagonal matches the reported accuracy.
