"""Hold out edges for evaluation and sample negative (non-)edges."""
from __future__ import annotations

import random
from dataclasses import dataclass

import networkx as nx

Pair = tuple[int, int]


@dataclass
class EdgeSplit:
    graph: nx.Graph          # the graph with held-out edges removed: compute features on this only
    positives: list[Pair]    # held-out real edges
    negatives: list[Pair]    # node pairs that are not edges in the original graph

    @property
    def pairs(self) -> list[Pair]:
        return self.positives + self.negatives

    @property
    def labels(self) -> list[int]:
        return [1] * len(self.positives) + [0] * len(self.negatives)


def hold_out_edges(G: nx.Graph, frac: float = 0.1, seed: int = 0,
                   forbidden_negatives: nx.Graph | None = None) -> EdgeSplit:
    """Remove ``frac`` of the edges without disconnecting the graph, plus as many negative pairs.

    Only non-bridge edges are removed, so the remaining graph stays connected (every node keeps
    a path to the others, and so still has features). Negatives are sampled from pairs that are not
    edges of ``forbidden_negatives`` (default: ``G``), so a real edge is never labelled 0.
    """
    rng = random.Random(seed)
    H = G.copy()
    n_target = max(1, int(round(frac * G.number_of_edges())))
    edges = list(G.edges())
    rng.shuffle(edges)
    positives: list[Pair] = []
    for u, v in edges:
        if len(positives) == n_target:
            break
        if H.degree(u) <= 1 or H.degree(v) <= 1:
            continue
        H.remove_edge(u, v)
        if nx.has_path(H, u, v):
            positives.append((u, v))
        else:                      # it was a bridge: put it back
            H.add_edge(u, v)
    reference = forbidden_negatives if forbidden_negatives is not None else G
    nodes = list(G.nodes())
    negatives: set[Pair] = set()
    while len(negatives) < len(positives):
        u, v = rng.sample(nodes, 2)
        if not reference.has_edge(u, v):
            negatives.add((min(u, v), max(u, v)))
    return EdgeSplit(H, positives, sorted(negatives))
