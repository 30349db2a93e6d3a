"""U-Net image segmentation starter for {{projectName}}."""
