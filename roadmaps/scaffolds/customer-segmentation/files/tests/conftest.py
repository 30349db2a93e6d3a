import matplotlib

matplotlib.use("Agg")  # draw figures without a display
