"""Run the link prediction baseline: ``python -m linkpred --graph karate``."""
from __future__ import annotations

import argparse

from . import data, model
from .features import HEURISTICS, edge_features


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="linkpred", description="Link prediction baselines")
    parser.add_argument("--graph", default="karate", choices=["karate", "synthetic", "edgelist"])
    parser.add_argument("--path", help="edge list file for --graph edgelist")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    G = data.load_graph(args.graph, args.path, args.seed)
    print("Graph:", {k: round(v, 3) for k, v in data.describe(G).items()})

    exp = model.make_experiment(G, seed=args.seed)
    results = model.heuristic_aucs(exp.test)
    clf = model.train_logistic(exp.fit, seed=args.seed)
    results["logistic_regression"] = model.model_auc(clf, exp.test)
    print(f"{len(exp.test.positives)} held-out edges, {len(exp.test.negatives)} negatives")
    for name, auc in sorted(results.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<24} ROC-AUC {auc:.3f}")

    scores = {name: fn(exp.test.graph, exp.test.pairs) for name, fn in HEURISTICS.items()}
    scores["logistic_regression"] = clf.predict_proba(edge_features(exp.test.graph, exp.test.pairs))[:, 1]
    print("ROC curves ->", model.plot_roc(exp.test, scores))


if __name__ == "__main__":
    main()
