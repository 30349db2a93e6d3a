"""Saving and loading the fitted pipeline with joblib (the whole pipeline, not just the model)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import joblib
import sklearn
from sklearn.pipeline import Pipeline


def save_pipeline(pipeline: Pipeline, path: str | Path, **metadata: Any) -> Path:
    """Dump ``pipeline`` with the scikit-learn version and any ``metadata`` (metrics, columns...).

    Load it with the same scikit-learn version: pickles are not portable across versions.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump({"pipeline": pipeline, "sklearn_version": sklearn.__version__, "metadata": metadata}, path)
    return path


def load_bundle(path: str | Path) -> dict[str, Any]:
    """The saved dict: ``pipeline``, ``sklearn_version`` and ``metadata``."""
    bundle = joblib.load(path)
    if bundle.get("sklearn_version") != sklearn.__version__:
        import warnings

        warnings.warn(
            f"{path} was saved with scikit-learn {bundle.get('sklearn_version')}, "
            f"this is {sklearn.__version__}",
            stacklevel=2,
        )
    return bundle


def load_pipeline(path: str | Path) -> Pipeline:
    """Just the fitted pipeline: ``load_pipeline(p).predict(new_rows_dataframe)``."""
    return load_bundle(path)["pipeline"]
