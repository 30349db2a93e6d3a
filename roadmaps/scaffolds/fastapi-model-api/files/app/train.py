"""Train the demo model and save it with joblib.

    python -m app.train                       # -> models/model.joblib
    python -m app.train --out /srv/models/model.joblib
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sklearn.model_selection import cross_val_score

from app.model import build_pipeline, make_training_data, model_version, save_model


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path("models/model.joblib"))
    parser.add_argument("--n", type=int, default=2000, help="number of synthetic training rows")
    args = parser.parse_args(argv)

    X, y = make_training_data(args.n)
    auc = cross_val_score(build_pipeline(), X, y, cv=5, scoring="roc_auc")
    print(f"5-fold ROC-AUC {auc.mean():.3f} ± {auc.std():.3f}")
    path = save_model(build_pipeline().fit(X, y), args.out)
    print(f"Saved {path} (version {model_version(path)})")


if __name__ == "__main__":
    main()
