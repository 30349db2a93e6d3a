"""Checks for the steps in README.md: each fails with a hint until its step is done.
Run with: pytest checks

Nothing is downloaded and neither diffusers nor transformers is needed: the GAN parts use tiny
random networks and synthetic shapes, the gallery uses the offline placeholder generator, and
the image-captioning check uses a small stand-in captioner instead of a model."""
from __future__ import annotations

import html
import json

import pytest
import torch
from PIL import Image
from torch import nn

from imagegen import dcgan, diffusion, story
from imagegen.data import make_loader, synthetic_shapes

STARTER_GAPS = (NotImplementedError, AttributeError, TypeError, ImportError)


def _fail(hint: str, err: Exception | None = None) -> None:
    detail = f"\n({type(err).__name__}: {err})" if err is not None else ""
    pytest.fail(hint + detail, pytrace=False)


def _call(hint: str, fn, *args, **kwargs):
    """Run the learner's code; a missing or unfinished piece fails with the hint, not a traceback."""
    try:
        return fn(*args, **kwargs)
    except STARTER_GAPS as err:
        gap = err
    _fail(hint, gap)  # outside the except block, so the hint is not shown after the original error


def _attr(module, name: str, hint: str):
    if not hasattr(module, name):
        _fail(hint)
    return getattr(module, name)


def test_label_smoothing(tmp_path):
    hint = ("Step 1: write discriminator_loss in dcgan.py (BCE of real logits against real_label plus fake "
            "logits against 0), use it in train_dcgan and give train_dcgan a real_label argument.")
    bce = nn.BCEWithLogitsLoss()
    real, fake = torch.tensor([3.0, 5.0]), torch.tensor([-2.0, 1.0])
    for label in (1.0, 0.9):
        got = _call(hint, dcgan.discriminator_loss, real, fake, real_label=label)
        want = bce(real, torch.full_like(real, label)) + bce(fake, torch.zeros_like(fake))
        if abs(float(got) - float(want)) > 1e-5:
            _fail(f"{hint}\nFor real_label={label} the loss is {float(got):.4f}; expected {float(want):.4f}.")
    loader = make_loader(synthetic_shapes(32), batch_size=16)
    _, history = _call(hint, dcgan.train_dcgan, loader, epochs=1, z_dim=8, base=4, out_dir=tmp_path,
                       device="cpu", real_label=0.9)
    if not history["loss_d"] or not history["loss_d"][0] > 0:
        _fail(f"{hint}\ntrain_dcgan(real_label=0.9) should still train and report the D loss.")


def test_conditional_gan():
    hint = ("Step 1: add ConditionalGenerator(z_dim, n_classes, base) and ConditionalDiscriminator(n_classes, base) "
            "to dcgan.py: both take the class labels as a second forward argument.")
    cond_g = _call(hint, _attr(dcgan, "ConditionalGenerator", hint), z_dim=8, n_classes=3, base=4)
    cond_d = _call(hint, _attr(dcgan, "ConditionalDiscriminator", hint), n_classes=3, base=4)
    torch.manual_seed(0)
    cond_g.eval()
    cond_d.eval()
    z = torch.randn(1, 8).repeat(3, 1)
    labels = torch.tensor([0, 1, 2])
    with torch.no_grad():
        images = _call(hint, cond_g, z, labels)
        if images.shape != (3, 1, 28, 28) or images.abs().max() > 1:
            _fail(f"{hint}\nThe generator should give (N, 1, 28, 28) images in [-1, 1]; got {tuple(images.shape)}.")
        if torch.allclose(images[0], images[1]) or torch.allclose(images[1], images[2]):
            _fail(f"{hint}\nThe same z with different labels gave the same image: feed the label to the generator.")
        scores = _call(hint, cond_d, images, labels)
        if scores.shape != (3,):
            _fail(f"{hint}\nThe discriminator should give one logit per image; got shape {tuple(scores.shape)}.")
        same_image = images[:1].repeat(3, 1, 1, 1)
        if torch.allclose(cond_d(same_image, labels)[0], cond_d(same_image, labels)[1]):
            _fail(f"{hint}\nThe discriminator gives the same score whatever the label: feed it the label too.")


