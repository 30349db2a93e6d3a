"""A fixed-size experience replay buffer stored in NumPy arrays (a ring buffer)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass
class Batch:
    states: np.ndarray       # (B, obs_dim) float32
    actions: np.ndarray      # (B,) int64
    rewards: np.ndarray      # (B,) float32
    next_states: np.ndarray  # (B, obs_dim) float32
    dones: np.ndarray        # (B,) float32: 1.0 where the episode terminated


class ReplayBuffer:
    def __init__(self, capacity: int, obs_dim: int, seed: int | None = None) -> None:
        self.capacity = capacity
        self.states = np.zeros((capacity, obs_dim), np.float32)
        self.actions = np.zeros(capacity, np.int64)
        self.rewards = np.zeros(capacity, np.float32)
        self.next_states = np.zeros((capacity, obs_dim), np.float32)
        self.dones = np.zeros(capacity, np.float32)
        self.pos, self.size = 0, 0
        self.rng = np.random.default_rng(seed)

    def add(self, state, action: int, reward: float, next_state, done: bool) -> None:
        i = self.pos
        self.states[i], self.actions[i], self.rewards[i] = state, action, reward
        self.next_states[i], self.dones[i] = next_state, float(done)
        self.pos = (self.pos + 1) % self.capacity       # overwrite the oldest when full
        self.size = min(self.size + 1, self.capacity)

    def sample(self, batch_size: int) -> Batch:
        idx = self.rng.integers(0, self.size, size=batch_size)
        return Batch(self.states[idx], self.actions[idx], self.rewards[idx], self.next_states[idx], self.dones[idx])

    def __len__(self) -> int:
        return self.size
