"""Tabular Q-learning for environments with discrete states and actions (FrozenLake, Taxi, ...)."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from .schedules import ExponentialEpsilon

if TYPE_CHECKING:  # only for the type hints: any env with Gymnasium's reset/step API works
    import gymnasium as gym


class QLearningAgent:
    """Q(s, a) <- Q(s, a) + alpha * (r + gamma * max_a' Q(s', a') - Q(s, a))."""

    def __init__(self, n_states: int, n_actions: int, alpha: float = 0.1, gamma: float = 0.99,
                 seed: int | None = None) -> None:
        self.q = np.zeros((n_states, n_actions))
        self.alpha, self.gamma = alpha, gamma
        self.rng = np.random.default_rng(seed)

    def act(self, state: int, epsilon: float = 0.0) -> int:
        """Epsilon-greedy: explore with probability epsilon, else the best action (random tie-break)."""
        if self.rng.random() < epsilon:
            return int(self.rng.integers(self.q.shape[1]))
        best = np.flatnonzero(self.q[state] == self.q[state].max())
        return int(self.rng.choice(best))

    def update(self, state: int, action: int, reward: float, next_state: int, terminated: bool) -> float:
        """One Q-learning step; returns the TD error. No bootstrapping past a terminal state."""
        target = reward if terminated else reward + self.gamma * self.q[next_state].max()
        td_error = target - self.q[state, action]
        self.q[state, action] += self.alpha * td_error
        return float(td_error)

    def sarsa_update(self, state: int, action: int, reward: float, next_state: int, next_action: int,
                     terminated: bool) -> float:
        """One SARSA step; returns the TD error.

        TODO: like ``update``, but bootstrap from the action the agent will really take next:
        target = reward + gamma * Q(next_state, next_action) (just reward when terminated).
        """
        raise NotImplementedError("TODO: implement QLearningAgent.sarsa_update in qlearning.py")


def train_q_learning(env: gym.Env, episodes: int = 2000, alpha: float = 0.1, gamma: float = 0.99,
                     epsilon: Callable[[int], float] | None = None, seed: int = 0,
                     ) -> tuple[QLearningAgent, list[float]]:
    """Train on ``env``; returns the agent and the total reward of each episode."""
    epsilon = epsilon or ExponentialEpsilon(decay=episodes / 5)
    agent = QLearningAgent(env.observation_space.n, env.action_space.n, alpha, gamma, seed)
    returns: list[float] = []
    for episode in range(episodes):
        state, _ = env.reset(seed=seed + episode)
        total, done = 0.0, False
        while not done:
            action = agent.act(state, epsilon(episode))
            next_state, reward, terminated, truncated, _ = env.step(action)
            agent.update(state, action, float(reward), next_state, terminated)
            state, total, done = next_state, total + float(reward), terminated or truncated
        returns.append(total)
    return agent, returns


def evaluate_greedy(env: gym.Env, act: Callable[[object], int], episodes: int = 100, seed: int = 10_000) -> float:
    """Mean return of a policy with no exploration (works for the DQN agent too)."""
    totals = []
    for episode in range(episodes):
        state, _ = env.reset(seed=seed + episode)
        total, done = 0.0, False
        while not done:
            state, reward, terminated, truncated, _ = env.step(act(state))
            total, done = total + float(reward), terminated or truncated
        totals.append(total)
    return float(np.mean(totals))


def train_sarsa(env: gym.Env, episodes: int = 2000, alpha: float = 0.1, gamma: float = 0.99,
                epsilon: Callable[[int], float] | None = None, seed: int = 0,
                ) -> tuple[QLearningAgent, list[float]]:
    """SARSA, the on-policy cousin of Q-learning; returns the agent and each episode's return.

    TODO: like ``train_q_learning`` (the same default epsilon, env.reset(seed=seed + episode), an
    episode ends when terminated or truncated), but choose the first action before the loop, and in each step
    choose ``next_action`` (epsilon-greedy) *before* the update, call ``agent.sarsa_update(...,
    next_action, terminated)``, then move on with ``state, action = next_state, next_action``.
    """
    raise NotImplementedError("TODO: implement train_sarsa in qlearning.py")


# TODO: make FrozenLake slippery (`gym.make("FrozenLake-v1", is_slippery=True)`): the default
#       settings no longer solve it. Tune alpha, gamma and the epsilon schedule, and compare
#       Q-learning with SARSA (train_sarsa above).
