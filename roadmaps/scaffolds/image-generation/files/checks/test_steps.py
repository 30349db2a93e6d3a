"""Checks for the steps in README.md: each fails with a hint until its step is done.
Run with: pytest checks

Nothing is downloaded and neither diffusers nor transformers is needed: the GAN parts use tiny
random networks and synthetic shapes, the gallery uses the offline placeholder generator, and
the image-captioning check uses a small stand-in captioner instead of a model."""
from __future__ import annotations

import html
import json
import traceback
from pathlib import Path

import pytest
import torch
from PIL import Image
from torch import nn

from imagegen import dcgan, diffusion, story
from imagegen.data import make_loader, synthetic_shapes

PROJECT = Path(__file__).resolve().parents[1]


def _fail(hint: str, detail: str = "") -> None:
    """Fail with the hint as the first line (and what was seen after it), without a traceback."""
    pytest.fail(hint + (f"\n{detail}" if detail else ""), pytrace=False)


def learner_frame(tb) -> str:
    """The deepest frame of the traceback in the project's own code (not checks/, tests/ or a
    virtual environment), as a traceback line, so the editor can put the failure on that line."""
    where = ""
    for frame, line in traceback.walk_tb(tb):
        path = Path(frame.f_code.co_filename).resolve()
        if PROJECT not in path.parents:
            continue
        parts = path.relative_to(PROJECT).parts
        if parts[0] in ("checks", "tests") or parts[0].startswith(".") or "site-packages" in parts:
            continue
        where = f'\n  File "{path.relative_to(PROJECT).as_posix()}", line {line}, in {frame.f_code.co_name}'
    return where


def attempt(hint, fn, *args, **kwargs):
    """Call the learner's code; if it raises, fail with the hint, what was raised and where."""
    try:
        return fn(*args, **kwargs)
    except Exception as exc:  # a TODO still in place, or a bug on the way to the answer
        problem = f"{type(exc).__name__}: {exc}{learner_frame(exc.__traceback__)}"
    # failing outside the except block keeps the learner's traceback out of the message
    pytest.fail(f"{hint}\n(it raised {problem})", pytrace=False)


def _attr(module, name: str, hint: str):
    if not hasattr(module, name):
        _fail(hint, f"{module.__name__.split('.')[-1]}.py has no {name} yet.")
    return getattr(module, name)


HINT_SMOOTHING = ("Step 1: write discriminator_loss in dcgan.py (BCE of real logits against real_label plus fake "
                  "logits against 0), use it in train_dcgan and give train_dcgan a real_label argument.")


def test_label_smoothing(monkeypatch, tmp_path):
    bce = nn.BCEWithLogitsLoss()
    real, fake = torch.tensor([3.0, -1.0, 0.5]), torch.tensor([-2.0, 1.0, 0.0])
    for label in (1.0, 0.9, 0.7):
        got = attempt(HINT_SMOOTHING, dcgan.discriminator_loss, real, fake, real_label=label)
        want = bce(real, torch.full_like(real, label)) + bce(fake, torch.zeros_like(fake))
        if abs(float(got) - float(want)) > 1e-5:
            _fail(HINT_SMOOTHING, f"For real logits {real.tolist()}, fake logits {fake.tolist()} and real_label={label} "
                  f"the loss is {float(got):.4f}, not {float(want):.4f} (mean BCE on each side, added).")
    default = attempt(HINT_SMOOTHING, dcgan.discriminator_loss, real, fake)
    if abs(float(default) - float(bce(real, torch.ones_like(real)) + bce(fake, torch.zeros_like(fake)))) > 1e-5:
        _fail(HINT_SMOOTHING, "discriminator_loss without real_label should use 1.0 for the real images.")

    # train_dcgan passes its real_label on to discriminator_loss, at every step.
    seen = []
    real_loss = dcgan.discriminator_loss

    def recording(real_logits, fake_logits, real_label=1.0):
        seen.append(real_label)
        return real_loss(real_logits, fake_logits, real_label)

    monkeypatch.setattr(dcgan, "discriminator_loss", recording)
    loader = make_loader(synthetic_shapes(32), batch_size=16)
    for kwargs, label in (({"real_label": 0.9}, 0.9), ({}, 1.0)):
        seen.clear()
        _, history = attempt(HINT_SMOOTHING, dcgan.train_dcgan, loader, epochs=1, z_dim=8, base=4, out_dir=tmp_path,
                             device="cpu", **kwargs)
        if seen != [label, label]:
            _fail(HINT_SMOOTHING, f"train_dcgan({', '.join(f'{k}={v}' for k, v in kwargs.items())}) called "
                  f"discriminator_loss with real_label {seen} over 2 batches, not [{label}, {label}].")
        if not history["loss_d"] or not history["loss_d"][0] > 0:
            _fail(HINT_SMOOTHING, "train_dcgan should still train and report the D loss.")


