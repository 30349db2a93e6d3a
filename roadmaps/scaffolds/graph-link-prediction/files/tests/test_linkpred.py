"""Tests for the done parts. Run with: pytest"""
import networkx as nx
import numpy as np

from linkpred import data, features, model
from linkpred.split import hold_out_edges


def test_karate_graph_loads_offline():
    G = data.load_graph("karate")
    assert G.number_of_nodes() == 34 and G.number_of_edges() == 78


def test_hold_out_keeps_graph_connected_and_negatives_are_non_edges():
    G = data.load_graph("karate")
    split = hold_out_edges(G, frac=0.15, seed=3)
    assert nx.is_connected(split.graph)
    assert len(split.positives) == len(split.negatives) > 0
    assert all(G.has_edge(u, v) and not split.graph.has_edge(u, v) for u, v in split.positives)
    assert not any(G.has_edge(u, v) for u, v in split.negatives)


def test_heuristics_on_a_tiny_graph():
    # 0 and 3 share neighbours 1 and 2; 2 also links to 4.
    G = nx.Graph([(0, 1), (0, 2), (1, 3), (2, 3), (2, 4)])
    assert features.common_neighbours(G, [(0, 3)]) == [2.0]
    assert features.jaccard(G, [(0, 3)]) == [1.0]
    X = features.edge_features(G, [(0, 3), (0, 4)])
    assert X.shape == (2, len(features.HEURISTICS))
    assert np.all(X[0] >= X[1])  # (0, 3) is the more likely link on every score
    assert features.adamic_adar(G, [(0, 4)])[0] > 0


def test_experiment_has_no_leakage_and_beats_chance():
    G = data.load_graph("synthetic", seed=0)
    exp = model.make_experiment(G, seed=0)
    assert not any(exp.fit.graph.has_edge(u, v) for u, v in exp.fit.positives + exp.test.positives)
    results = model.run(G, seed=0)
    assert results["adamic_adar"] > 0.6
    assert results["logistic_regression"] > 0.6


# TODO: when you add Node2Vec embeddings, test that the embedding has one vector per node and
#       that its logistic-regression AUC on the synthetic graph is above 0.6 too.
