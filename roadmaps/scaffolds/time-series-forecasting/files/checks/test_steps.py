# Checks for the TODO steps of the README's "Steps" list. Run them with `pytest checks`: each one
# fails with a hint until its step is done; plain `pytest` runs only the tests of the done parts.
import traceback
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import torch

from {{packageName}} import classical
from {{packageName}}.classical import select_order
from {{packageName}}.data import make_synthetic_series
from {{packageName}}.evaluation import mape, mase
from {{packageName}}.lstm import LSTMConfig, LSTMForecaster, LSTMModel, make_windows


def expect(condition: bool, hint: str, detail: str = "") -> None:
    """Fail with the hint as the first line (and what was seen after it), without a traceback."""
    if not condition:
        pytest.fail(hint + (f"\n{detail}" if detail else ""), pytrace=False)


PROJECT = Path(__file__).resolve().parents[1]


def learner_frame(tb) -> str:
    """The deepest frame of the traceback in the project's own code (not checks/, tests/ or a
    virtual environment), as a traceback line, so the editor can put the failure on that line."""
    where = ""
    for frame, line in traceback.walk_tb(tb):
        path = Path(frame.f_code.co_filename).resolve()
        if PROJECT not in path.parents:
            continue
        parts = path.relative_to(PROJECT).parts
        if parts[0] in ("checks", "tests") or parts[0].startswith(".") or "site-packages" in parts:
            continue
        where = f'\n  File "{path.relative_to(PROJECT).as_posix()}", line {line}, in {frame.f_code.co_name}'
    return where


def attempt(hint, fn, *args, **kwargs):
    """Call the learner's function; if it raises, fail with the hint, what was raised and where."""
    try:
        return fn(*args, **kwargs)
    except Exception as exc:  # a TODO still in place, or a bug on the way to the answer
        problem = f"{type(exc).__name__}: {exc}{learner_frame(exc.__traceback__)}"
    # failing outside the except block keeps the learner's traceback out of the message
    pytest.fail(f"{hint}\n(it raised {problem})", pytrace=False)


def expect_raises(error, hint: str, detail: str, fn, *args, **kwargs) -> None:
    """The learner's function must raise ``error`` for this input."""
    try:
        result = fn(*args, **kwargs)
    except error:
        return
    except Exception as exc:  # raised something, but not what the docstring asks for
        detail = f"{detail}\n(it raised {type(exc).__name__}: {exc}{learner_frame(exc.__traceback__)})"
    else:
        detail = f"{detail}\n(it returned {result!r})"
    pytest.fail(f"{hint}\n{detail}", pytrace=False)


HINT_ORDER = (
    "Step 2: write select_order in classical.py — fit every (order, seasonal_order) combination "
    "with fit_sarimax and return the pair with the lowest AIC."
)


def test_select_order_by_aic(monkeypatch) -> None:
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
    expect_raises(ValueError, HINT_ORDER, "select_order with no candidate orders must raise ValueError.", select_order, series, [])

    # With SARIMAX standing in for a model whose AIC and BIC are known, every combination must be
    # tried once and the lowest AIC (not BIC, not the highest) must win.
    orders, seasonal_orders = [(1, 0, 0), (2, 0, 0), (0, 0, 1)], [(0, 0, 0, 0), (1, 0, 0, 7)]
    aic = {((1, 0, 0), (0, 0, 0, 0)): 512.0, ((2, 0, 0), (0, 0, 0, 0)): 505.0, ((0, 0, 1), (0, 0, 0, 0)): 530.0,
           ((1, 0, 0), (1, 0, 0, 7)): 498.0, ((2, 0, 0), (1, 0, 0, 7)): 496.5, ((0, 0, 1), (1, 0, 0, 7)): 520.0}
    bic = {pair: value + 6.0 * (sum(pair[0]) + sum(pair[1][:3])) for pair, value in aic.items()}  # favours fewer parameters
    fitted = []

    class KnownModel:
        def __init__(self, endog, *args, order=(0, 0, 0), seasonal_order=(0, 0, 0, 0), **kwargs):
            self.pair = (tuple(order), tuple(seasonal_order))
            self.length = len(endog)

        def fit(self, *args, **kwargs):
            fitted.append((self.pair, self.length))
            return type("Result", (), {"aic": aic[self.pair], "bic": bic[self.pair], "llf": -aic[self.pair] / 2})()

    monkeypatch.setattr(classical, "SARIMAX", KnownModel)
    chosen = attempt(HINT_ORDER, select_order, series, orders, seasonal_orders)
    if fitted:  # a learner who builds the model another way is judged by the AR(2) series above alone
        tried = sorted({pair for pair, _ in fitted})
        expect(tried == sorted(aic), HINT_ORDER, f"Given 3 orders and 2 seasonal orders it fitted {tried}: fit every one of the 6 combinations.")
        expect(all(length == len(series) for _, length in fitted), HINT_ORDER,
               f"It fitted series of lengths {sorted({length for _, length in fitted})}, not the {len(series)} values of train.")
        best = min(aic, key=aic.get)
        got = (tuple(chosen[0]), tuple(chosen[1])) if isinstance(chosen, tuple) and len(chosen) == 2 else chosen
        expect(got == best, HINT_ORDER, f"The AICs were {aic}; the lowest is {best}, but it returned {chosen!r}"
               + (" (the lowest BIC)." if got == min(bic, key=bic.get) else "."))


