# {{projectName}}: text classification with TF-IDF and logistic regression.
"""Spam / sentiment text classification."""
