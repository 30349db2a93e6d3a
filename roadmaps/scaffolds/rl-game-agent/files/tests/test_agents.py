"""Tests for the done parts. Run with: pytest"""
import numpy as np
import pytest

from rlagent.dqn import DQNAgent, train_dqn
from rlagent.plotting import moving_average
from rlagent.qlearning import QLearningAgent, evaluate_greedy, train_q_learning
from rlagent.replay import ReplayBuffer
from rlagent.schedules import ExponentialEpsilon, LinearEpsilon


def test_epsilon_schedules_decay_to_their_floor():
    lin = LinearEpsilon(1.0, 0.1, decay_steps=100)
    assert lin(0) == 1.0 and abs(lin(50) - 0.55) < 1e-9 and lin(10_000) == 0.1
    exp = ExponentialEpsilon(1.0, 0.01, decay=10)
    assert exp(0) == 1.0 and exp(1000) < 0.011


def test_q_update_matches_the_formula():
    agent = QLearningAgent(n_states=2, n_actions=2, alpha=0.5, gamma=0.9)
    agent.q[1] = [1.0, 2.0]
    agent.update(0, 1, reward=1.0, next_state=1, terminated=False)
    assert agent.q[0, 1] == 0.5 * (1.0 + 0.9 * 2.0)
    agent.update(0, 0, reward=1.0, next_state=1, terminated=True)   # no bootstrap at the end
    assert agent.q[0, 0] == 0.5


def test_q_learning_solves_deterministic_frozenlake():
    gym = pytest.importorskip("gymnasium", reason="gymnasium is not installed: pip install -r requirements.txt")
    env = gym.make("FrozenLake-v1", is_slippery=False)
    agent, returns = train_q_learning(env, episodes=600, alpha=0.5, gamma=0.95, seed=0)
    assert len(returns) == 600
    assert evaluate_greedy(env, lambda s: agent.act(s), episodes=10) == 1.0


def test_replay_buffer_wraps_around_and_samples_batches():
    buf = ReplayBuffer(capacity=5, obs_dim=2, seed=0)
    for i in range(8):
        buf.add([i, i], i % 2, 1.0, [i + 1, i + 1], done=i == 7)
    assert len(buf) == 5 and buf.states[:, 0].min() == 3      # oldest entries overwritten
    batch = buf.sample(4)
    assert batch.states.shape == (4, 2) and batch.actions.dtype == np.int64


def test_dqn_runs_a_short_cartpole_training():
    gym = pytest.importorskip("gymnasium", reason="gymnasium is not installed: pip install -r requirements.txt")
    env = gym.make("CartPole-v1")
    agent, returns, losses = train_dqn(env, total_steps=400, learning_starts=100, batch_size=32, seed=0)
    assert isinstance(agent, DQNAgent) and len(returns) > 0
    assert len(losses) == 300 and np.isfinite(losses).all()
    assert agent.act(np.zeros(4, np.float32)) in (0, 1)


def test_moving_average():
    assert np.allclose(moving_average([1, 2, 3, 4], window=2), [1, 1.5, 2.5, 3.5])


# TODO: once Double DQN is in, add a test that `train_step` gives a different target from
#       plain DQN on a hand-made batch where the online and target networks disagree.
