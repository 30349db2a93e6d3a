# Checks for the TODO steps of the README's "Steps" list. Run them with `pytest checks`: each one
# fails with a hint until its step is done; plain `pytest` runs only the tests of the done parts.
import numpy as np
import pandas as pd
import pytest
import torch

from {{packageName}}.classical import select_order
from {{packageName}}.data import make_synthetic_series
from {{packageName}}.evaluation import mape, mase
from {{packageName}}.lstm import LSTMConfig, LSTMForecaster, LSTMModel


def expect(condition: bool, hint: str, detail: str = "") -> None:
    """Fail with the hint as the first line (and what was seen after it), without a traceback."""
    if not condition:
        pytest.fail(hint + (f"\n{detail}" if detail else ""), pytrace=False)


def attempt(hint, fn, *args, **kwargs):
    """Call the learner's code; if it raises, fail with the hint instead of a traceback."""
    try:
        return fn(*args, **kwargs)
    except Exception as exc:  # a TODO still in place, or a bug on the way to the answer
        problem = f"{type(exc).__name__}: {exc}"
    # failing outside the except block keeps the learner's traceback out of the message
    pytest.fail(f"{hint}\n(it raised {problem})", pytrace=False)


HINT_ORDER = (
    "Step 2: write select_order in classical.py — fit SARIMAX for every (order, seasonal_order) "
    "candidate and return the pair with the lowest AIC."
)


def test_select_order_by_aic() -> None:
    # an AR(2) process: (2, 0, 0) explains it, white noise and MA(1) do not
    rng = np.random.default_rng(0)
    values = np.zeros(300)
    for t in range(2, 300):
        values[t] = 0.6 * values[t - 1] - 0.3 * values[t - 2] + rng.normal()
    series = pd.Series(values, index=pd.date_range("2024-01-01", periods=300, freq="D"))
    chosen = attempt(HINT_ORDER, select_order, series, [(0, 0, 0), (0, 0, 1), (2, 0, 0)])
    expect(isinstance(chosen, tuple) and len(chosen) == 2, HINT_ORDER, f"Return (order, seasonal_order); got {chosen!r}.")
    order, seasonal = chosen
    expect(tuple(order) == (2, 0, 0) and tuple(seasonal) == (0, 0, 0, 0), HINT_ORDER,
           f"On an AR(2) series the lowest AIC is (2, 0, 0) with no seasonal part; got {chosen!r}.")


HINT_METRICS = (
    "Step 3: write mape and mase in evaluation.py — MAPE in percent (ValueError when an actual "
    "value is 0), MASE as the forecast's MAE over the in-sample MAE of the seasonal-naive forecast."
)


def test_mape_and_mase() -> None:
    got = attempt(HINT_METRICS, mape, [100.0, 200.0], [110.0, 180.0])
    expect(got == pytest.approx(10.0), HINT_METRICS, f"mape([100, 200], [110, 180]) is 10 (%); got {got}.")
    try:
        mape([0.0, 1.0], [1.0, 1.0])
        zero_raises = False
    except ValueError:
        zero_raises = True
    except Exception:  # the TODO, or another error: not the ValueError asked for
        zero_raises = False
    expect(zero_raises, HINT_METRICS, "mape must raise ValueError when an actual value is 0.")

    train = np.array([1.0, 3.0, 2.0, 5.0, 4.0])  # naive in-sample errors 2, 1, 3, 1: MAE 1.75
    got = attempt(HINT_METRICS, mase, [6.0, 7.0], [5.0, 9.0], train)
    expect(got == pytest.approx(1.5 / 1.75), HINT_METRICS, f"MASE is the forecast MAE 1.5 over the naive MAE 1.75; got {got}.")
    series = make_synthetic_series(n=120, noise=0.0, yearly_amplitude=0.0, trend=0.0)
    train, test = series.iloc[:100], series.iloc[100:]
    got = attempt(HINT_METRICS, mase, test.values, test.values, train.values, period=7)
    expect(got == pytest.approx(0.0), HINT_METRICS, f"A perfect forecast has MASE 0; got {got}.")


HINT_GRU = (
    'Step 4: let LSTMForecaster (lstm.py) take cell="gru" and use nn.GRU then (it returns '
    "(output, h) instead of (output, (h, c))), and pass LSTMConfig.cell on to it in LSTMModel.fit."
)


def test_gru_cell() -> None:
    net = attempt(HINT_GRU, LSTMForecaster, 7, 16, cell="gru")
    expect(any(isinstance(m, torch.nn.GRU) for m in net.modules()), HINT_GRU, "The network has no nn.GRU layer.")
    out = attempt(HINT_GRU, net, torch.zeros(3, 14))
    expect(tuple(out.shape) == (3, 7), HINT_GRU, f"A batch of 3 windows should give 3 × 7 outputs; got {tuple(out.shape)}.")
    series = make_synthetic_series(n=160)
    model = attempt(HINT_GRU, LSTMModel(horizon=7, config=LSTMConfig(window=14, epochs=5, cell="gru")).fit, series)
    expect(any(isinstance(m, torch.nn.GRU) for m in model.net.modules()), HINT_GRU, 'LSTMConfig(cell="gru") still trains an LSTM.')
    expect(model.losses[-1] < model.losses[0], HINT_GRU, "The GRU's training loss does not fall.")
    expect(model.predict(series).shape == (7,), HINT_GRU, "predict should return horizon values.")


HINT_EARLY = (
    "Step 4: add early stopping to LSTMModel.fit (lstm.py) — with LSTMConfig.patience set, keep the "
    "last val_fraction of the windows for validation, append its loss to self.val_losses each "
    "epoch, stop after patience epochs without improvement and keep the best epoch's weights."
)


def test_early_stopping() -> None:
    series = make_synthetic_series(n=160)
    config = LSTMConfig(window=14, hidden_size=16, epochs=200, lr=2e-2, patience=3)
    model = attempt(HINT_EARLY, LSTMModel(horizon=7, config=config).fit, series)
    val = list(model.val_losses)
    expect(len(val) == len(model.losses) and len(val) > 0, HINT_EARLY, f"{len(model.losses)} epochs ran but {len(val)} validation losses were recorded.")
    expect(len(val) < config.epochs, HINT_EARLY, f"Training ran all {config.epochs} epochs: it never stopped early.")
    since_best = len(val) - 1 - int(np.argmin(val))
    expect(config.patience <= since_best <= config.patience + 1, HINT_EARLY,
           f"Training stopped {since_best} epochs after the best validation loss; patience is {config.patience}.")
