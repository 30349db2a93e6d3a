# {{projectName}}: CNN image classification, transfer learning and feature-map visualisation.
"""Image classification with a small CNN or a pretrained ResNet18."""
