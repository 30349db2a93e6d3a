"""Reinforcement learning game agents for {{projectName}}."""
