"""Checks for the TODO steps of the README's "Steps" list.

Each check fails until its step is done; its first line then says what to do next. Run them
with ``pytest checks`` (plain ``pytest`` runs only the tests of the parts that are done). They
use the bundled samples and a few made-up texts: no model is downloaded.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from summarizer.extractive import mmr_summary, textrank_summary, tfidf_summary
from summarizer.rouge import rouge_l, rouge_n, rouge_scores
from summarizer.samples import SAMPLES
from summarizer.text import split_sentences


def call(hint: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run the learner's code; a TODO (NotImplementedError) or a crash fails with the hint."""
    try:
        return fn(*args, **kwargs)
    except NotImplementedError:
        problem = ""
    except Exception as exc:  # noqa: BLE001 - any crash is reported as the hint plus what happened
        problem = f"\n(it raised {type(exc).__name__}: {exc})"
    # Outside the except block, so the report starts with the hint, not with the TODO's traceback.
    pytest.fail(hint + problem, pytrace=False)


STEM_HINT = (
    "Implement stem in summarizer/rouge.py so that ROUGE with use_stemmer=True counts word forms "
    "such as 'runs', 'running' and 'run' as one word (suffix rules, or nltk's PorterStemmer)."
)


def test_rouge_with_stemming_matches_word_forms() -> None:
    plain = rouge_n("cats running", "cat runs", 1)["f1"]
    stemmed = call(STEM_HINT, rouge_n, "cats running", "cat runs", 1, use_stemmer=True)["f1"]
    assert plain == 0.0 and stemmed == pytest.approx(1.0), f"{STEM_HINT}\n(ROUGE-1 F1 with stemming: {stemmed})"
    assert call(STEM_HINT, rouge_l, "the dogs barked", "the dog barks", use_stemmer=True)["f1"] == pytest.approx(1.0), (
        f"{STEM_HINT}\n(ROUGE-L must use the stems too)"
    )
    assert rouge_n("dogs barked", "cats meowed", 1, use_stemmer=True)["f1"] == 0.0, (
        "Stemming must keep different words apart: 'dogs barked' and 'cats meowed' share no stem."
    )
    sample = SAMPLES[0]
    assert rouge_scores(sample["summary"], sample["summary"], use_stemmer=True) == pytest.approx(
        {"rouge1": 1.0, "rouge2": 1.0, "rougeL": 1.0}
    ), "A summary compared with itself must still score 1.0 with stemming."


ON_TOPIC = [
    "Bees pollinate crops and bees make honey.",
    "Farmers rent bees to pollinate their crops every spring.",
    "Without bees many crops would fail and honey would be rare.",
]
OFF_TOPIC = ["Tickets for the opera go on sale in March.", "The weather was cold on Tuesday."]
TEXTRANK_HINT = (
    "Implement textrank_summary in summarizer/extractive.py: cosine similarities between the sentences' "
    "TF-IDF vectors as a graph, PageRank on it, and the ranks as scores in select_sentences."
)


def test_textrank_picks_the_central_sentences_in_order() -> None:
    text = " ".join([OFF_TOPIC[0], *ON_TOPIC, OFF_TOPIC[1]])
    summary = call(TEXTRANK_HINT, textrank_summary, text, n=2)
    picked = split_sentences(summary or "")
    assert len(picked) == 2, f"{TEXTRANK_HINT}\n(asked for 2 sentences, got {picked})"
    assert all(s in ON_TOPIC for s in picked), (
        f"{TEXTRANK_HINT}\n(the sentences most similar to the others are about bees; it picked {picked})"
    )
    assert [ON_TOPIC.index(s) for s in picked] == sorted(ON_TOPIC.index(s) for s in picked), (
        "textrank_summary must keep the picked sentences in their original order."
    )
    mean_rouge1 = sum(rouge_n(textrank_summary(s["text"], n=2), s["summary"], 1)["f1"] for s in SAMPLES) / len(SAMPLES)
    assert mean_rouge1 > 0.25, f"On the bundled samples TextRank's mean ROUGE-1 is only {mean_rouge1:.2f}."


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


def test_mmr_skips_repeated_sentences() -> None:
    text = " ".join(REPEATED)
    summary = call(MMR_HINT, mmr_summary, text, n=2)
    picked = split_sentences(summary or "")
    assert len(picked) == 2 and all(s in REPEATED for s in picked), f"{MMR_HINT}\n(asked for 2 sentences, got {picked})"
    assert not {REPEATED[0], REPEATED[1]} <= set(picked), (
        f"{MMR_HINT}\n(it kept both versions of the flood sentence: {picked})"
    )
    assert [REPEATED.index(s) for s in picked] == sorted(REPEATED.index(s) for s in picked), (
        "mmr_summary must keep the picked sentences in their original order."
    )
    # With no weight on diversity MMR is plain centroid scoring, i.e. the TF-IDF summary.
    assert call(MMR_HINT, mmr_summary, text, n=2, diversity=0.0) == tfidf_summary(text, n=2), (
        "With diversity=0, mmr_summary should pick what tfidf_summary picks (relevance only)."
    )
