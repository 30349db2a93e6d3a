"""A small, explainable sentiment model (TF-IDF + logistic regression)."""
