"""Checks for the TODO steps of the README's "Steps" list.

Each check fails until its step is done; its first line then says what to do next. Run them
with ``pytest checks`` (plain ``pytest`` runs only the tests of the parts that are done). The
agents train on ``GridWorld`` below, a tiny stand-in with Gymnasium's ``reset``/``step`` API, so
the checks need no Gymnasium and take seconds; tiny networks, CPU, fixed seeds.
"""
from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest
import torch
from torch import nn

from rlagent.dqn import DQNAgent
from rlagent.qlearning import QLearningAgent, evaluate_greedy, train_sarsa
from rlagent.replay import ReplayBuffer
from rlagent.schedules import ExponentialEpsilon


def call(hint: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run the learner's code; a TODO (NotImplementedError) or a crash fails with the hint."""
    try:
        return fn(*args, **kwargs)
    except NotImplementedError:
        problem = ""
    except Exception as exc:  # noqa: BLE001 - any crash is reported as the hint plus what happened
        problem = f"\n(it raised {type(exc).__name__}: {exc})"
    # Outside the except block, so the report starts with the hint, not with the TODO's traceback.
    pytest.fail(hint + problem, pytrace=False)


class GridWorld:
    """A 3x3 FrozenLake: start top-left (0), goal bottom-right (8, reward 1), a hole in the middle (4).

    Actions as in FrozenLake: 0 left, 1 down, 2 right, 3 up. Deterministic; cut after 30 steps.
    """

    SIZE, GOAL, HOLE, LIMIT = 3, 8, 4, 30

    def __init__(self) -> None:
        self.observation_space = SimpleNamespace(n=self.SIZE * self.SIZE)
        self.action_space = SimpleNamespace(n=4)
        self.state, self.steps = 0, 0

    def reset(self, seed: int | None = None, options: dict | None = None) -> tuple[int, dict]:
        self.state, self.steps = 0, 0
        return self.state, {}

    def step(self, action: int) -> tuple[int, float, bool, bool, dict]:
        row, col = divmod(self.state, self.SIZE)
        row += {1: 1, 3: -1}.get(int(action), 0)
        col += {0: -1, 2: 1}.get(int(action), 0)
        self.state = min(max(row, 0), self.SIZE - 1) * self.SIZE + min(max(col, 0), self.SIZE - 1)
        self.steps += 1
        terminated = self.state in (self.GOAL, self.HOLE)
        return self.state, float(self.state == self.GOAL), terminated, self.steps >= self.LIMIT, {}


SARSA_UPDATE_HINT = (
    "Implement QLearningAgent.sarsa_update in qlearning.py: the target is reward + gamma * Q(next_state, "
    "next_action), the action really taken next (not the max), and just the reward when terminated."
)


def test_sarsa_update_uses_the_next_action() -> None:
    agent = QLearningAgent(n_states=2, n_actions=2, alpha=0.5, gamma=0.9)
    agent.q[1] = [1.0, 2.0]
    td = call(SARSA_UPDATE_HINT, agent.sarsa_update, 0, 1, 1.0, 1, 0, False)
    assert agent.q[0, 1] == pytest.approx(0.5 * (1.0 + 0.9 * 1.0)), (
        f"{SARSA_UPDATE_HINT}\n(Q[0, 1] is {agent.q[0, 1]}; with next_action 0 the target is 1 + 0.9 * Q[1, 0])"
    )
    assert td == pytest.approx(1.0 + 0.9 * 1.0), "sarsa_update must return the TD error (target - old Q)."
    call(SARSA_UPDATE_HINT, agent.sarsa_update, 0, 0, 1.0, 1, 1, True)
    assert agent.q[0, 0] == pytest.approx(0.5), "No bootstrapping past a terminal state: the target is the reward."


SARSA_HINT = (
    "Implement train_sarsa in qlearning.py: pick the first action before the loop, pick next_action "
    "(epsilon-greedy) before each sarsa_update, then continue with that action."
)


def test_sarsa_learns_the_grid_world() -> None:
    env = GridWorld()
    result = call(SARSA_HINT, train_sarsa, env, episodes=300, alpha=0.5, gamma=0.95,
                  epsilon=ExponentialEpsilon(1.0, 0.01, decay=60), seed=0)
    agent, returns = result
    assert len(returns) == 300, f"{SARSA_HINT}\n(train_sarsa must return one return per episode, got {len(returns)})"
    assert np.mean(returns[-50:]) > 0.5, f"{SARSA_HINT}\n(the last 50 training episodes reached the goal {np.mean(returns[-50:]):.0%} of the time)"
    assert evaluate_greedy(env, lambda s: agent.act(s), episodes=5) == 1.0, (
        f"{SARSA_HINT}\n(the greedy policy learnt by SARSA does not reach the goal of the grid world)"
    )


class FixedQ(nn.Module):
    """A stand-in network that returns the same Q-values for every state."""

    def __init__(self, values: list[float]) -> None:
        super().__init__()
        self.values = torch.tensor(values)
        self.dummy = nn.Parameter(torch.zeros(1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.values.expand(x.shape[0], -1) + 0 * self.dummy


DOUBLE_HINT = (
    "Do Double DQN in DQNAgent.td_target (dqn.py): choose the next action with the online network self.q "
    "(argmax), then evaluate that action with self.target."
)


def test_double_dqn_target() -> None:
    agent = DQNAgent(obs_dim=2, n_actions=2, gamma=0.5, hidden=4, double=True)
    agent.q, agent.target = FixedQ([1.0, 3.0]), FixedQ([5.0, 2.0])  # they disagree on the best action
    rewards, next_states, dones = torch.tensor([1.0, 1.0]), torch.zeros(2, 2), torch.tensor([0.0, 1.0])
    target = call(DOUBLE_HINT, agent.td_target, rewards, next_states, dones)
    assert torch.allclose(target, torch.tensor([1.0 + 0.5 * 2.0, 1.0])), (
        f"{DOUBLE_HINT}\n(online picks action 1, the target net values it 2.0: expected [2.0, 1.0], got {target.tolist()})"
    )
    agent.double = False
    assert torch.allclose(agent.td_target(rewards, next_states, dones), torch.tensor([1.0 + 0.5 * 5.0, 1.0])), (
        "With double=False, td_target must stay plain DQN (max over the target network)."
    )
    real = DQNAgent(obs_dim=2, n_actions=2, hidden=8, double=True, seed=0)
    buffer = ReplayBuffer(capacity=32, obs_dim=2, seed=0)
    for i in range(32):
        buffer.add([i / 32, 1.0], i % 2, 1.0, [(i + 1) / 32, 1.0], done=i == 31)
    loss = call(DOUBLE_HINT, real.train_step, buffer, batch_size=16)
    assert np.isfinite(loss), "train_step with double=True must give a finite loss."


SOFT_HINT = (
    "Implement DQNAgent.soft_update in dqn.py: every target parameter becomes tau * online + (1 - tau) * "
    "target, in place, without touching the online network."
)


def test_soft_target_update() -> None:
    agent = DQNAgent(obs_dim=3, n_actions=2, hidden=8, seed=0)
    with torch.no_grad():
        for p in agent.q.parameters():
            p.fill_(1.0)
        for p in agent.target.parameters():
            p.fill_(0.0)
    call(SOFT_HINT, agent.soft_update, 0.1)
    for p in agent.target.parameters():
        assert torch.allclose(p, torch.full_like(p, 0.1)), f"{SOFT_HINT}\n(after soft_update(0.1) a target value is {p.flatten()[0].item():.3f}, expected 0.1)"
    for p in agent.q.parameters():
        assert torch.allclose(p, torch.ones_like(p)), "soft_update must not change the online network."
    agent.soft_update(0.1)
    first = next(agent.target.parameters()).flatten()[0].item()
    assert first == pytest.approx(0.19), "A second soft_update(0.1) must move the target a further 10% of the way (0.19)."


SAVE_HINT = (
    "Implement DQNAgent.save and DQNAgent.load in dqn.py: save the online network's state_dict with the sizes "
    "(obs_dim, n_actions, hidden) to rebuild it, then load them into a new agent."
)


def test_save_and_load_the_network(tmp_path) -> None:
    agent = DQNAgent(obs_dim=4, n_actions=2, hidden=16, seed=3)
    path = tmp_path / "models" / "cartpole_dqn.pt"  # the folder does not exist yet
    call(SAVE_HINT, agent.save, path)
    assert path.is_file(), f"{SAVE_HINT}\n(nothing was written to {path.name}; create the parent folder first)"
    loaded = call(SAVE_HINT, DQNAgent.load, path)
    assert isinstance(loaded, DQNAgent), f"{SAVE_HINT}\n(load returned {type(loaded).__name__})"
    states = torch.as_tensor(np.random.default_rng(0).normal(size=(8, 4)), dtype=torch.float32)
    with torch.no_grad():
        assert torch.allclose(loaded.q(states), agent.q(states)), "The loaded network must give the same Q-values as the saved one."
        assert torch.allclose(loaded.target(states), agent.q(states)), "load must also sync the target network."
