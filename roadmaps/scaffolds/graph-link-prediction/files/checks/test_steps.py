"""Checks for the steps in README.md: each fails with a hint until its step is done.
Run with: pytest checks   (small synthetic graphs, seeds fixed, a few seconds)"""
from __future__ import annotations

import traceback
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
from sklearn.metrics import roc_auc_score

from linkpred import data, features, model

PROJECT = Path(__file__).resolve().parents[1]


def _fail(hint: str, detail: str = "") -> None:
    """Fail with the hint as the first line (and what was seen after it), without a traceback."""
    pytest.fail(hint + (f"\n{detail}" if detail else ""), pytrace=False)


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


def _call(hint: str, fn, *args, **kwargs):
    """Call the learner's function; if it raises, fail with the hint, what was raised and where."""
    try:
        return fn(*args, **kwargs)
    except Exception as exc:  # a TODO still in place, or a bug on the way to the answer
        problem = f"{type(exc).__name__}: {exc}{learner_frame(exc.__traceback__)}"
    # failing outside the except block keeps the learner's traceback out of the message
    pytest.fail(f"{hint}\n(it raised {problem})", pytrace=False)


def test_node_pair_features():
    hint = ("Step 4: write node_pair_features in features.py: per pair, |pagerank(u) - pagerank(v)| and 1.0 when "
            "u and v are in the same Louvain community (else 0.0).")
    # Two 6-cliques joined by one edge (5-6), plus a leaf (12) hanging off node 0.
    G = nx.union(nx.complete_graph(6), nx.relabel_nodes(nx.complete_graph(6), lambda n: n + 6))
    G.add_edges_from([(5, 6), (0, 12)])
    pairs = [(1, 2), (1, 8), (12, 3), (2, 12), (9, 3)]
    X = np.asarray(_call(hint, features.node_pair_features, G, pairs, seed=0), dtype=float)
    if X.shape != (5, 2):
        _fail(hint, f"For 5 pairs the result has shape {X.shape}; expected (5, 2).")
    rank = nx.pagerank(G)
    expected = [abs(rank[u] - rank[v]) for u, v in pairs]
    if not np.allclose(X[:, 0], expected, atol=1e-4):
        _fail(hint, f"Column 0 is {np.round(X[:, 0], 4).tolist()}; expected |pagerank(u) - pagerank(v)| = "
                    f"{np.round(expected, 4).tolist()}.")
    if X[0, 1] != 1.0 or X[1, 1] != 0.0 or X[4, 1] != 0.0:
        _fail(hint, f"Column 1 should be 1.0 for two nodes of one clique and 0.0 across the cliques; for pairs "
                    f"{[pairs[i] for i in (0, 1, 4)]} it is {X[[0, 1, 4], 1].tolist()}.")


def test_random_walks():
    hint = ("Step 5: write random_walks in model.py: num_walks walks from every node, each walk_length nodes long, "
            "each step to a random neighbour; the same seed gives the same walks.")
    G = data.load_graph("karate")
    walks = _call(hint, model.random_walks, G, num_walks=3, walk_length=7, seed=1)
    if len(walks) != 3 * G.number_of_nodes() or any(len(w) != 7 for w in walks):
        _fail(hint, f"Expected {3 * G.number_of_nodes()} walks of 7 nodes; got {len(walks)} walks of lengths "
                    f"{sorted({len(w) for w in walks})}.")
    starts = sorted(w[0] for w in walks)
    if starts != sorted(list(G.nodes()) * 3):
        _fail(hint, "Every node should start num_walks walks.")
    jumps = [(a, b) for w in walks for a, b in zip(w, w[1:]) if not G.has_edge(a, b)]
    if jumps:
        _fail(hint, f"{len(jumps)} steps go to a node that is no neighbour of the current one, e.g. {jumps[0]}.")
    if _call(hint, model.random_walks, G, num_walks=3, walk_length=7, seed=1) != walks:
        _fail(hint, "The same seed should give the same walks (use random.Random(seed)).")
    if _call(hint, model.random_walks, G, num_walks=3, walk_length=7, seed=2) == walks:
        _fail(hint, "A different seed should give different walks.")


