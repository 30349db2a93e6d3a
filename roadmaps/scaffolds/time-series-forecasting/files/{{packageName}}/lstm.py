"""An LSTM forecaster in PyTorch: sliding windows in, the next ``horizon`` values out (direct multi-step)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


def make_windows(values: np.ndarray, window: int, horizon: int) -> tuple[np.ndarray, np.ndarray]:
    """Slice a 1-D array into ``X`` of shape (samples, window) and ``y`` of shape (samples, horizon).

    Sample i uses ``values[i : i+window]`` to predict ``values[i+window : i+window+horizon]``.
    """
    values = np.asarray(values, dtype=np.float32)
    n_samples = len(values) - window - horizon + 1
    if n_samples < 1:
        raise ValueError(f"need at least window + horizon = {window + horizon} values, got {len(values)}")
    X = np.stack([values[i:i + window] for i in range(n_samples)])
    y = np.stack([values[i + window:i + window + horizon] for i in range(n_samples)])
    return X, y


class LSTMForecaster(nn.Module):
    """LSTM over the window, then a linear layer from the last hidden state to ``horizon`` outputs."""

    def __init__(self, horizon: int, hidden_size: int = 32, num_layers: int = 1, dropout: float = 0.0,
                 cell: str = "lstm") -> None:
        super().__init__()
        # TODO: support cell="gru" with nn.GRU (same interface; its forward returns (output, h)),
        #       then try 2 layers with dropout and more input features (day of week, month).
        if cell != "lstm":
            raise NotImplementedError(f"TODO: cell={cell!r} in LSTMForecaster (lstm.py)")
        self.lstm = nn.LSTM(input_size=1, hidden_size=hidden_size, num_layers=num_layers,
                            batch_first=True, dropout=dropout if num_layers > 1 else 0.0)
        self.head = nn.Linear(hidden_size, horizon)

    def forward(self, x: torch.Tensor) -> torch.Tensor:  # x: (batch, window)
        output, _ = self.lstm(x.unsqueeze(-1))           # (batch, window, hidden)
        return self.head(output[:, -1, :])               # (batch, horizon)


@dataclass
class LSTMConfig:
    window: int = 28
    hidden_size: int = 32
    num_layers: int = 1
    dropout: float = 0.0            # between stacked layers: needs num_layers > 1
    epochs: int = 30
    batch_size: int = 32
    lr: float = 5e-3
    seed: int = 0
    cell: str = "lstm"              # "gru" once LSTMForecaster supports it
    patience: int | None = None     # early stopping: epochs without a better validation loss
    val_fraction: float = 0.2       # the last part of the training windows, for early stopping


class LSTMModel:
    """Fit / predict wrapper around :class:`LSTMForecaster` with its own scaling.

    Each window is expressed relative to its last value and divided by the training std, so the
    network learns *changes*; this lets it follow a trend beyond the range seen in training.
    """

    def __init__(self, horizon: int, config: LSTMConfig | None = None) -> None:
        self.horizon = horizon
        self.config = config or LSTMConfig()
        self.scale = 1.0
        self.net: LSTMForecaster | None = None
        self.losses: list[float] = []
        self.val_losses: list[float] = []  # filled when early stopping is on

    def fit(self, train: pd.Series | np.ndarray) -> "LSTMModel":
        cfg = self.config
        torch.manual_seed(cfg.seed)
        values = np.asarray(train, dtype=np.float32)
        self.scale = float(np.std(np.diff(values))) or 1.0
        if cfg.patience is not None:
            raise NotImplementedError("TODO: early stopping (LSTMConfig.patience) in LSTMModel.fit (lstm.py)")
        X, y = make_windows(values, cfg.window, self.horizon)
        anchor = X[:, -1:]
        X_t = torch.from_numpy((X - anchor) / self.scale)
        y_t = torch.from_numpy((y - anchor) / self.scale)
        loader = DataLoader(TensorDataset(X_t, y_t), batch_size=cfg.batch_size, shuffle=True)
        self.net = LSTMForecaster(self.horizon, cfg.hidden_size, cfg.num_layers, cfg.dropout, cell=cfg.cell)
        optimizer = torch.optim.Adam(self.net.parameters(), lr=cfg.lr)
        loss_fn = nn.MSELoss()
        self.net.train()
        for _ in range(cfg.epochs):
            total = 0.0
            for xb, yb in loader:
                optimizer.zero_grad()
                loss = loss_fn(self.net(xb), yb)
                loss.backward()
                optimizer.step()
                total += loss.item() * len(xb)
            self.losses.append(total / len(X_t))
        # TODO: with cfg.patience set, hold out the last cfg.val_fraction of the windows (at least
        #       one) as validation, record its loss each epoch in self.val_losses, stop once it has not
        #       improved for cfg.patience epochs, and keep the weights of the best epoch.
        return self

    @torch.no_grad()
    def predict(self, history: pd.Series | np.ndarray) -> np.ndarray:
        """Forecast the ``horizon`` values following the end of ``history``."""
        if self.net is None:
            raise RuntimeError("call fit() first")
        window = np.asarray(history, dtype=np.float32)[-self.config.window:]
        if len(window) < self.config.window:
            raise ValueError(f"need at least {self.config.window} values of history")
        anchor = window[-1]
        self.net.eval()
        x = torch.from_numpy((window - anchor) / self.scale).unsqueeze(0)
        return (self.net(x).squeeze(0).numpy() * self.scale + anchor).astype(float)


def lstm_forecast(train: pd.Series, horizon: int, config: LSTMConfig | None = None) -> np.ndarray:
    """Forecaster-style function for the backtest: fit on ``train``, forecast ``horizon`` steps."""
    return LSTMModel(horizon, config).fit(train).predict(train)
