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


def stem(token: str) -> str:
    """Reduce a word to its stem, so that "runs", "running" and "run" count as the same word.

    TODO: strip common English endings (-s, -es, -ies, -ing, -ed, undoubling "runn" to "run"; a
    few rules of the Porter stemmer are enough), or call ``nltk.stem.PorterStemmer().stem``. Word
    forms such as run/runs/running, pony/ponies, pass/passes, see/seeing and fix/fixed must share
    a stem; different words (bring and bred, as and a) must not. Then compare your numbers with
    the ``rouge-score`` package (``pip install rouge-score``, ``use_stemmer=True``).
    """
    raise NotImplementedError("TODO: implement stem in summarizer/rouge.py")


def _tokens(text: str, use_stemmer: bool) -> list[str]:
    tokens = tokenize(text)
    return [stem(t) for t in tokens] if use_stemmer else tokens


def ngrams(tokens: list[str], n: int) -> Counter:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def rouge_n(candidate: str, reference: str, n: int = 1, use_stemmer: bool = False) -> dict[str, float]:
    """Clipped n-gram overlap: an n-gram counts at most as often as it appears in the reference."""
    cand, ref = ngrams(_tokens(candidate, use_stemmer), n), ngrams(_tokens(reference, use_stemmer), n)
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


def rouge_l(candidate: str, reference: str, use_stemmer: bool = False) -> dict[str, float]:
    cand, ref = _tokens(candidate, use_stemmer), _tokens(reference, use_stemmer)
    return _prf(lcs_length(cand, ref), len(cand), len(ref))


def rouge_scores(candidate: str, reference: str, use_stemmer: bool = False) -> dict[str, float]:
    """F1 of ROUGE-1, ROUGE-2 and ROUGE-L, the three numbers papers usually report."""
    return {
        "rouge1": rouge_n(candidate, reference, 1, use_stemmer)["f1"],
        "rouge2": rouge_n(candidate, reference, 2, use_stemmer)["f1"],
        "rougeL": rouge_l(candidate, reference, use_stemmer)["f1"],
    }
