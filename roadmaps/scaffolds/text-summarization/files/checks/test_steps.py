"""Checks for the TODO steps of the README's "Steps" list.

Each check fails until its step is done; its first line then says what to do next. Run them
with ``pytest checks`` (plain ``pytest`` runs only the tests of the parts that are done). They
use the bundled samples and a few made-up texts: no model is downloaded.
"""
from __future__ import annotations

import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from summarizer.extractive import centroid_scores, mmr_summary, textrank_scores, textrank_summary, tfidf_matrix, tfidf_summary
from summarizer.rouge import rouge_l, rouge_n, rouge_scores, stem
from summarizer.samples import SAMPLES
from summarizer.text import split_sentences


def expect(condition: bool, hint: str, detail: str = "") -> None:
    """Fail with the hint as the first line (and what was seen after it), without a traceback."""
    if not condition:
        pytest.fail(hint + (f"\n{detail}" if detail else ""), pytrace=False)


PROJECT = Path(__file__).resolve().parents[1]


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


def call(hint: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call the learner's function; if it raises, fail with the hint, what was raised and where."""
    try:
        return fn(*args, **kwargs)
    except Exception as exc:  # a TODO still in place, or a bug on the way to the answer
        problem = f"{type(exc).__name__}: {exc}{learner_frame(exc.__traceback__)}"
    # failing outside the except block keeps the learner's traceback out of the message
    pytest.fail(f"{hint}\n(it raised {problem})", pytrace=False)


STEM_HINT = (
    "Implement stem in summarizer/rouge.py so that ROUGE with use_stemmer=True counts word forms "
    "such as 'runs', 'running' and 'run' as one word (suffix rules, or nltk's PorterStemmer)."
)
#: Word forms that must share a stem (any Porter-like stemmer agrees), and different words that must not.
SAME_STEM = [
    ["run", "runs", "running"], ["stop", "stopped", "stopping"], ["cat", "cats"], ["it", "its"],
    ["bark", "barks", "barked", "barking"], ["pony", "ponies"], ["pass", "passes", "passing"],
    ["fall", "falling"], ["buzz", "buzzing"], ["see", "seeing"], ["fix", "fixed", "fixing"],
]
DIFFERENT_STEMS = [("bring", "bred"), ("as", "a"), ("is", "i"), ("dogs", "cats")]


def test_rouge_with_stemming_matches_word_forms() -> None:
    stems = {word: call(STEM_HINT, stem, word) for group in SAME_STEM for word in group}
    split = [{word: stems[word] for word in group} for group in SAME_STEM if len({stems[word] for word in group}) > 1]
    expect(not split, STEM_HINT, f"These word forms should share one stem each, but stem gives {split}.")
    stems.update({word: call(STEM_HINT, stem, word) for pair in DIFFERENT_STEMS for word in pair})
    merged = [(a, b, stems[a]) for a, b in DIFFERENT_STEMS if stems[a] == stems[b]]
    expect(not merged, STEM_HINT, f"Different words must keep different stems, but stem gives {', '.join(f'{a} and {b} both {s!r}' for a, b, s in merged)}.")

    plain = rouge_n("cats running", "cat runs", 1)["f1"]
    stemmed = call(STEM_HINT, rouge_n, "cats running", "cat runs", 1, use_stemmer=True)["f1"]
    expect(plain == 0.0 and stemmed == pytest.approx(1.0), STEM_HINT, f"ROUGE-1 F1 of 'cats running' against 'cat runs' with stemming is {stemmed}, not 1.0.")
    got = call(STEM_HINT, rouge_l, "the dogs barked", "the dog barks", use_stemmer=True)["f1"]
    expect(got == pytest.approx(1.0), STEM_HINT, f"ROUGE-L F1 of 'the dogs barked' against 'the dog barks' with stemming is {got}, not 1.0.")
    got = call(STEM_HINT, rouge_n, "dogs barked", "cats meowed", 1, use_stemmer=True)["f1"]
    expect(got == 0.0, STEM_HINT, f"'dogs barked' and 'cats meowed' share no stem, yet ROUGE-1 F1 with stemming is {got}.")
    sample = SAMPLES[0]
    got = call(STEM_HINT, rouge_scores, sample["summary"], sample["summary"], use_stemmer=True)
    expect(got == pytest.approx({"rouge1": 1.0, "rouge2": 1.0, "rougeL": 1.0}), STEM_HINT, f"A summary compared with itself scores {got} with stemming, not 1.0 each.")


ON_TOPIC = [
    "Bees pollinate crops and bees make honey.",
    "Farmers rent bees to pollinate their crops every spring.",
    "Without bees many crops would fail and honey would be rare.",
]
OFF_TOPIC = ["Tickets for the opera go on sale in March.", "The weather was cold on Tuesday."]
TEXTRANK_HINT = (
    "Implement textrank_scores and textrank_summary in summarizer/extractive.py: PageRank on the graph of "
    "cosine similarities between the sentences' TF-IDF vectors, and the ranks as scores in select_sentences."
)


def cosine(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    unit = np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0)
    return unit @ unit.T


def pagerank(matrix: np.ndarray, damping: float) -> np.ndarray:
    """PageRank on the cosine-similarity graph, solved exactly."""
    weights = cosine(matrix)
    np.fill_diagonal(weights, 0.0)
    n = len(weights)
    sums = weights.sum(axis=1, keepdims=True)
    transition = np.divide(weights, sums, out=np.full_like(weights, 1.0 / n), where=sums > 0)
    return np.linalg.solve(np.eye(n) - damping * transition.T, np.full(n, (1 - damping) / n))


def test_textrank_picks_the_central_sentences_in_order() -> None:
    # Row 1 links rows 0 and 2, row 3 points the same way as row 0, and row 4 is empty (similar to nothing).
    matrix = np.array([[1.0, 0.0, 0.0], [1.0, 1.0, 0.0], [0.0, 1.0, 0.0], [2.0, 0.0, 0.0], [0.0, 0.0, 0.0]])
    for damping in (0.85, 0.5):
        got = np.asarray(call(TEXTRANK_HINT, textrank_scores, matrix.copy(), damping=damping), dtype=float)
        want = pagerank(matrix, damping)
        expect(got.shape == want.shape and np.allclose(got, want, atol=1e-5), TEXTRANK_HINT,
               f"textrank_scores of a 5-sentence graph with damping={damping} gave {np.round(got, 4).tolist()}; PageRank is "
               f"{np.round(want, 4).tolist()} (cosine weights, zero diagonal, rows divided by their sums, an isolated sentence's vote spread evenly).")

    text = " ".join([OFF_TOPIC[0], *ON_TOPIC, OFF_TOPIC[1]])
    summary = call(TEXTRANK_HINT, textrank_summary, text, n=2)
    picked = split_sentences(summary or "")
    expect(len(picked) == 2, TEXTRANK_HINT, f"Asked for 2 sentences, it gave {picked}.")
    expect(all(s in ON_TOPIC for s in picked), TEXTRANK_HINT, f"The sentences most similar to the others are about bees; it picked {picked}.")
    expect([ON_TOPIC.index(s) for s in picked] == sorted(ON_TOPIC.index(s) for s in picked), TEXTRANK_HINT,
           f"The picked sentences must stay in their original order; it gave {picked}.")
    for sample in SAMPLES:
        sentences = split_sentences(sample["text"])
        ranks = pagerank(tfidf_matrix(sentences), 0.85)
        best = sorted(ranks)[-2:]
        got = call(TEXTRANK_HINT, textrank_summary, sample["text"], n=2)
        picked = [sentences.index(s) for s in split_sentences(got or "") if s in sentences]
        # Two sentences can tie exactly (a symmetric graph): either of them is a right answer.
        right = len(picked) == 2 and picked == sorted(picked) and np.allclose(sorted(ranks[picked]), best, atol=1e-6)
        want = " ".join(sentences[i] for i in sorted(np.argsort(-ranks, kind="stable")[:2]))
        expect(right, TEXTRANK_HINT, f"On a bundled sample, the two highest-ranked sentences are {want!r}; textrank_summary gave {got!r}.")
    got = call(TEXTRANK_HINT, textrank_summary, "")
    expect(got == "", TEXTRANK_HINT, f"An empty text has an empty summary; got {got!r}.")


REPEATED = [
    "The river flooded the town centre on Sunday night.",
    "On Sunday night the river flooded the town centre.",
    "Hundreds of homes in the town were left without power after the river flooded.",
    "Volunteers handed out sandbags and hot meals.",
]
MMR_HINT = (
    "Implement mmr_summary in summarizer/extractive.py: pick sentences one at a time, trading the centroid "
    "score against the similarity to the sentences already picked, so that no sentence repeats another."
)


def mmr_picks(sentences: list[str], k: int, diversity: float) -> list[int]:
    matrix = tfidf_matrix(sentences)
    relevance, similarity = centroid_scores(matrix), cosine(matrix)
    chosen: list[int] = []
    while len(chosen) < k:
        gains = {i: (1 - diversity) * relevance[i] - diversity * max((similarity[i, j] for j in chosen), default=0.0)
                 for i in range(len(sentences)) if i not in chosen}
        chosen.append(max(gains, key=gains.get))
    return sorted(chosen)


def test_mmr_skips_repeated_sentences() -> None:
    text = " ".join(REPEATED)
    summary = call(MMR_HINT, mmr_summary, text, n=2)
    picked = split_sentences(summary or "")
    expect(len(picked) == 2 and all(s in REPEATED for s in picked), MMR_HINT, f"Asked for 2 sentences, it gave {picked}.")
    expect(not {REPEATED[0], REPEATED[1]} <= set(picked), MMR_HINT, f"It kept both versions of the flood sentence: {picked}.")
    expect([REPEATED.index(s) for s in picked] == sorted(REPEATED.index(s) for s in picked), MMR_HINT,
           f"The picked sentences must stay in their original order; it gave {picked}.")
    # With no weight on diversity MMR is plain centroid scoring, i.e. the TF-IDF summary.
    for source in (text, " ".join([OFF_TOPIC[0], *ON_TOPIC, OFF_TOPIC[1]])):
        got, want = call(MMR_HINT, mmr_summary, source, n=2, diversity=0.0), tfidf_summary(source, n=2)
        expect(got == want, MMR_HINT, f"With diversity=0 mmr_summary should pick what tfidf_summary picks (relevance only): {want!r}, not {got!r}.")
    for sample in SAMPLES:
        sentences = split_sentences(sample["text"])
        for diversity in (0.3, 0.5):
            want = " ".join(sentences[i] for i in mmr_picks(sentences, 4, diversity))
            got = call(MMR_HINT, mmr_summary, sample["text"], n=4, diversity=diversity)
            expect(got == want, MMR_HINT,
                   f"On a bundled sample with diversity={diversity}, MMR picks {want!r} (each time the best (1 - diversity) × centroid score − "
                   f"diversity × the highest similarity to a sentence already picked); mmr_summary gave {got!r}.")
    got = call(MMR_HINT, mmr_summary, "")
    expect(got == "", MMR_HINT, f"An empty text has an empty summary; got {got!r}.")
