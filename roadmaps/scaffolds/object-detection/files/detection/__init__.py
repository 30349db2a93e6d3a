"""Object detection starter for {{projectName}}."""
