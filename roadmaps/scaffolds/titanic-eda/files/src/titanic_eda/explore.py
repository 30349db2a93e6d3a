"""Command line entry: print a first summary and save the standard figures.

    python -m titanic_eda.explore                 # seaborn copy, synthetic if offline
    python -m titanic_eda.explore --csv data/raw/train.csv --out reports/figures
"""

from __future__ import annotations

import argparse
from pathlib import Path

from titanic_eda.data import add_family_features, fill_missing_age, load_titanic, missing_report, survival_rate_by
from titanic_eda.plots import (
    plot_correlation_heatmap,
    plot_distribution,
    plot_missing,
    plot_survival_by,
    save_figure,
)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--csv", type=Path, default=None, help="a Titanic CSV (e.g. Kaggle's train.csv)")
    parser.add_argument("--out", type=Path, default=Path("reports/figures"), help="folder for the figures")
    parser.add_argument("--offline", action="store_true", help="don't try to download; use the synthetic data")
    args = parser.parse_args(argv)

    df = load_titanic(args.csv, allow_download=not args.offline)
    print(f"Loaded {len(df)} rows from {df.attrs['source']}\n")
    print(df.describe(include="all").T, "\n")
    print("Missing values:\n", missing_report(df), "\n")
    for column in ["sex", "pclass", "embarked"]:
        print(survival_rate_by(df, column).round(3), "\n")

    save_figure(plot_missing(df), args.out / "missing.png")
    save_figure(plot_distribution(df, "age", hue="survived"), args.out / "age_by_survival.png")
    save_figure(plot_distribution(df, "fare", hue="pclass"), args.out / "fare_by_class.png")
    save_figure(plot_survival_by(df, "pclass"), args.out / "survival_by_class.png")

    # The TODO steps change what the heatmap can show: once they are done,
    # family_size appears in it and age has no gaps.
    engineered = add_family_features(fill_missing_age(df))
    save_figure(plot_correlation_heatmap(engineered), args.out / "correlation.png")
    print(f"Figures saved to {args.out}/")


if __name__ == "__main__":
    main()
