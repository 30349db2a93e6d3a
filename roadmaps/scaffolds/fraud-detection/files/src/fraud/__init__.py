"""Fraud detection as an imbalanced classification problem."""
