"""A scikit-learn pipeline for tabular classification: loan approval, credit risk, Titanic survival."""