HINT_CGAN = ("Step 1: add ConditionalGenerator(z_dim, n_classes, base) and ConditionalDiscriminator(n_classes, base) "
             "to dcgan.py: both take the class labels as a second forward argument.")


def test_conditional_gan():
    cond_g = attempt(HINT_CGAN, _attr(dcgan, "ConditionalGenerator", HINT_CGAN), z_dim=8, n_classes=3, base=4)
    cond_d = attempt(HINT_CGAN, _attr(dcgan, "ConditionalDiscriminator", HINT_CGAN), n_classes=3, base=4)
    if getattr(cond_g, "z_dim", None) != 8:
        _fail(HINT_CGAN, f"ConditionalGenerator(z_dim=8, ...).z_dim is {getattr(cond_g, 'z_dim', None)!r}: it should stay "
              "the size of the noise callers draw (8).")
    torch.manual_seed(0)
    cond_g.eval()
    cond_d.eval()
    z = torch.randn(1, 8).repeat(3, 1)
    labels = torch.tensor([0, 1, 2])
    with torch.no_grad():
        images = attempt(HINT_CGAN, cond_g, z, labels)
        if tuple(images.shape) != (3, 1, 28, 28) or images.abs().max() > 1:
            _fail(HINT_CGAN, f"The generator gave images of shape {tuple(images.shape)} with values up to "
                  f"{float(images.abs().max()):.2f}; expected (3, 1, 28, 28) in [-1, 1].")
        if torch.allclose(images[0], images[1]) or torch.allclose(images[1], images[2]):
            _fail(HINT_CGAN, "The same z with labels 0, 1 and 2 gave the same image: feed the label to the generator.")
        scores = attempt(HINT_CGAN, cond_d, images, labels)
        if tuple(scores.shape) != (3,):
            _fail(HINT_CGAN, f"The discriminator gave scores of shape {tuple(scores.shape)}, not one logit per image (3,).")
        same_image = images[:1].repeat(3, 1, 1, 1)
        by_label = cond_d(same_image, labels)
        if torch.allclose(by_label[0], by_label[1]) or torch.allclose(by_label[1], by_label[2]):
            _fail(HINT_CGAN, f"The discriminator scored one image {by_label.tolist()} with labels 0, 1 and 2: its score "
                  "should depend on the label too.")
        by_image = cond_d(images, torch.zeros(3, dtype=torch.long))
        if torch.allclose(by_image[0], by_image[1]) or torch.allclose(by_image[1], by_image[2]):
            _fail(HINT_CGAN, "The discriminator scored three different images the same with one label: it should look "
                  "at the image.")


HINT_INTERPOLATE = ("Step 1: write interpolate(G, z1, z2, steps) in dcgan.py: images for evenly spaced points on the "
                    "line from z1 to z2, generated in eval mode.")


def test_latent_interpolation():
    torch.manual_seed(0)
    G = dcgan.Generator(z_dim=8, base=4)
    G.apply(dcgan.init_weights)
    z1, z2 = torch.randn(8), torch.randn(8)
    G.train()
    row = attempt(HINT_INTERPOLATE, dcgan.interpolate, G, z1, z2, steps=5)
    if tuple(row.shape) != (5, 1, 28, 28):
        _fail(HINT_INTERPOLATE, f"interpolate(G, z1, z2, steps=5) gave shape {tuple(row.shape)}, not (5, 1, 28, 28).")
    G.eval()
    with torch.no_grad():
        points = torch.stack([z1 + (z2 - z1) * k / 4 for k in range(5)])
        expected = G(points)
    for k, name in ((0, "first image (G(z1))"), (4, "last image (G(z2))"), (1, "second image"), (2, "middle image")):
        if not torch.allclose(row[k], expected[k], atol=1e-5):
            _fail(HINT_INTERPOLATE, f"With 5 steps the {name} is not G(z1 + (z2 - z1) * {k}/4) in eval mode: space "
                  "the points evenly from z1 to z2 (both ends included) and generate with G.eval().")


