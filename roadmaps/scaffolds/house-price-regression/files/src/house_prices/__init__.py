"""House price regression: data loading, candidate models and their evaluation."""
