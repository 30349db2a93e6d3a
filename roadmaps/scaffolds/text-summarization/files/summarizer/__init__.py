"""Text summarization starter for {{projectName}}."""
