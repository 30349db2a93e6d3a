# Tests for the parts of {{projectName}} that are already done. They never download anything.
import torch
from PIL import Image
from torch import nn

from {{packageName}}.data import build_transforms, get_datasets, make_loaders
from {{packageName}}.engine import evaluate, load_model_from_checkpoint, save_checkpoint, train_one_epoch
from {{packageName}}.models import SmallCNN, build_resnet18
from {{packageName}}.visualize import capture_feature_maps, conv_layer_names, plot_feature_maps


def test_small_cnn_output_shape_any_image_size():
    model = SmallCNN(num_classes=10)
    assert model(torch.zeros(2, 3, 32, 32)).shape == (2, 10)
    assert model(torch.zeros(1, 3, 64, 64)).shape == (1, 10)


def test_resnet18_head_and_freezing_without_download():
    model, loaded = build_resnet18(num_classes=5, pretrained=False, freeze_backbone=True)
    assert not loaded
    assert model(torch.zeros(1, 3, 64, 64)).shape == (1, 5)
    trainable = {name for name, p in model.named_parameters() if p.requires_grad}
    assert trainable == {"fc.weight", "fc.bias"}


def test_transforms_give_normalised_tensors():
    image = Image.new("RGB", (50, 40), color=(200, 10, 10))
    for augment in (True, False):
        tensor = build_transforms(32, augment=augment)(image)
        assert tensor.shape == (3, 32, 32)


def test_image_folder_is_split_into_train_and_val(tmp_path):
    for cls, colour in [("daisy", (255, 255, 255)), ("rose", (200, 0, 0))]:
        (tmp_path / cls).mkdir()
        for i in range(5):
            Image.new("RGB", (40, 40), color=colour).save(tmp_path / cls / f"{i}.png")
    train, val, classes, is_fake = get_datasets("folder", tmp_path, image_size=32, val_fraction=0.2)
    assert classes == ["daisy", "rose"] and not is_fake
    assert len(train) + len(val) == 10 and len(val) == 2


def test_training_step_and_checkpoint_on_fake_data(tmp_path):
    train, val, classes, is_fake = get_datasets("cifar10", fake_data=True, fake_size=64)
    assert is_fake and len(classes) == 10
    train_loader, val_loader = make_loaders(train, val, batch_size=16)
    model = SmallCNN(len(classes))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    metrics = train_one_epoch(model, train_loader, optimizer, nn.CrossEntropyLoss())
    assert metrics["loss"] > 0
    val_metrics = evaluate(model, val_loader, nn.CrossEntropyLoss())
    config = {"model": "small", "class_names": classes, "image_size": 32, "mean": [0.5] * 3, "std": [0.5] * 3}
    path = save_checkpoint(tmp_path / "best.pt", model, optimizer, 1, val_metrics, config)
    restored, checkpoint = load_model_from_checkpoint(path)
    assert checkpoint["config"]["class_names"] == classes
    x = torch.randn(1, 3, 32, 32)
    model.eval()
    assert torch.allclose(model(x), restored(x))


def test_feature_maps_are_captured_and_plotted(tmp_path):
    model = SmallCNN()
    assert len(conv_layer_names(model)) == 3
    maps = capture_feature_maps(model, torch.randn(3, 32, 32), ["features.block1", "features.block3"])
    assert maps["features.block1"].shape == (1, 32, 16, 16)
    assert maps["features.block3"].shape == (1, 128, 4, 4)
    plot_feature_maps(maps["features.block1"], save_path=tmp_path / "block1.png")
    assert (tmp_path / "block1.png").exists()


# TODO: when you add per-class accuracy to evaluate(), test it on a tiny loader whose
#       answers you know (e.g. a model that always predicts class 0).
