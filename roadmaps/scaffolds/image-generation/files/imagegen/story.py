"""Pair generated images with text: an art gallery or an illustrated story, saved as HTML + JSON."""
from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from PIL import Image

from .diffusion import ImageGenerator


GALLERY_CSS = (
    "body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; } "
    "figure { display: inline-block; width: 18rem; margin: 0.5rem; vertical-align: top; } "
    "img { width: 100%; border-radius: 6px; }"
)


@dataclass
class Page:
    prompt: str      # what the image model was asked for
    caption: str     # the text shown with the image
    image: str       # image file, relative to the output folder


def split_story(text: str, max_pages: int = 6) -> list[str]:
    """Scenes of a story: paragraphs if there are several, otherwise sentences."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    if len(paragraphs) > 1:
        return paragraphs[:max_pages]
    sentences = re.split(r"(?<=[.!?])\s+", text.strip())
    return [s for s in sentences if s][:max_pages]


def scene_to_prompt(scene: str, style: str = "storybook illustration, soft colours") -> str:
    """Turn a story sentence into an image prompt (simple on purpose: once build_prompt in
    diffusion.py works, return build_prompt(scene, style) here)."""
    return f"{scene.rstrip('.!?')}, {style}"


def build_pages(texts: list[str], generate: ImageGenerator, out_dir: str | Path,
                to_prompt=scene_to_prompt) -> list[Page]:
    """Generate one image per text and save it; returns the pages (caption = the text)."""
    out_dir = Path(out_dir)
    (out_dir / "images").mkdir(parents=True, exist_ok=True)
    pages = []
    for i, text in enumerate(texts, start=1):
        prompt = to_prompt(text)
        rel = f"images/{i:02d}.png"
        generate(prompt).save(out_dir / rel)
        pages.append(Page(prompt=prompt, caption=text, image=rel))
    return pages


def write_gallery(pages: list[Page], out_dir: str | Path, title: str = "Gallery") -> Path:
    """Write ``index.html`` (images with captions) and ``pages.json``; returns the HTML path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "pages.json").write_text(json.dumps([asdict(p) for p in pages], indent=2), encoding="utf-8")
    figures = "\n".join(
        f'  <figure><img src="{html.escape(p.image)}" alt="{html.escape(p.prompt)}">'
        f"<figcaption>{html.escape(p.caption)}</figcaption></figure>"
        for p in pages
    )
    doc = "\n".join([
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title>",
        f"<style>{GALLERY_CSS}</style></head>",
        f"<body><h1>{html.escape(title)}</h1>",
        figures,
        "</body></html>",
        "",
    ])
    path = out_dir / "index.html"
    path.write_text(doc, encoding="utf-8")
    return path


# TODO (multi-modal story app): generate the story text too. Start from a one-line idea, ask a
#       text-generation model for 4-6 short scenes (transformers `pipeline("text-generation")`),
#       then illustrate each scene with `build_pages`. Keep a character description in every
#       prompt so the hero looks the same on every page.
# TODO (art gallery): write captions *from the images* with an image-captioning model
#       (e.g. `pipeline("image-to-text", model="Salesforce/blip-image-captioning-base")`) and show
#       prompt and caption side by side: how close does the model get to what you asked for?
#       Write describe_pages (below), add a `description` field to Page (empty by default) and
#       show it (HTML-escaped) in write_gallery next to the caption; pages.json keeps it too.


def describe_pages(pages: list[Page], out_dir: str | Path, describe: Callable[[Image.Image], str]) -> list[Page]:
    """Open each page's image (relative to ``out_dir``) and store ``describe(image)`` as its
    ``description``. ``describe`` is any image -> text function: wrap the captioning pipeline
    (``lambda im: captioner(im)[0]["generated_text"]``) or, offline, a stand-in."""
    raise NotImplementedError("describe_pages: caption every page's image with describe()")
