"""OpenCV basics, CNN preprocessing and a centroid object tracker for {{projectName}}."""

__all__ = ["basics", "features", "preprocess", "tracker"]
