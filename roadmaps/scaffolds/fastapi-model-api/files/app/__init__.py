"""A FastAPI service that serves a scikit-learn model and stores its predictions."""
