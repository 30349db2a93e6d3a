"""Extractive summaries: pick the most informative sentences from the text itself."""
from __future__ import annotations

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from .text import split_sentences


def _n_to_keep(n_sentences: int, n: int | None, ratio: float) -> int:
    return max(1, min(n_sentences, n if n is not None else round(n_sentences * ratio)))


def lead_summary(text: str, n: int | None = 3, ratio: float = 0.3) -> str:
    """The first n sentences: a strong baseline for news, where the key facts come first."""
    sentences = split_sentences(text)
    return " ".join(sentences[: _n_to_keep(len(sentences), n, ratio)])


def centroid_scores(matrix: np.ndarray) -> np.ndarray:
    """Cosine similarity of each row (sentence vector) to the mean vector (the document's topic).

    Works for TF-IDF rows and for neural sentence embeddings alike.
    """
    matrix = np.asarray(matrix, dtype=float)
    centroid = matrix.mean(axis=0)
    norms = np.linalg.norm(matrix, axis=1) * np.linalg.norm(centroid)
    return np.divide(matrix @ centroid, norms, out=np.zeros(len(matrix)), where=norms > 0)


def select_sentences(sentences: list[str], scores: np.ndarray, k: int) -> str:
    """Keep the ``k`` best-scoring sentences, in their original order."""
    keep = sorted(np.argsort(-np.asarray(scores), kind="stable")[:k])
    return " ".join(sentences[i] for i in keep)


def tfidf_sentence_scores(sentences: list[str]) -> np.ndarray:
    """Each sentence's TF-IDF vector (sentences as documents) scored against the centroid."""
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True)
    try:
        matrix = vectorizer.fit_transform(sentences).toarray()
    except ValueError:                     # only stop words / empty vocabulary
        return np.zeros(len(sentences))
    return centroid_scores(matrix)


def tfidf_summary(text: str, n: int | None = 3, ratio: float = 0.3) -> str:
    """TF-IDF extractive summary with ``n`` sentences (or ``ratio`` of them if n is None)."""
    sentences = split_sentences(text)
    if not sentences:
        return ""
    k = _n_to_keep(len(sentences), n, ratio)
    return select_sentences(sentences, tfidf_sentence_scores(sentences), k)


def textrank_summary(text: str, n: int | None = 3, ratio: float = 0.3) -> str:
    """TextRank: the sentences most "recommended" by the others, in their original order.

    TODO: build a sentence-similarity graph from the TF-IDF matrix (cosine similarity between
    sentences, zero on the diagonal), run PageRank on it (power iteration in NumPy with a damping
    of 0.85, or networkx), and use the ranks as scores in ``select_sentences``. Compare ROUGE with
    ``tfidf_summary`` (``python -m summarizer --evaluate lead tfidf textrank``).
    """
    raise NotImplementedError("TODO: implement textrank_summary in summarizer/extractive.py")


def mmr_summary(text: str, n: int | None = 3, ratio: float = 0.3, diversity: float = 0.5) -> str:
    """Maximal Marginal Relevance: relevant sentences that do not repeat each other.

    TODO: pick sentences one at a time; each time take the one with the highest
    ``(1 - diversity) * centroid score - diversity * (max cosine similarity to the sentences
    already picked)``, using the TF-IDF matrix. Return them in their original order.
    """
    raise NotImplementedError("TODO: implement mmr_summary in summarizer/extractive.py")
