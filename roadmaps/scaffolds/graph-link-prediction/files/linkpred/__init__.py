"""Link prediction starter for {{projectName}}."""
