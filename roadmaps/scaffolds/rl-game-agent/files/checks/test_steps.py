"""Checks for the TODO steps of the README's "Steps" list.

Each check fails until its step is done; its first line then says what to do next. Run them
with ``pytest checks`` (plain ``pytest`` runs only the tests of the parts that are done). The
agents train on ``GridWorld`` below, a tiny stand-in with Gymnasium's ``reset``/``step`` API, so
the checks need no Gymnasium and take seconds; tiny networks, CPU, fixed seeds.
"""
from __future__ import annotations

import traceback
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest
import torch
from torch import nn

from rlagent import qlearning
from rlagent.dqn import DQNAgent
from rlagent.qlearning import QLearningAgent, evaluate_greedy, train_sarsa
from rlagent.replay import ReplayBuffer
from rlagent.schedules import ExponentialEpsilon

PROJECT = Path(__file__).resolve().parents[1]


def expect(condition: bool, hint: str, detail: str = "") -> None:
    """Fail with the hint as the first line (and what was seen after it), without a traceback."""
    if not condition:
        pytest.fail(hint + (f"\n{detail}" if detail else ""), pytrace=False)


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


def call(hint: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call the learner's code; if it raises, fail with the hint, what was raised and where."""
    try:
        return fn(*args, **kwargs)
    except Exception as exc:  # a TODO still in place, or a bug on the way to the answer
        problem = f"{type(exc).__name__}: {exc}{learner_frame(exc.__traceback__)}"
    # failing outside the except block keeps the learner's traceback out of the message
    pytest.fail(f"{hint}\n(it raised {problem})", pytrace=False)


class GridWorld:
    """A 3x3 FrozenLake: start top-left (0), goal bottom-right (8, reward 1), a hole in the middle (4).

    Actions as in FrozenLake: 0 left, 1 down, 2 right, 3 up. Deterministic; cut after 30 steps.
    """

    SIZE, GOAL, HOLE, LIMIT = 3, 8, 4, 30

    def __init__(self) -> None:
        self.observation_space = SimpleNamespace(n=self.SIZE * self.SIZE)
        self.action_space = SimpleNamespace(n=4)
        self.state, self.steps = 0, 0
        self.seeds: list[int | None] = []          # what each reset was given
        self.episodes: list[list[int]] = []        # the actions taken in each episode
        self.returns: list[float] = []             # the rewards summed over each episode

    def reset(self, seed: int | None = None, options: dict | None = None) -> tuple[int, dict]:
        self.state, self.steps = 0, 0
        self.seeds.append(seed)
        self.episodes.append([])
        self.returns.append(0.0)
        return self.state, {}

    def step(self, action: int) -> tuple[int, float, bool, bool, dict]:
        row, col = divmod(self.state, self.SIZE)
        row += {1: 1, 3: -1}.get(int(action), 0)
        col += {0: -1, 2: 1}.get(int(action), 0)
        self.state = min(max(row, 0), self.SIZE - 1) * self.SIZE + min(max(col, 0), self.SIZE - 1)
        self.steps += 1
        self.episodes[-1].append(int(action))
        terminated = self.state in (self.GOAL, self.HOLE)
        reward = float(self.state == self.GOAL)
        self.returns[-1] += reward
        return self.state, reward, terminated, self.steps >= self.LIMIT, {}


SARSA_UPDATE_HINT = (
    "Implement QLearningAgent.sarsa_update in qlearning.py: the target is reward + gamma * Q(next_state, "
    "next_action), the action really taken next (not the max), and just the reward when terminated."
)


def test_sarsa_update_uses_the_next_action() -> None:
    agent = QLearningAgent(n_states=2, n_actions=2, alpha=0.5, gamma=0.9)
    agent.q[1] = [1.0, 2.0]
    agent.q[0, 1] = 0.4
    td = call(SARSA_UPDATE_HINT, agent.sarsa_update, 0, 1, 1.0, 1, 0, False)
    # target 1 + 0.9 * Q[1, 0] = 1.9; TD error 1.9 - 0.4 = 1.5; Q[0, 1] = 0.4 + 0.5 * 1.5 = 1.15
    expect(agent.q[0, 1] == pytest.approx(1.15), SARSA_UPDATE_HINT,
           f"From Q[0, 1] = 0.4, with reward 1, gamma 0.9, alpha 0.5 and next_action 0 (Q[1] = [1, 2]) Q[0, 1] "
           f"became {agent.q[0, 1]:.4f}, not 0.4 + 0.5 * (1 + 0.9 * 1 - 0.4) = 1.15.")
    expect(td == pytest.approx(1.5), SARSA_UPDATE_HINT, f"sarsa_update returned {td!r}, not the TD error target - old Q = 1.5.")
    expect(list(agent.q[1]) == [1.0, 2.0] and agent.q[0, 0] == 0.0, SARSA_UPDATE_HINT,
           f"sarsa_update changed other Q-values too: Q is {agent.q.tolist()}.")
    call(SARSA_UPDATE_HINT, agent.sarsa_update, 0, 0, 1.0, 1, 1, True)
    expect(agent.q[0, 0] == pytest.approx(0.5), SARSA_UPDATE_HINT,
           f"After a terminal step with reward 1 Q[0, 0] is {agent.q[0, 0]:.4f}, not 0.5: no bootstrapping past a "
           "terminal state, the target is the reward.")


SARSA_HINT = (
    "Implement train_sarsa in qlearning.py: pick the first action before the loop, pick next_action "
    "(epsilon-greedy) before each sarsa_update, then continue with that action."
)


def test_sarsa_learns_the_grid_world(monkeypatch) -> None:
    updates: list[tuple[int, int, bool]] = []    # (action, next_action, terminated) of each sarsa_update
    real_update = QLearningAgent.sarsa_update

    def watched_update(self, state, action, reward, next_state, next_action, terminated):
        updates.append((int(action), int(next_action), bool(terminated)))
        return real_update(self, state, action, reward, next_state, next_action, terminated)

    monkeypatch.setattr(QLearningAgent, "sarsa_update", watched_update)
    env = GridWorld()
    agent, returns = call(SARSA_HINT, train_sarsa, env, episodes=300, alpha=0.5, gamma=0.95,
                          epsilon=ExponentialEpsilon(1.0, 0.01, decay=60), seed=7)
    expect(len(returns) == 300, SARSA_HINT, f"train_sarsa returned {len(returns)} returns, not one per episode (300).")
    wrong = [k for k, (mine, real) in enumerate(zip(returns, env.returns)) if mine != pytest.approx(real)]
    expect(not wrong, SARSA_HINT,
           f"Episode {wrong[:1]} returned {[returns[k] for k in wrong[:1]]}, but its rewards add up to "
           f"{[env.returns[k] for k in wrong[:1]]}: each episode's return starts at 0.")
    expect(env.seeds[:3] == [7, 8, 9], SARSA_HINT,
           f"The first episodes reset the environment with seeds {env.seeds[:3]}, not seed + episode ([7, 8, 9]) as "
           "train_q_learning does.")
    longest = max(len(actions) for actions in env.episodes)
    expect(longest <= GridWorld.LIMIT, SARSA_HINT,
           f"An episode went on for {longest} steps: end it when the step is terminated or truncated.")
    taken = [a for actions in env.episodes for a in actions]
    expect([u[0] for u in updates] == taken, SARSA_HINT,
           "The actions given to sarsa_update are not the actions taken in the environment, one update per step.")
    mismatches = checked = position = 0
    for actions in env.episodes:
        mine = updates[position:position + len(actions)]
        position += len(actions)
        for k in range(len(actions) - 1):
            checked += 1
            mismatches += mine[k][1] != actions[k + 1]
    expect(mismatches == 0, SARSA_HINT,
           f"In {mismatches} of {checked} steps the next_action given to sarsa_update was not the action then taken: "
           "choose next_action before the update and continue with it.")
    expect(np.mean(returns[-50:]) > 0.5, SARSA_HINT,
           f"The last 50 training episodes reached the goal {np.mean(returns[-50:]):.0%} of the time.")
    expect(evaluate_greedy(env, lambda s: agent.act(s), episodes=5) == 1.0, SARSA_HINT,
           "The greedy policy learnt by SARSA does not reach the goal of the grid world.")

    # Without an epsilon schedule, train_sarsa explores as train_q_learning does.
    seen: list[float] = []
    real_act = QLearningAgent.act
    monkeypatch.setattr(QLearningAgent, "act", lambda self, state, epsilon=0.0: seen.append(epsilon) or real_act(self, state, epsilon))
    call(SARSA_HINT, train_sarsa, GridWorld(), episodes=12, seed=0)
    default = ExponentialEpsilon(decay=12 / 5)
    expect(seen and seen[0] == pytest.approx(default(0)) and seen[-1] == pytest.approx(default(11)), SARSA_HINT,
           f"Without epsilon, the first and last exploration rates were {seen[:1]} and {seen[-1:]}, not "
           f"{default(0):.3f} and {default(11):.4f}: default to ExponentialEpsilon(decay=episodes / 5), per episode.")


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
    agent = DQNAgent(obs_dim=2, n_actions=3, gamma=0.5, hidden=4, double=True)
    # They disagree on the best action: online picks 1, the target prefers 0; action 2 is nobody's best.
    agent.q, agent.target = FixedQ([1.0, 3.0, 2.0]), FixedQ([5.0, 2.0, 4.0])
    rewards, next_states, dones = torch.tensor([1.0, 1.0]), torch.zeros(2, 2), torch.tensor([0.0, 1.0])
    target = call(DOUBLE_HINT, agent.td_target, rewards, next_states, dones)
    expect(tuple(target.shape) == (2,), DOUBLE_HINT,
           f"td_target of a batch of 2 has the shape {tuple(target.shape)}, not (2,): one target per transition.")
    expect(torch.allclose(target, torch.tensor([1.0 + 0.5 * 2.0, 1.0])), DOUBLE_HINT,
           f"Online Q [1, 3, 2] picks action 1, the target net values it 2.0: expected [2.0, 1.0] (the second "
           f"transition is done), got {target.tolist()}.")
    agent.double = False
    plain = call(DOUBLE_HINT, agent.td_target, rewards, next_states, dones)
    expect(tuple(plain.shape) == (2,), DOUBLE_HINT,
           f"With double=False td_target of a batch of 2 has the shape {tuple(plain.shape)}, not (2,).")
    expect(torch.allclose(plain, torch.tensor([1.0 + 0.5 * 5.0, 1.0])), DOUBLE_HINT,
           f"With double=False td_target gave {plain.tolist()}, not plain DQN's [3.5, 1.0] (max over the target network).")
    real = DQNAgent(obs_dim=2, n_actions=2, hidden=8, double=True, seed=0)
    buffer = ReplayBuffer(capacity=32, obs_dim=2, seed=0)
    for i in range(32):
        buffer.add([i / 32, 1.0], i % 2, 1.0, [(i + 1) / 32, 1.0], done=i == 31)
    loss = call(DOUBLE_HINT, real.train_step, buffer, batch_size=16)
    expect(np.isfinite(loss), DOUBLE_HINT, f"train_step with double=True gave the loss {loss}.")


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
    target_params = list(agent.target.parameters())
    call(SOFT_HINT, agent.soft_update, 0.1)
    for name, p in agent.target.named_parameters():
        expect(torch.allclose(p, torch.full_like(p, 0.1)), SOFT_HINT,
               f"After soft_update(0.1) from target 0 towards online 1, target {name} holds {p.flatten()[0].item():.3f}, "
               "not 0.1.")
    expect(all(a is b for a, b in zip(target_params, agent.target.parameters())), SOFT_HINT,
           "soft_update replaced the target's parameters: change them in place (the optimizer and callers keep them).")
    for name, p in agent.q.named_parameters():
        expect(torch.allclose(p, torch.ones_like(p)), SOFT_HINT, f"soft_update changed the online network's {name}.")
    agent.soft_update(0.1)
    first = next(agent.target.parameters()).flatten()[0].item()
    expect(first == pytest.approx(0.19), SOFT_HINT,
           f"A second soft_update(0.1) left the target at {first:.4f}, not 0.19 (a further 10% of the way).")
    agent.soft_update()
    first = next(agent.target.parameters()).flatten()[0].item()
    expect(first == pytest.approx(0.19 + 0.005 * 0.81), SOFT_HINT,
           f"soft_update() without tau left the target at {first:.5f}, not {0.19 + 0.005 * 0.81:.5f} (tau = 0.005).")


SAVE_HINT = (
    "Implement DQNAgent.save and DQNAgent.load in dqn.py: save the online network's state_dict with the sizes "
    "(obs_dim, n_actions, hidden) to rebuild it, then load them into a new agent."
)


def test_save_and_load_the_network(tmp_path) -> None:
    agent = DQNAgent(obs_dim=4, n_actions=3, hidden=16, seed=3)
    with torch.no_grad():  # the online network has moved on since the last sync of the target
        for p in agent.q.parameters():
            p.add_(0.5)
    path = tmp_path / "models" / "run" / "cartpole_dqn.pt"  # the folders do not exist yet
    returned = call(SAVE_HINT, agent.save, path)
    expect(path.is_file(), SAVE_HINT, f"Nothing was written to {path.name}: create its parent folders first.")
    expect(returned is not None and Path(returned) == path, SAVE_HINT, f"save returned {returned!r}, not the path.")
    call(SAVE_HINT, agent.save, path)  # saving again into the same folder works too
    as_text = tmp_path / "other" / "agent.pt"
    call(SAVE_HINT, agent.save, str(as_text))  # a path given as a string, as the signature allows
    expect(as_text.is_file(), SAVE_HINT, f"save({str(as_text)!r}) wrote nothing: accept a str path as well as a Path.")
    loaded = call(SAVE_HINT, DQNAgent.load, path)
    expect(isinstance(loaded, DQNAgent), SAVE_HINT, f"load returned {type(loaded).__name__}, not a DQNAgent.")
    expect((loaded.obs_dim, loaded.n_actions, loaded.hidden) == (4, 3, 16), SAVE_HINT,
           f"The loaded agent has obs_dim, n_actions, hidden = {(loaded.obs_dim, loaded.n_actions, loaded.hidden)}, "
           "not (4, 3, 16).")
    states = torch.as_tensor(np.random.default_rng(0).normal(size=(8, 4)), dtype=torch.float32)
    with torch.no_grad():
        expect(torch.allclose(loaded.q(states), agent.q(states)), SAVE_HINT,
               "The loaded network gives other Q-values than the saved agent's online network.")
        expect(torch.allclose(loaded.target(states), agent.q(states)), SAVE_HINT,
               "The loaded agent's target network differs from its online network: sync it after loading.")