HINT_PROMPT = ("Step 3: write build_prompt(subject, style, extras) in diffusion.py: the subject, then the extras, "
               "then the same style for every image.")


def test_build_prompt_keeps_one_style():
    style, extras = "ink drawing, muted colours", ("a small round robot with one blue eye", "  ", "a red scarf")
    for scene, subject in (("A robot wakes up in a garden.", "A robot wakes up in a garden"),
                           ("The robot finds a seed under a stone!", "The robot finds a seed under a stone")):
        prompt = attempt(HINT_PROMPT, diffusion.build_prompt, scene, style=style, extras=extras)
        expected = f"{subject}, a small round robot with one blue eye, a red scarf, {style}"
        if prompt != expected:
            _fail(HINT_PROMPT, f"build_prompt({scene!r}, style={style!r}, extras={extras!r}) gave {prompt!r}, not "
                  f"{expected!r}: the subject without its closing punctuation, the non-blank extras in order, then "
                  "the style, joined with \", \".")
    plain = attempt(HINT_PROMPT, diffusion.build_prompt, "a fox reading a book")
    if plain != f"a fox reading a book, {diffusion.DEFAULT_STYLE}":
        _fail(HINT_PROMPT, f"build_prompt(\"a fox reading a book\") gave {plain!r}: without a style it should add "
              "DEFAULT_STYLE.")
    told = attempt(HINT_PROMPT, story.scene_to_prompt, "A cat sleeps.", style="pencil sketch")
    if told != "A cat sleeps, pencil sketch":
        _fail(HINT_PROMPT, f"story.scene_to_prompt(\"A cat sleeps.\", style=\"pencil sketch\") gave {told!r}: return "
              "build_prompt(scene, style) there.")


HINT_DESCRIBE = ("Step 4: write describe_pages in story.py (caption each page's image with describe(image)), add a "
                 "`description` field to Page and show it in write_gallery next to the caption.")


def test_pages_get_descriptions_from_their_images(tmp_path):
    pages = story.build_pages(["A cat sleeps.", "A dog runs."], diffusion.placeholder_generator(48), tmp_path)

    def stand_in_captioner(image):
        """Offline stand-in for an image-to-text model: says which colour dominates the top row."""
        r, g, b = image.convert("RGB").getpixel((image.width // 2, 0))
        return f"<mostly {'red' if r >= max(g, b) else 'green' if g >= b else 'blue'}> {image.width}px"

    if getattr(pages[0], "description", None) != "":
        _fail(HINT_DESCRIBE, f"A new Page has description {getattr(pages[0], 'description', None)!r}: add a "
              "`description` field, empty by default.")
    described = attempt(HINT_DESCRIBE, story.describe_pages, pages, str(tmp_path), stand_in_captioner)
    expected = [stand_in_captioner(Image.open(tmp_path / p.image)) for p in pages]
    got = [getattr(p, "description", None) for p in described]
    if got != expected:
        _fail(HINT_DESCRIBE, f"The descriptions are {got}, not what describe() says about each page's image: {expected}.")
    index = attempt(HINT_DESCRIBE, story.write_gallery, described, tmp_path, title="Described")
    text = index.read_text(encoding="utf-8")
    missing = [d for d in expected if html.escape(d) not in text]
    if missing:
        _fail(HINT_DESCRIBE, f"index.html does not show the (HTML-escaped) descriptions {missing}.")
    saved = json.loads((tmp_path / "pages.json").read_text(encoding="utf-8"))
    if [p.get("description") for p in saved] != expected:
        _fail(HINT_DESCRIBE, f"pages.json keeps the descriptions {[p.get('description') for p in saved]}, not {expected}.")
