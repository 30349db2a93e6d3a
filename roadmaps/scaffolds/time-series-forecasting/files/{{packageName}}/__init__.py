# {{projectName}}: classical vs deep-learning time-series forecasting.
"""Time-series forecasting: decomposition, ARIMA/SARIMA, LSTM, walk-forward evaluation."""
