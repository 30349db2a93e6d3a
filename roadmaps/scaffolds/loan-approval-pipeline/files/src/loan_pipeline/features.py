"""Feature engineering that runs *inside* the pipeline, so training and serving agree."""

from __future__ import annotations

import pandas as pd


def add_ratio_features(X: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``X`` with engineered columns added.

    TODO: lenders look at ratios, not raw amounts. Add, when the columns exist:

    * ``total_income = applicant_income + coapplicant_income``
    * ``payment_to_income = (loan_amount / loan_term_months) / total_income``
    * ``debt_to_income = existing_debt / total_income``
    * maybe ``log_loan_amount = np.log1p(loan_amount)``

    Guard each one with ``if {...} <= set(X.columns)`` so the same pipeline still works on
    other data (e.g. Titanic: ``family_size = SibSp + Parch + 1``). Keep NaN where an input
    is missing, and where the total income is 0 (a ratio to nothing is unknown, not
    infinite): the imputer that follows fills it. New numeric columns are picked up by
    the ColumnTransformer automatically (it selects columns by dtype).
    """
    out = X.copy()
    # TODO: add the ratio features here.
    return out