HINT_METRICS = (
    "Step 3: write mape and mase in evaluation.py — MAPE in percent (ValueError when an actual "
    "value is 0), MASE as the forecast's MAE over the in-sample MAE of the seasonal-naive forecast."
)


def test_mape_and_mase() -> None:
    got = attempt(HINT_METRICS, mape, [100.0, 200.0], [110.0, 180.0])
    expect(got == pytest.approx(10.0), HINT_METRICS, f"mape([100, 200], [110, 180]) is 10 (%); got {got}.")
    got = attempt(HINT_METRICS, mape, [-100.0, 50.0], [-110.0, 45.0])
    expect(got == pytest.approx(10.0), HINT_METRICS, f"mape([-100, 50], [-110, 45]) is 10 (%): divide by |y|; got {got}.")
    got = attempt(HINT_METRICS, mape, [100.0, 200.0, 400.0], [110.0, 180.0, 300.0])
    expect(got == pytest.approx(15.0), HINT_METRICS, f"mape([100, 200, 400], [110, 180, 300]) is the mean of 10, 10 and 25 (%) = 15; got {got}.")
    expect_raises(ValueError, HINT_METRICS, "mape([0, 2], [1, 2]) must raise ValueError: an actual value is 0.", mape, [0.0, 2.0], [1.0, 2.0])

    train = np.array([1.0, 3.0, 2.0, 5.0, 4.0])  # naive in-sample errors 2, 1, 3, 1: MAE 1.75
    got = attempt(HINT_METRICS, mase, [6.0, 7.0], [5.0, 9.0], train)
    expect(got == pytest.approx(1.5 / 1.75), HINT_METRICS, f"MASE is the forecast MAE 1.5 over the naive MAE 1.75; got {got}.")
    series = make_synthetic_series(n=120, noise=0.0, yearly_amplitude=0.0, trend=0.0)
    train, test = series.iloc[:100], series.iloc[100:]
    got = attempt(HINT_METRICS, mase, test.values, test.values, train.values, period=7)
    expect(got == pytest.approx(0.0), HINT_METRICS, f"A perfect forecast has MASE 0; got {got}.")
    weekly = np.array([1.0, 2, 3, 4, 5, 6, 7, 2, 2, 3, 5, 5, 6, 8])  # seasonal-naive errors (period 7): 1, 0, 0, 1, 0, 0, 1
    got = attempt(HINT_METRICS, mase, [1.0, 2.0], [2.0, 2.0], weekly, period=7)
    expect(got == pytest.approx(0.5 / (3 / 7)), HINT_METRICS,
           f"With period=7 the naive forecast repeats last week: its in-sample MAE is 3/7, so MASE = 0.5 / (3/7) = 1.1667; got {got}.")
    expect_raises(ValueError, HINT_METRICS, "mase with a constant training series must raise ValueError: the naive forecast is perfect there, so the scale is 0.",
                  mase, [1.0], [2.0], [5.0, 5.0, 5.0])


HINT_GRU = (
    'Step 4: let LSTMForecaster (lstm.py) take cell="gru" and use nn.GRU then (it returns '
    "(output, h) instead of (output, (h, c))), and pass LSTMConfig.cell on to it in LSTMModel.fit."
)


