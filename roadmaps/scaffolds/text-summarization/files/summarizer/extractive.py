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


def tfidf_matrix(sentences: list[str]) -> np.ndarray:
    """One TF-IDF row per sentence (sentences as documents); a column of zeros when the sentences
    hold only stop words, so that every scorer still gets one row per sentence."""
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True)
    try:
        return vectorizer.fit_transform(sentences).toarray()
    except ValueError:                     # only stop words / empty vocabulary
        return np.zeros((len(sentences), 1))


def tfidf_sentence_scores(sentences: list[str]) -> np.ndarray:
    """Each sentence's TF-IDF vector scored against the centroid."""
    return centroid_scores(tfidf_matrix(sentences))


def tfidf_summary(text: str, n: int | None = 3, ratio: float = 0.3) -> str:
    """TF-IDF extractive summary with ``n`` sentences (or ``ratio`` of them if n is None)."""
    sentences = split_sentences(text)
    if not sentences:
        return ""
    k = _n_to_keep(len(sentences), n, ratio)
    return select_sentences(sentences, tfidf_sentence_scores(sentences), k)


def textrank_scores(matrix: np.ndarray, damping: float = 0.85) -> np.ndarray:
    """PageRank of the sentences (the rows of ``matrix``) in their similarity graph; the ranks sum to 1.

    TODO: the graph's edge weights are the cosine similarities between rows, with zeros on the
    diagonal (no sentence recommends itself); a row with zero length is similar to nothing. Each
    sentence votes for the others in proportion to its weights (its row divided by the row's sum;
    a sentence similar to no other spreads its vote evenly over all n). Then solve
    r = (1 - damping) / n + damping * transitionᵀ r: power iteration until r stops changing, or
    np.linalg.solve, or networkx.pagerank.
    """
    raise NotImplementedError("TODO: implement textrank_scores in summarizer/extractive.py")


def textrank_summary(text: str, n: int | None = 3, ratio: float = 0.3) -> str:
    """TextRank: the sentences most "recommended" by the others, in their original order.

    TODO: split the sentences, rank them with ``textrank_scores(tfidf_matrix(sentences))`` and keep
    the best with ``select_sentences`` (an empty text gives ""). Compare ROUGE with
    ``tfidf_summary`` (``python -m summarizer --evaluate lead tfidf textrank``).
    """
    raise NotImplementedError("TODO: implement textrank_summary in summarizer/extractive.py")


def mmr_summary(text: str, n: int | None = 3, ratio: float = 0.3, diversity: float = 0.5) -> str:
    """Maximal Marginal Relevance: relevant sentences that do not repeat each other.

    TODO: pick sentences one at a time; each time take the one not yet picked with the highest
    ``(1 - diversity) * centroid score - diversity * (max cosine similarity to the sentences
    already picked)``, using ``tfidf_matrix`` and ``centroid_scores``. Return them in their
    original order (an empty text gives "").
    """
    raise NotImplementedError("TODO: implement mmr_summary in summarizer/extractive.py")
