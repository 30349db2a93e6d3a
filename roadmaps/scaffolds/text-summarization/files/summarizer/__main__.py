"""``python -m summarizer --method tfidf [--file article.txt]`` or ``--evaluate`` (see ``--help``)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .extractive import lead_summary, mmr_summary, textrank_summary, tfidf_summary
from .rouge import rouge_scores
from .samples import SAMPLES

METHODS = ["lead", "tfidf", "textrank", "mmr", "bert", "abstractive"]


def summarize(text: str, method: str, n: int = 2) -> str:
    if method == "lead":
        return lead_summary(text, n)
    if method == "tfidf":
        return tfidf_summary(text, n)
    if method == "textrank":
        return textrank_summary(text, n)
    if method == "mmr":
        return mmr_summary(text, n)
    from . import neural  # only now: needs transformers and a model download

    if method == "bert":
        return neural.bert_extractive_summary(text, n)
    if method == "abstractive":
        return neural.abstractive_summary(text)
    raise ValueError(f"unknown method {method!r}")


def evaluate(methods: list[str], n: int = 2) -> dict[str, dict[str, float]]:
    """Mean ROUGE F1 of each method over the bundled samples."""
    table: dict[str, dict[str, float]] = {}
    for method in methods:
        scores = [rouge_scores(summarize(s["text"], method, n), s["summary"]) for s in SAMPLES]
        table[method] = {k: sum(sc[k] for sc in scores) / len(scores) for k in scores[0]}
    return table


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="summarizer", description="Extractive and abstractive summaries")
    parser.add_argument("--method", choices=METHODS, default="tfidf")
    parser.add_argument("--file", help="text file to summarise ('-' for stdin); default: a bundled sample")
    parser.add_argument("-n", type=int, default=2, help="sentences to keep (extractive methods)")
    parser.add_argument("--evaluate", nargs="*", metavar="METHOD",
                        help="ROUGE on the bundled samples for these methods (default: lead tfidf)")
    args = parser.parse_args(argv)

    if args.evaluate is not None:
        for method, scores in evaluate(args.evaluate or ["lead", "tfidf"], args.n).items():
            print(f"{method:<12}" + "  ".join(f"{k} {v:.3f}" for k, v in scores.items()))
        return
    if args.file == "-":
        text = sys.stdin.read()
    elif args.file:
        text = Path(args.file).read_text(encoding="utf-8")
    else:
        text = SAMPLES[0]["text"]
    print(summarize(text, args.method, args.n))


if __name__ == "__main__":
    main()
