"""Tests for the done parts. Nothing is downloaded. Run with: pytest"""
import json

import torch

from imagegen.data import make_loader, synthetic_shapes
from imagegen.dcgan import Discriminator, Generator, sample, train_dcgan
from imagegen.diffusion import placeholder_generator
from imagegen.story import build_pages, split_story, write_gallery


def test_synthetic_shapes_are_in_tanh_range():
    x = synthetic_shapes(12)
    assert x.shape == (12, 1, 28, 28) and x.min() == -1 and x.max() == 1


def test_generator_and_discriminator_shapes():
    G, D = Generator(z_dim=16, base=8), Discriminator(base=8)
    fake = G(torch.randn(4, 16))
    assert fake.shape == (4, 1, 28, 28) and fake.abs().max() <= 1
    assert D(fake).shape == (4,)


def test_one_epoch_of_gan_training_saves_a_grid(tmp_path):
    loader = make_loader(synthetic_shapes(64), batch_size=32)
    G, history = train_dcgan(loader, epochs=1, z_dim=16, base=8, out_dir=tmp_path, device="cpu")
    assert (tmp_path / "epoch_001.png").exists()
    assert len(history["loss_d"]) == 1 and history["loss_d"][0] > 0
    assert sample(G, 3, seed=0).shape == (3, 1, 28, 28)


def test_split_story_into_scenes():
    assert split_story("One. Two! Three?") == ["One.", "Two!", "Three?"]
    assert split_story("First para.\nStill first.\n\nSecond para.") == ["First para.\nStill first.", "Second para."]


def test_gallery_pairs_images_with_escaped_captions(tmp_path):
    pages = build_pages(["A cat <b>sleeps</b>.", "A dog runs."], placeholder_generator(64), tmp_path)
    index = write_gallery(pages, tmp_path, title="Test & gallery")
    text = index.read_text(encoding="utf-8")
    assert "&lt;b&gt;sleeps&lt;/b&gt;" in text and "Test &amp; gallery" in text
    assert all((tmp_path / p.image).exists() for p in pages)
    assert [p["caption"] for p in json.loads((tmp_path / "pages.json").read_text())] == [
        "A cat <b>sleeps</b>.", "A dog runs."]


# TODO: when you add `build_prompt`, test that every prompt of one story shares the same style
#       suffix and still contains its scene text.
