"""Graphs to work on: Zachary's karate club (bundled with networkx), a synthetic graph, or your own edge list."""
from __future__ import annotations

from pathlib import Path

import networkx as nx


def load_graph(name: str = "karate", path: str | Path | None = None, seed: int = 0) -> nx.Graph:
    """Return an undirected simple graph with integer node labels.

    - ``"karate"``: 34 members of a karate club, 78 friendships (no download needed).
    - ``"synthetic"``: a 300-node clustered power-law graph (Holme-Kim), realistic for social data.
    - ``"edgelist"``: read ``path`` (one ``u v`` pair per line, ``#`` comments), e.g. a SNAP data set.
    """
    if name == "karate":
        G = nx.karate_club_graph()
    elif name == "synthetic":
        G = nx.powerlaw_cluster_graph(n=300, m=3, p=0.3, seed=seed)
    elif name == "edgelist":
        if path is None:
            raise ValueError("name='edgelist' needs a path")
        G = nx.read_edgelist(path, comments="#", nodetype=int)
    else:
        raise ValueError(f"unknown graph {name!r}")
    G = nx.Graph(G)                      # drop multi-edges / direction
    G.remove_edges_from(nx.selfloop_edges(G))
    # Work on the largest connected component so every node can be reached.
    largest = max(nx.connected_components(G), key=len)
    return nx.convert_node_labels_to_integers(G.subgraph(largest).copy())


def describe(G: nx.Graph) -> dict[str, float]:
    """A few numbers worth looking at before predicting links."""
    degrees = [d for _, d in G.degree()]
    return {
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "density": nx.density(G),
        "mean_degree": sum(degrees) / len(degrees),
        "avg_clustering": nx.average_clustering(G),
    }