def test_latent_interpolation():
    hint = ("Step 1: write interpolate(G, z1, z2, steps) in dcgan.py: images for evenly spaced points on the line "
            "from z1 to z2, generated in eval mode.")
    torch.manual_seed(0)
    G = dcgan.Generator(z_dim=8, base=4)
    G.apply(dcgan.init_weights)
    z1, z2 = torch.randn(8), torch.randn(8)
    row = _call(hint, dcgan.interpolate, G, z1, z2, steps=5)
    if tuple(row.shape) != (5, 1, 28, 28):
        _fail(f"{hint}\ninterpolate(G, z1, z2, steps=5) gave shape {tuple(row.shape)}; expected (5, 1, 28, 28).")
    G.eval()
    with torch.no_grad():
        ends = G(torch.stack([z1, z2, (z1 + z2) / 2]))
    if not (torch.allclose(row[0], ends[0], atol=1e-5) and torch.allclose(row[-1], ends[1], atol=1e-5)):
        _fail(f"{hint}\nThe first image should be G(z1) and the last G(z2).")
    if not torch.allclose(row[2], ends[2], atol=1e-5):
        _fail(f"{hint}\nWith 5 steps the middle image should be G((z1 + z2) / 2): space the points evenly.")


def test_build_prompt_keeps_one_style():
    hint = ("Step 3: write build_prompt(subject, style, extras) in diffusion.py: the subject, then the extras, "
            "then the same style for every image.")
    scenes = ["A robot wakes up in a garden", "The robot finds a seed under a stone"]
    prompts = [_call(hint, diffusion.build_prompt, s, style="ink drawing, muted colours",
                     extras=("a small round robot with one blue eye",)) for s in scenes]
    for scene, prompt in zip(scenes, prompts):
        if scene.lower() not in prompt.lower() or "a small round robot with one blue eye" not in prompt:
            _fail(f"{hint}\nThe prompt {prompt!r} lost its scene text or the extras.")
    tails = [p[p.lower().index(s.lower()) + len(s):] for s, p in zip(scenes, prompts)]
    if tails[0] != tails[1] or "ink drawing, muted colours" not in tails[0]:
        _fail(f"{hint}\nEvery prompt of one story should end the same way, with the style: got {prompts}.")
    plain = _call(hint, diffusion.build_prompt, "a fox reading a book")
    if plain.strip().lower() == "a fox reading a book":
        _fail(f"{hint}\nWithout a style argument build_prompt should add DEFAULT_STYLE.")


def test_pages_get_descriptions_from_their_images(tmp_path):
    hint = ("Step 4: write describe_pages in story.py (caption each page's image with describe(image)), add a "
            "`description` field to Page and show it in write_gallery next to the caption.")
    pages = story.build_pages(["A cat sleeps.", "A dog runs."], diffusion.placeholder_generator(48), tmp_path)

    def stand_in_captioner(image):
        """Offline stand-in for an image-to-text model: says which colour dominates the top row."""
        r, g, b = image.convert("RGB").getpixel((image.width // 2, 0))
        return f"<mostly {'red' if r >= max(g, b) else 'green' if g >= b else 'blue'}> {image.width}px"

    described = _call(hint, story.describe_pages, pages, tmp_path, stand_in_captioner)
    expected = [stand_in_captioner(Image.open(tmp_path / p.image)) for p in pages]
    got = [getattr(p, "description", None) for p in described]
    if got != expected:
        _fail(f"{hint}\nThe descriptions are {got}; expected what describe() says about each page's image.")
    index = story.write_gallery(described, tmp_path, title="Described")
    text = index.read_text(encoding="utf-8")
    if any(html.escape(d) not in text for d in expected):
        _fail(f"{hint}\nindex.html should show each (HTML-escaped) description.")
    saved = json.loads((tmp_path / "pages.json").read_text(encoding="utf-8"))
    if [p.get("description") for p in saved] != expected:
        _fail(f"{hint}\npages.json should keep each page's description.")
