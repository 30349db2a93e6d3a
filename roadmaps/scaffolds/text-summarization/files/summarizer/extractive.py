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


# TODO: TextRank. Build a sentence-similarity graph from the TF-IDF matrix (cosine similarity
#       between sentences), run PageRank on it (power iteration in NumPy, or networkx), and use
#       the ranks as scores in `select_sentences`. Compare ROUGE with `tfidf_summary`.
# TODO: penalise redundancy (Maximal Marginal Relevance): pick sentences one at a time, trading
#       off centroid score against similarity to sentences already chosen.