def test_cooccurrence():
    hint = ("Step 5: write cooccurrence in model.py: counts[i, j] = how many times nodes[j] appears 1 to window "
            "steps before or after an appearance of nodes[i] in a walk.")
    walks = [[10, 11, 12, 11], [13], [12, 10]]
    nodes = [12, 10, 13, 11]  # rows and columns follow this order, not the node labels
    # window 1: neighbouring steps only
    near = np.array([[0, 1, 0, 2], [1, 0, 0, 1], [0, 0, 0, 0], [2, 1, 0, 0]])
    # window 2 adds the pairs two steps apart: 10 and 12 in the first walk, 11 and itself
    wide = near + np.array([[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 2]])
    # a window longer than the walks adds 10 and 11, three steps apart
    whole = wide + np.array([[0, 0, 0, 0], [0, 0, 0, 1], [0, 0, 0, 0], [0, 1, 0, 0]])
    for window, expected in ((1, near), (2, wide), (10, whole)):
        got = np.asarray(_call(hint, model.cooccurrence, walks, nodes, window=window))
        if got.shape != expected.shape or not np.array_equal(got, expected):
            shown = got.astype(int).tolist() if got.shape == expected.shape else f"shape {got.shape}"
            _fail(hint, f"For the walks {walks}, nodes in the order {nodes} and window {window}: got {shown}, "
                        f"expected {expected.tolist()}.")


def test_embeddings_predict_links(monkeypatch):
    hint = ("Step 5: write node_embeddings (one vector per node, from random walks) and embedding_auc (Hadamard "
            "features emb[u] * emb[v], logistic regression) in model.py; its test ROC-AUC should clearly beat "
            "chance (above 0.55).")
    G = data.load_graph("synthetic", seed=0)
    emb = _call(hint, model.node_embeddings, G, dim=8, seed=0)
    if set(emb) != set(G.nodes()) or any(np.asarray(v).shape != (8,) for v in emb.values()):
        _fail(hint, "node_embeddings(G, dim=8) should give one vector of length 8 for every node.")
    node = next(iter(G))
    for name, other in (("seed=0 again", dict(seed=0)), ("seed=1", dict(seed=1)), ("window=1", dict(seed=0, window=1))):
        again = _call(hint, model.node_embeddings, G, dim=8, **other)
        same = all(np.allclose(emb[n], again[n]) for n in G)
        if same != (name == "seed=0 again"):
            _fail(hint, f"node_embeddings with {name} gives {'the same' if same else 'other'} vectors (node {node}: "
                        f"{np.round(emb[node], 3).tolist()} then {np.round(again[node], 3).tolist()}): pass seed to "
                        f"random_walks and window to cooccurrence.")

    exp = model.make_experiment(G, seed=0)
    # embedding_auc with stand-in embeddings, each node's degree in the graph it is given: the
    # logistic regression on their Hadamard products then ranks pairs by degree(u) * degree(v).
    given = []

    def degree_embeddings(graph, dim=16, seed=0, window=5):
        given.append(graph)
        return {n: np.full(dim, float(graph.degree(n))) for n in graph}

    with monkeypatch.context() as patch:
        patch.setattr(model, "node_embeddings", degree_embeddings)
        auc = float(_call(hint, model.embedding_auc, exp, dim=16, seed=0))
    if not given or any(set(map(frozenset, g.edges())) != set(map(frozenset, exp.fit.graph.edges())) for g in given):
        edges = sorted(g.number_of_edges() for g in given)
        _fail(hint, f"embedding_auc learned embeddings on graphs of {edges} edges; learn them on exp.fit.graph "
                    f"({exp.fit.graph.number_of_edges()} edges), which lacks every held-out edge: on a graph that has "
                    f"them the answer leaks into the features.")
    degree = dict(exp.fit.graph.degree())
    wanted = roc_auc_score(exp.test.labels, [degree[u] * degree[v] for u, v in exp.test.pairs])
    if abs(auc - wanted) > 1e-9:
        _fail(hint, f"With every node's degree as its embedding, the test ROC-AUC should be {wanted:.4f} (a logistic "
                    f"regression on emb[u] * emb[v] ranks pairs by degree(u) * degree(v)); it is {auc:.4f}. Train on "
                    f"exp.fit.pairs, score exp.test.pairs, with Hadamard features.")

    auc = float(_call(hint, model.embedding_auc, exp, dim=16, seed=0))
    # Embeddings reach only about 0.6 on this small, sparse graph (the heuristics do better), so
    # the bar is "clearly better than a coin flip", not "as good as Adamic-Adar".
    if not auc > 0.55:
        _fail(hint, f"The embedding model's test ROC-AUC is {auc:.3f} on the synthetic graph.")
