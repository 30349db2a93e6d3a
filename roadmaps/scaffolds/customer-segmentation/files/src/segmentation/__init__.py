"""Customer segmentation with clustering."""
