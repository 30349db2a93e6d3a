# {{projectName}}: an MLP that classifies MNIST digits with PyTorch.
"""MNIST digit classification with a multilayer perceptron."""
