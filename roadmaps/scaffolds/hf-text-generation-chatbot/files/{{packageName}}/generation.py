"""Loading a Hugging Face text-generation pipeline and calling it with explicit settings.

``transformers`` is imported inside the functions, so the rest of the project (and the tests)
work without it or without a downloaded model.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

DEFAULT_MODEL = "distilgpt2"  # ~350 MB download; "gpt2" is larger and a little better
GenerateFn = Callable[[str], str]


@dataclass
class GenerationSettings:
    """Decoding settings passed to the pipeline. See the README for what each one does."""

    max_new_tokens: int = 60
    do_sample: bool = True         # False = greedy decoding (deterministic, repetitive)
    temperature: float = 0.8       # <1 sharper / safer, >1 more random
    top_k: int = 50                # sample only from the k most likely tokens
    top_p: float = 0.92            # ...and only from the smallest set with this total probability
    repetition_penalty: float = 1.2
    no_repeat_ngram_size: int = 3

    def validate(self) -> None:
        if self.max_new_tokens < 1:
            raise ValueError("max_new_tokens must be at least 1")
        if self.do_sample and self.temperature <= 0:
            raise ValueError("temperature must be > 0 when sampling (use do_sample=False for greedy)")
        if not 0 < self.top_p <= 1:
            raise ValueError("top_p must be in (0, 1]")

    def to_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for ``pipeline(...)(prompt, **kwargs)``; sampling-only keys dropped when greedy."""
        self.validate()
        kwargs = asdict(self)
        if not self.do_sample:
            for key in ("temperature", "top_k", "top_p"):
                kwargs.pop(key)
        return kwargs


def load_generator(model_name: str = DEFAULT_MODEL):
    """A CPU text-generation pipeline. The model is downloaded once into the Hugging Face cache."""
    try:
        from transformers import pipeline
    except ImportError as exc:
        raise SystemExit(f"{exc}. Run: pip install -r requirements.txt") from exc
    try:
        return pipeline("text-generation", model=model_name, device=-1)
    except OSError as exc:
        raise SystemExit(
            f"Could not load model {model_name!r}: {exc}\n"
            "The first run needs network access to download it from the Hugging Face Hub; after that it is "
            "cached (set HF_HUB_OFFLINE=1 to use only the cache)."
        ) from exc


def context_size(generator, default: int = 1024) -> int:
    """Maximum tokens the model can attend to (1024 for GPT-2 family)."""
    return int(getattr(generator.model.config, "n_positions", None) or default)


def make_token_counter(generator) -> Callable[[str], int]:
    """Count tokens the way the model does, for history trimming."""
    tokenizer = generator.tokenizer
    return lambda text: len(tokenizer.encode(text))


def make_generate_fn(generator, settings: GenerationSettings, seed: int | None = None) -> GenerateFn:
    """Wrap the pipeline as ``prompt -> continuation`` (without the prompt)."""
    from transformers import set_seed

    if seed is not None:
        set_seed(seed)
    eos = generator.tokenizer.eos_token_id

    def generate(prompt: str) -> str:
        outputs = generator(prompt, return_full_text=False, pad_token_id=eos, **settings.to_kwargs())
        return outputs[0]["generated_text"]

    return generate
