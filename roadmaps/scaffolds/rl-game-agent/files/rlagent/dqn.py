"""A compact Deep Q-Network (Mnih et al., 2015) for vector observations such as CartPole's."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import torch
from torch import nn

from .replay import ReplayBuffer
from .schedules import LinearEpsilon

if TYPE_CHECKING:  # only for the type hints: any env with Gymnasium's reset/step API works
    import gymnasium as gym


class QNetwork(nn.Module):
    def __init__(self, obs_dim: int, n_actions: int, hidden: int = 128) -> None:
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(obs_dim, hidden), nn.ReLU(),
            nn.Linear(hidden, hidden), nn.ReLU(),
            nn.Linear(hidden, n_actions),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


class DQNAgent:
    """Online network + target network, trained on minibatches from a replay buffer."""

    def __init__(self, obs_dim: int, n_actions: int, gamma: float = 0.99, lr: float = 1e-3,
                 hidden: int = 128, seed: int = 0, double: bool = False) -> None:
        torch.manual_seed(seed)
        self.obs_dim, self.hidden = obs_dim, hidden
        self.n_actions, self.gamma, self.double = n_actions, gamma, double
        self.q = QNetwork(obs_dim, n_actions, hidden)
        self.target = QNetwork(obs_dim, n_actions, hidden)
        self.sync_target()
        self.optimizer = torch.optim.Adam(self.q.parameters(), lr=lr)
        self.rng = np.random.default_rng(seed)

    def sync_target(self) -> None:
        self.target.load_state_dict(self.q.state_dict())

    @torch.no_grad()
    def soft_update(self, tau: float = 0.005) -> None:
        """Move the target network a small step towards the online one (Polyak averaging).

        TODO: for each pair of parameters, target = tau * online + (1 - tau) * target
        (``zip(self.target.parameters(), self.q.parameters())``, ``p.mul_(...).add_(...)``).
        Then try it in ``train_dqn`` every step instead of ``sync_target`` every 500 steps.
        """
        raise NotImplementedError("TODO: implement DQNAgent.soft_update in dqn.py")

    def save(self, path: str | Path) -> Path:
        """Save the online network's weights (and the sizes needed to rebuild it) to ``path``.

        TODO: ``torch.save({"obs_dim": ..., "n_actions": ..., "hidden": ..., "state_dict":
        self.q.state_dict()}, path)``; create the parent folder first; return the path.
        """
        raise NotImplementedError("TODO: implement DQNAgent.save in dqn.py")

    @classmethod
    def load(cls, path: str | Path) -> DQNAgent:
        """An agent whose online (and target) network has the weights saved by :meth:`save`.

        TODO: ``torch.load(path)`` the dict, build ``cls(obs_dim, n_actions, hidden=hidden)``,
        ``load_state_dict`` into its ``q``, then ``sync_target()``.
        """
        raise NotImplementedError("TODO: implement DQNAgent.load in dqn.py")

    @torch.no_grad()
    def td_target(self, rewards: torch.Tensor, next_states: torch.Tensor, dones: torch.Tensor) -> torch.Tensor:
        """r + gamma * (1 - done) * Q_target(s', a'): what Q(s, a) is trained towards."""
        if self.double:
            # TODO: Double DQN: choose a' = argmax_a Q_online(s', a) with self.q, then evaluate
            #       that action with self.target (``.gather(1, best.unsqueeze(1)).squeeze(1)``).
            raise NotImplementedError("TODO: Double DQN in DQNAgent.td_target (dqn.py)")
        next_q = self.target(next_states).max(dim=1).values
        return rewards + self.gamma * (1.0 - dones) * next_q

    @torch.no_grad()
    def act(self, state: np.ndarray, epsilon: float = 0.0) -> int:
        if self.rng.random() < epsilon:
            return int(self.rng.integers(self.n_actions))
        q_values = self.q(torch.as_tensor(state, dtype=torch.float32).unsqueeze(0))
        return int(q_values.argmax(dim=1).item())

    def train_step(self, buffer: ReplayBuffer, batch_size: int = 64) -> float:
        """One gradient step on the TD error; returns the loss."""
        b = buffer.sample(batch_size)
        states = torch.as_tensor(b.states)
        actions = torch.as_tensor(b.actions)
        rewards = torch.as_tensor(b.rewards)
        next_states = torch.as_tensor(b.next_states)
        dones = torch.as_tensor(b.dones)

        q_taken = self.q(states).gather(1, actions.unsqueeze(1)).squeeze(1)   # Q(s, a)
        target = self.td_target(rewards, next_states, dones)
        loss = nn.functional.smooth_l1_loss(q_taken, target)                   # Huber loss
        self.optimizer.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(self.q.parameters(), 10.0)
        self.optimizer.step()
        return float(loss.item())


def train_dqn(env: gym.Env, total_steps: int = 30_000, batch_size: int = 64, buffer_size: int = 50_000,
              learning_starts: int = 1_000, target_every: int = 500, gamma: float = 0.99, lr: float = 1e-3,
              epsilon: Callable[[int], float] | None = None, seed: int = 0,
              ) -> tuple[DQNAgent, list[float], list[float]]:
    """Train on ``env`` for ``total_steps`` environment steps; returns (agent, episode returns, losses)."""
    epsilon = epsilon or LinearEpsilon(1.0, 0.05, decay_steps=total_steps // 2)
    obs_dim = int(np.prod(env.observation_space.shape))
    agent = DQNAgent(obs_dim, env.action_space.n, gamma, lr, seed=seed)
    buffer = ReplayBuffer(buffer_size, obs_dim, seed)
    returns: list[float] = []
    losses: list[float] = []
    state, _ = env.reset(seed=seed)
    episode_return = 0.0
    for step in range(total_steps):
        action = agent.act(state, epsilon(step))
        next_state, reward, terminated, truncated, _ = env.step(action)
        # Store `terminated`, not `truncated`: a time-limit cut is not a real end, so we still bootstrap.
        buffer.add(state, action, float(reward), next_state, terminated)
        state, episode_return = next_state, episode_return + float(reward)
        if terminated or truncated:
            returns.append(episode_return)
            state, _ = env.reset()
            episode_return = 0.0
        if step >= learning_starts and len(buffer) >= batch_size:
            losses.append(agent.train_step(buffer, batch_size))
        if step % target_every == 0:
            agent.sync_target()
    return agent, returns, losses


# TODO: CartPole-v1 counts as solved at a mean return of 475 over 100 episodes. Get there:
#       try Double DQN (td_target), soft target updates (soft_update, tau = 0.005), a longer
#       run, or a learning-rate schedule, and record which change helped most.
# TODO: save and reload the trained network (DQNAgent.save / DQNAgent.load) and record a video
#       of the greedy policy with `gymnasium.wrappers.RecordVideo`.
