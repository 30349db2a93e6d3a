"""Poems and stories from prompt templates: ``python -m <package>.write poem --topic "autumn rain" -n 3``."""
from __future__ import annotations

import argparse
from collections.abc import Sequence

from .generation import DEFAULT_MODEL, GenerationSettings
from .prompts import TEMPLATES, render_template


def rank_versions(pieces: Sequence[str]) -> list[str]:
    """The same pieces, best first: by the share of distinct words, low for text stuck in a loop.

    TODO: score each piece by ``len(set(words)) / len(words)``, its words compared without case or
    punctuation ("Sea," and "sea" are one word; a dash is not a word; a piece without words scores
    0), and sort by it, best first, keeping the given order between equal scores.
    """
    raise NotImplementedError("TODO: implement rank_versions in write.py")


def main(argv: Sequence[str] | None = None) -> list[str]:
    from .generation import load_generator, make_generate_fn

    p = argparse.ArgumentParser(description="Generate poems or stories from templates.")
    p.add_argument("kind", choices=sorted(TEMPLATES))
    p.add_argument("--topic", required=True)
    p.add_argument("--style", help="poem style, e.g. 'romantic', 'sonnet-like'")
    p.add_argument("--genre", help="story genre, e.g. 'A science-fiction'")
    p.add_argument("-n", "--num", type=int, default=2, help="how many versions to write")
    p.add_argument("--model", default=DEFAULT_MODEL)
    p.add_argument("--max-new-tokens", type=int, default=120)
    p.add_argument("--temperature", type=float, default=1.0, help="creative writing likes it a bit hotter")
    p.add_argument("--seed", type=int, default=None)
    args = p.parse_args(argv)

    prompt = render_template(args.kind, topic=args.topic, style=args.style or "", genre=args.genre or "")
    settings = GenerationSettings(max_new_tokens=args.max_new_tokens, temperature=args.temperature,
                                  repetition_penalty=1.3)
    generate = make_generate_fn(load_generator(args.model), settings, args.seed)
    pieces = []
    for i in range(1, args.num + 1):
        text = prompt + generate(prompt)
        pieces.append(text)
        print(f"----- version {i} -----\n{text.strip()}\n")
    # TODO: once rank_versions works, print rank_versions(pieces)[0] as the best version.
    return pieces


if __name__ == "__main__":
    main()
