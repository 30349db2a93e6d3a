"""Evaluate heuristics and a learned model with ROC-AUC, without leaking held-out edges."""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score, roc_curve
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import StandardScaler

from .features import HEURISTICS, edge_features
from .split import EdgeSplit, hold_out_edges


@dataclass
class Experiment:
    original: nx.Graph
    test: EdgeSplit   # test edges held out of the original graph
    fit: EdgeSplit    # training edges held out of test.graph (for the learned model)


def make_experiment(G: nx.Graph, test_frac: float = 0.1, fit_frac: float = 0.1, seed: int = 0) -> Experiment:
    """Two nested splits.

    The model is trained on ``fit`` pairs with features from ``fit.graph`` and evaluated on ``test``
    pairs with features from ``test.graph``. Features of a pair are never computed on a graph that
    contains that pair's edge: doing so would leak the answer.
    """
    test = hold_out_edges(G, test_frac, seed)
    fit = hold_out_edges(test.graph, fit_frac, seed + 1, forbidden_negatives=G)
    return Experiment(G, test, fit)


def heuristic_aucs(split: EdgeSplit) -> dict[str, float]:
    """ROC-AUC of each raw heuristic score on a split (no training involved)."""
    return {name: roc_auc_score(split.labels, fn(split.graph, split.pairs)) for name, fn in HEURISTICS.items()}


def train_logistic(split: EdgeSplit, names: list[str] | None = None, seed: int = 0) -> Pipeline:
    X = edge_features(split.graph, split.pairs, names)
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000, random_state=seed))
    return model.fit(X, split.labels)


def model_auc(model: Pipeline, split: EdgeSplit, names: list[str] | None = None) -> float:
    scores = model.predict_proba(edge_features(split.graph, split.pairs, names))[:, 1]
    return float(roc_auc_score(split.labels, scores))


def run(G: nx.Graph, seed: int = 0) -> dict[str, float]:
    """All heuristics plus the logistic regression, each as test ROC-AUC."""
    exp = make_experiment(G, seed=seed)
    results = heuristic_aucs(exp.test)
    results["logistic_regression"] = model_auc(train_logistic(exp.fit, seed=seed), exp.test)
    return results


def plot_roc(split: EdgeSplit, scores: dict[str, np.ndarray], path: str = "outputs/roc.png") -> str:
    """Save ROC curves for several score vectors (name -> scores aligned with split.pairs)."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from pathlib import Path

    Path(path).parent.mkdir(parents=True, exist_ok=True)
    fig, ax = plt.subplots(figsize=(5, 5))
    for name, s in scores.items():
        fpr, tpr, _ = roc_curve(split.labels, s)
        ax.plot(fpr, tpr, label=f"{name} (AUC {roc_auc_score(split.labels, s):.2f})")
    ax.plot([0, 1], [0, 1], "k--", lw=1)
    ax.set(xlabel="False positive rate", ylabel="True positive rate", title="Link prediction ROC")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


def embed_cooccurrence(counts: np.ndarray, dim: int) -> np.ndarray:
    """One ``dim``-long row per node from a (nodes × nodes) matrix of co-occurrence counts.

    Word2vec with negative sampling implicitly factorises a shifted PMI matrix of (node, context)
    pairs (Levy & Goldberg, 2014): this builds the positive PMI matrix of ``counts`` and factorises
    it with an SVD, so no gensim is needed. Nodes that co-occur often get similar rows.
    """
    total = counts.sum()
    expected = counts.sum(1, keepdims=True) * counts.sum(0, keepdims=True) / total
    with np.errstate(divide="ignore", invalid="ignore"):
        ppmi = np.maximum(np.log(counts / expected), 0.0)
    ppmi[~np.isfinite(ppmi)] = 0.0  # pairs that never co-occur
    u, s, _ = np.linalg.svd(ppmi)
    k = min(dim, len(s))
    vectors = np.zeros((len(counts), dim))
    vectors[:, :k] = u[:, :k] * np.sqrt(s[:k])
    return vectors


# TODO: Node2Vec-style embeddings (DeepWalk: uniform random walks). Write the four functions
#       below, then compare embedding_auc with the heuristics above.


def random_walks(G: nx.Graph, num_walks: int = 10, walk_length: int = 20, seed: int = 0) -> list[list[int]]:
    """``num_walks`` walks from every node, each ``walk_length`` nodes long, each step to a random
    neighbour of the current node; the same ``seed`` gives the same walks."""
    raise NotImplementedError("random_walks: walk from every node to random neighbours")


def cooccurrence(walks: list[list[int]], nodes: list[int], window: int = 5) -> np.ndarray:
    """Counts of (node, context) pairs, shape (len(nodes), len(nodes)): ``counts[i, j]`` is how many
    times ``nodes[j]`` appears 1 to ``window`` steps before or after an appearance of ``nodes[i]``
    in a walk (the words around a word, in word2vec's terms)."""
    raise NotImplementedError("cooccurrence: count the nodes within `window` steps of each node in the walks")


def node_embeddings(G: nx.Graph, dim: int = 16, seed: int = 0, window: int = 5) -> dict[int, np.ndarray]:
    """One ``dim``-long vector per node: count co-occurrences within ``window`` steps in
    ``random_walks(G, seed=seed)`` and turn the counts into vectors with ``embed_cooccurrence``.
    (Word2vec on the walks is the classic alternative: ``gensim.models.Word2Vec``.)"""
    raise NotImplementedError("node_embeddings: random walks -> co-occurrence counts -> vectors")


def embedding_auc(exp: Experiment, dim: int = 16, seed: int = 0) -> float:
    """Test ROC-AUC of a logistic regression on Hadamard features emb[u] * emb[v].

    Learn the embeddings on ``exp.fit.graph`` (it lacks every held-out edge), train on the
    ``exp.fit`` pairs and score the ``exp.test`` pairs with the same embeddings.
    """
    raise NotImplementedError("embedding_auc: Hadamard features, logistic regression, test ROC-AUC")
# TODO (stretch): a GNN link predictor (GCN encoder + dot-product decoder) with PyTorch
#       Geometric's `RandomLinkSplit`, on the same split.
