"""Command line entry: compare the models, save the table, the best model and a plot.

    python -m house_prices.train                       # California housing (synthetic if offline)
    python -m house_prices.train --offline
    python -m house_prices.train --csv data/raw/train.csv --target SalePrice
"""

from __future__ import annotations

import argparse
from pathlib import Path

import joblib
import matplotlib.pyplot as plt
from sklearn.model_selection import train_test_split

from house_prices.data import CALIFORNIA_TARGET, load_housing
from house_prices.evaluate import compare_models, cross_val_rmse, plot_predictions
from house_prices.models import make_models


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--csv", type=Path, default=None)
    parser.add_argument("--target", default=CALIFORNIA_TARGET)
    parser.add_argument("--offline", action="store_true", help="use synthetic data, no download")
    parser.add_argument("--test-size", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--models-dir", type=Path, default=Path("models"))
    parser.add_argument("--reports-dir", type=Path, default=Path("reports"))
    args = parser.parse_args(argv)

    X, y = load_housing(args.csv, args.target, allow_download=not args.offline)
    print(f"{len(X)} rows, {X.shape[1]} features, from {X.attrs['source']}")
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=args.test_size, random_state=args.seed)

    table, fitted = compare_models(make_models(args.seed), X_train, X_test, y_train, y_test)
    print("\nTest-set metrics:\n", table.round(4))

    best_name = table.index[0]
    cv = cross_val_rmse(make_models(args.seed)[best_name], X_train, y_train)
    print(f"\nBest: {best_name}; 5-fold CV RMSE on the training set {cv.mean():.4f} ± {cv.std():.4f}")

    args.models_dir.mkdir(parents=True, exist_ok=True)
    args.reports_dir.mkdir(parents=True, exist_ok=True)
    joblib.dump(fitted[best_name], args.models_dir / "best_model.joblib")
    table.to_csv(args.reports_dir / "model_comparison.csv")
    fig = plot_predictions(y_test, fitted[best_name].predict(X_test), title=best_name)
    fig.savefig(args.reports_dir / "predictions.png", dpi=120)
    plt.close(fig)
    print(f"Saved {args.models_dir / 'best_model.joblib'} and reports in {args.reports_dir}/")


if __name__ == "__main__":
    main()
