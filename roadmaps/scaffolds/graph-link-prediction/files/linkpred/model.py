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


# TODO: Node2Vec-style embeddings (DeepWalk: uniform random walks). Write the three functions
#       below, then compare embedding_auc with the heuristics above.


def random_walks(G: nx.Graph, num_walks: int = 10, walk_length: int = 20, seed: int = 0) -> list[list[int]]:
    """``num_walks`` walks from every node, each ``walk_length`` nodes long, each step to a random
    neighbour of the current node; the same ``seed`` gives the same walks."""
    raise NotImplementedError("random_walks: walk from every node to random neighbours")


def node_embeddings(G: nx.Graph, dim: int = 16, seed: int = 0) -> dict[int, np.ndarray]:
    """One ``dim``-long vector per node, learned from ``random_walks(G)``: nodes that appear near
    each other in walks get similar vectors. Word2vec does this (``gensim.models.Word2Vec``,
    ``pip install gensim``); without gensim, a truncated SVD of the walks' node co-occurrence
    counts works too."""
    raise NotImplementedError("node_embeddings: turn random walks into one vector per node")


def embedding_auc(exp: Experiment, dim: int = 16, seed: int = 0) -> float:
    """Test ROC-AUC of a logistic regression on Hadamard features emb[u] * emb[v].

    Learn the embeddings on ``exp.fit.graph`` (it lacks every held-out edge), train on the
    ``exp.fit`` pairs and score the ``exp.test`` pairs with the same embeddings.
    """
    raise NotImplementedError("embedding_auc: Hadamard features, logistic regression, test ROC-AUC")
# TODO (stretch): a GNN link predictor (GCN encoder + dot-product decoder) with PyTorch
#       Geometric's `RandomLinkSplit`, on the same split.