def test_gru_cell() -> None:
    net = attempt(HINT_GRU, LSTMForecaster, 7, 16, cell="gru")
    layers = sorted({type(m).__name__ for m in net.modules() if isinstance(m, torch.nn.RNNBase)})
    expect(layers == ["GRU"], HINT_GRU, f'LSTMForecaster(cell="gru") has the recurrent layers {layers}: use an nn.GRU in place of the LSTM, not beside it.')
    out = attempt(HINT_GRU, net, torch.zeros(3, 14))
    expect(tuple(out.shape) == (3, 7), HINT_GRU, f"A batch of 3 windows should give 3 × 7 outputs; got {tuple(out.shape)}.")
    series = make_synthetic_series(n=160)
    model = attempt(HINT_GRU, LSTMModel(horizon=7, config=LSTMConfig(window=14, epochs=5, cell="gru")).fit, series)
    layers = sorted({type(m).__name__ for m in model.net.modules() if isinstance(m, torch.nn.RNNBase)})
    expect(layers == ["GRU"], HINT_GRU, f'LSTMConfig(cell="gru") trains a network with the recurrent layers {layers}, not a GRU.')
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
    best = int(np.argmin(val))
    since_best = len(val) - 1 - best
    expect(since_best == config.patience, HINT_EARLY,
           f"Training stopped {since_best} epochs after the best validation loss (epoch {best + 1} of {len(val)}); with patience={config.patience} "
           f"it should stop after exactly {config.patience} epochs without improvement.")
    # The validation windows are the last 20 % (28 of 140) in time; the weights kept must be the best epoch's.
    X, y = make_windows(np.asarray(series, dtype=np.float32), config.window, 7)
    anchor = X[:, -1:]
    X_val = torch.from_numpy((X[-28:] - anchor[-28:]) / model.scale)
    y_val = torch.from_numpy((y[-28:] - anchor[-28:]) / model.scale)
    model.net.eval()
    with torch.no_grad():
        kept = float(torch.nn.functional.mse_loss(model.net(X_val), y_val))
    expect(abs(kept - min(val)) <= 1e-5 * max(1.0, min(val)), HINT_EARLY,
           f"The weights fit() ends with have a loss of {kept:.5f} on the last 28 windows, but the best validation loss recorded was "
           f"{min(val):.5f} (epoch {best + 1}) and the last {val[-1]:.5f}: validate on the last windows in time, and keep a copy "
           "(copy.deepcopy of state_dict()) of the best epoch's weights to load at the end.")
    # With dropout, the mode matters: training batches in train mode, the validation loss in eval mode.
    modes: list[tuple[int, bool]] = []
    forward = LSTMForecaster.forward

    def recording_forward(net, x):
        modes.append((int(x.shape[0]), net.training))
        return forward(net, x)

    config = LSTMConfig(window=14, hidden_size=16, num_layers=2, dropout=0.5, epochs=60, lr=2e-2, patience=3)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(LSTMForecaster, "forward", recording_forward)
        model = attempt(HINT_EARLY, LSTMModel(horizon=7, config=config).fit, series)
    validating = [training for rows, training in modes if rows == 28]  # the 28 validation windows; training batches are 32 or 16
    batches = [training for rows, training in modes if rows != 28]
    expect(validating and not any(validating) and all(batches), HINT_EARLY,
           f"With dropout=0.5, {sum(validating)} of {len(validating)} validation passes ran in training mode and {batches.count(False)} of "
           f"{len(batches)} training batches in eval mode: call net.eval() before the validation loss and net.train() after it.")

    # 20 windows and val_fraction=0.02: 0.4 of a window rounds to none, but one is always held out.
    short = make_synthetic_series(n=40)
    config = LSTMConfig(window=14, hidden_size=8, epochs=30, lr=2e-2, patience=3, val_fraction=0.02)
    model = attempt(HINT_EARLY, LSTMModel(horizon=7, config=config).fit, short)
    X, y = make_windows(np.asarray(short, dtype=np.float32), config.window, 7)
    anchor = X[:, -1:]
    model.net.eval()
    with torch.no_grad():
        kept = float(torch.nn.functional.mse_loss(model.net(torch.from_numpy((X[-1:] - anchor[-1:]) / model.scale)),
                                                  torch.from_numpy((y[-1:] - anchor[-1:]) / model.scale)))
    val = list(model.val_losses)
    expect(len(val) > 0 and abs(kept - min(val)) <= 1e-5 * max(1.0, min(val)), HINT_EARLY,
           f"On a series with 20 windows and val_fraction=0.02 the weights kept have a loss of {kept:.5f} on the last window, "
           f"but the best validation loss recorded was {min(val) if val else None}: hold out at least one window (the last).")
