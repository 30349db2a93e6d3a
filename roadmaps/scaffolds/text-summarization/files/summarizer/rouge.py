"""ROUGE-N and ROUGE-L, written out so you can see what the numbers mean.

Scores compare a candidate summary with a reference summary by word overlap:
ROUGE-N counts shared n-grams; ROUGE-L uses the longest common subsequence (LCS).
"""
from __future__ import annotations

from collections import Counter

from .text import tokenize


def _prf(overlap: float, candidate_total: int, reference_total: int) -> dict[str, float]:
    precision = overlap / candidate_total if candidate_total else 0.0
    recall = overlap / reference_total if reference_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def ngrams(tokens: list[str], n: int) -> Counter:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def rouge_n(candidate: str, reference: str, n: int = 1) -> dict[str, float]:
    """Clipped n-gram overlap: an n-gram counts at most as often as it appears in the reference."""
    cand, ref = ngrams(tokenize(candidate), n), ngrams(tokenize(reference), n)
    overlap = sum((cand & ref).values())
    return _prf(overlap, sum(cand.values()), sum(ref.values()))


def lcs_length(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence (dynamic programming, O(len(a) * len(b)))."""
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b, start=1):
            cur.append(prev[j - 1] + 1 if x == y else max(prev[j], cur[j - 1]))
        prev = cur
    return prev[-1]


def rouge_l(candidate: str, reference: str) -> dict[str, float]:
    cand, ref = tokenize(candidate), tokenize(reference)
    return _prf(lcs_length(cand, ref), len(cand), len(ref))


def rouge_scores(candidate: str, reference: str) -> dict[str, float]:
    """F1 of ROUGE-1, ROUGE-2 and ROUGE-L, the three numbers papers usually report."""
    return {
        "rouge1": rouge_n(candidate, reference, 1)["f1"],
        "rouge2": rouge_n(candidate, reference, 2)["f1"],
        "rougeL": rouge_l(candidate, reference)["f1"],
    }


# TODO: add stemming (e.g. "runs" ~ "run") and check your numbers against the `rouge-score`
#       package (`pip install rouge-score`, use_stemmer=True) on the sample articles.
