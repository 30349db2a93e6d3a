"""Tests for the done parts. None of them downloads a model. Run with: pytest"""
import numpy as np

from summarizer.__main__ import evaluate
from summarizer.extractive import centroid_scores, lead_summary, tfidf_summary
from summarizer.neural import abstractive_summary, bert_extractive_summary, chunk_sentences
from summarizer.rouge import lcs_length, rouge_l, rouge_n
from summarizer.samples import SAMPLES
from summarizer.text import split_sentences

TEXT = SAMPLES[0]["text"]


def test_split_sentences_handles_abbreviations():
    assert split_sentences("Dr. Smith arrived. She sat down! Was it 5 p.m.? Yes.") == [
        "Dr. Smith arrived.", "She sat down!", "Was it 5 p.m.?", "Yes."]


def test_extractive_summaries_keep_sentences_in_order():
    sentences = split_sentences(TEXT)
    summary = tfidf_summary(TEXT, n=3)
    picked = split_sentences(summary)
    assert len(picked) == 3 and all(s in sentences for s in picked)
    assert [sentences.index(s) for s in picked] == sorted(sentences.index(s) for s in picked)
    assert lead_summary(TEXT, n=2) == " ".join(sentences[:2])


def test_centroid_scores_prefer_the_typical_row():
    m = np.array([[1.0, 1.0, 0.0], [1.0, 0.9, 0.1], [0.0, 0.0, 1.0]])
    scores = centroid_scores(m)
    assert scores.argmax() in (0, 1) and scores.argmin() == 2


def test_rouge_known_values():
    assert rouge_n("the cat sat", "the cat sat")["f1"] == 1.0
    r1 = rouge_n("the cat", "the cat sat on the mat", 1)
    assert r1["precision"] == 1.0 and abs(r1["recall"] - 2 / 6) < 1e-9
    assert rouge_n("the the the", "the cat", 1)["precision"] == 1 / 3   # clipped counts
    assert lcs_length("a b c d".split(), "a c d e".split()) == 3
    assert rouge_l("nothing shared", "totally different")["f1"] == 0.0


def test_evaluate_reports_rouge_for_each_method():
    table = evaluate(["lead", "tfidf"])
    assert set(table) == {"lead", "tfidf"}
    assert all(0.2 < table[m]["rouge1"] <= 1.0 for m in table)


def test_abstractive_wrapper_with_a_fake_pipeline():
    calls = []

    def fake_pipe(chunk, **kwargs):
        calls.append(kwargs)
        return [{"summary_text": chunk.split(".")[0] + "."}]

    long_text = " ".join(s["text"] for s in SAMPLES * 3)
    assert len(chunk_sentences(long_text, max_words=100)) > 1
    out = abstractive_summary(long_text, pipe=fake_pipe, max_length=40)
    assert out and all(c["max_length"] == 40 and c["truncation"] for c in calls)


def test_bert_extractive_with_a_fake_embedder():
    fake_embed = lambda sents: np.array([[len(s), 1.0] for s in sents])  # noqa: E731
    assert len(split_sentences(bert_extractive_summary(TEXT, n=2, embed=fake_embed))) == 2


# TODO: after you implement TextRank, test that it returns n sentences in document order and
#       that its mean ROUGE-1 on the samples is at least the lead baseline's.
