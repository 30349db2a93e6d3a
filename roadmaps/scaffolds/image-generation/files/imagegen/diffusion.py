"""Text-to-image behind one function, with an offline placeholder for tests and dry runs.

``stable_diffusion_generator()`` needs `diffusers`, `transformers`, `accelerate`, a model
download (several GB) and, realistically, a GPU: on a CPU one 512x512 image takes minutes.
"""
from __future__ import annotations

import textwrap
import zlib
from collections.abc import Callable

from PIL import Image, ImageDraw

DEFAULT_MODEL = "{{diffusionModel}}"

ImageGenerator = Callable[[str], Image.Image]  # prompt -> image


def placeholder_generator(size: int = 256) -> ImageGenerator:
    """A stand-in 'model': a colour gradient derived from the prompt, with the prompt written on it."""

    def generate(prompt: str) -> Image.Image:
        h = zlib.crc32(prompt.encode())
        c1 = (h & 255, (h >> 8) & 255, (h >> 16) & 255)
        c2 = (255 - c1[0], 255 - c1[1], 255 - c1[2])
        img = Image.new("RGB", (size, size))
        draw = ImageDraw.Draw(img)
        for y in range(size):
            t = y / (size - 1)
            draw.line([(0, y), (size, y)], fill=tuple(int(a + t * (b - a)) for a, b in zip(c1, c2)))
        draw.multiline_text((10, 10), "\n".join(textwrap.wrap(prompt, 28)[:8]), fill=(255, 255, 255))
        return img

    return generate


def stable_diffusion_generator(model_id: str = DEFAULT_MODEL, steps: int | None = None,
                               guidance_scale: float | None = None, seed: int = 0,
                               negative_prompt: str | None = None) -> ImageGenerator:
    """Load a diffusers text-to-image pipeline once and return ``prompt -> PIL image``.

    Turbo models (sd-turbo, sdxl-turbo) want 1-4 steps and guidance 0; classic Stable Diffusion
    wants ~25-50 steps and guidance ~7.5.
    """
    import torch
    from diffusers import AutoPipelineForText2Image

    turbo = "turbo" in model_id
    steps = steps or (2 if turbo else 30)
    guidance_scale = guidance_scale if guidance_scale is not None else (0.0 if turbo else 7.5)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    dtype = torch.float16 if device == "cuda" else torch.float32
    pipe = AutoPipelineForText2Image.from_pretrained(model_id, torch_dtype=dtype).to(device)
    if device == "cpu":
        print("Running Stable Diffusion on the CPU: expect minutes per image.")

    def generate(prompt: str) -> Image.Image:
        generator = torch.Generator(device=device).manual_seed(seed)
        return pipe(prompt, num_inference_steps=steps, guidance_scale=guidance_scale,
                    negative_prompt=negative_prompt, generator=generator).images[0]

    return generate


DEFAULT_STYLE = "watercolour, soft light, children's book illustration"


def build_prompt(subject: str, style: str = DEFAULT_STYLE, extras: tuple[str, ...] = ()) -> str:
    """Prompt engineering: ``subject`` first (without its closing . ! or ?), then the non-blank
    ``extras`` in order (e.g. a character description), then the same ``style`` for every image,
    joined with ", ", so all images of one story or gallery look like they belong together.
    Compare 3 styles on the same subjects."""
    raise NotImplementedError("build_prompt: put the subject, extras and one shared style into a prompt")
