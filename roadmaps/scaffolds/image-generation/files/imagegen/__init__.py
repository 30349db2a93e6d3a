"""Image generation starter for {{projectName}}."""
