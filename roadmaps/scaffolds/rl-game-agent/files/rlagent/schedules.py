"""Exploration schedules: how epsilon (the chance of a random action) falls during training."""
from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class LinearEpsilon:
    """From ``start`` to ``end`` linearly over ``decay_steps``, then stay at ``end``."""

    start: float = 1.0
    end: float = 0.05
    decay_steps: int = 10_000

    def __call__(self, step: int) -> float:
        frac = min(1.0, step / max(1, self.decay_steps))
        return (1.0 - frac) * self.start + frac * self.end


@dataclass(frozen=True)
class ExponentialEpsilon:
    """``end + (start - end) * exp(-step / decay)``: fast at first, then slow."""

    start: float = 1.0
    end: float = 0.01
    decay: float = 200.0

    def __call__(self, step: int) -> float:
        return self.end + (self.start - self.end) * math.exp(-step / self.decay)
