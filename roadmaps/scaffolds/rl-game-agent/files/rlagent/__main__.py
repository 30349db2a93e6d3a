"""``python -m rlagent qlearning`` or ``python -m rlagent dqn`` (see ``--help``)."""
from __future__ import annotations

import argparse

try:
    import gymnasium as gym
except ImportError as exc:  # the games come from Gymnasium; the rest of the package works without it
    raise SystemExit(f"{exc}. Run: pip install -r requirements.txt") from exc

from .dqn import train_dqn
from .plotting import save_training_curve
from .qlearning import evaluate_greedy, train_q_learning


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="rlagent", description="Train RL agents on Gymnasium games")
    sub = parser.add_subparsers(dest="algo", required=True)
    q = sub.add_parser("qlearning", help="tabular Q-learning (discrete states)")
    q.add_argument("--env", default="FrozenLake-v1")
    q.add_argument("--slippery", action="store_true", help="FrozenLake only: stochastic moves")
    q.add_argument("--episodes", type=int, default=2000)
    q.add_argument("--alpha", type=float, default=0.1)
    q.add_argument("--gamma", type=float, default=0.99)
    d = sub.add_parser("dqn", help="Deep Q-Network (vector observations)")
    d.add_argument("--env", default="CartPole-v1")
    d.add_argument("--steps", type=int, default=30_000)
    d.add_argument("--lr", type=float, default=1e-3)
    for p in (q, d):
        p.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    if args.algo == "qlearning":
        kwargs = {"is_slippery": args.slippery} if args.env.startswith("FrozenLake") else {}
        env = gym.make(args.env, **kwargs)
        agent, returns = train_q_learning(env, args.episodes, args.alpha, args.gamma, seed=args.seed)
        score = evaluate_greedy(env, lambda s: agent.act(s))
        print(f"greedy mean return over 100 episodes: {score:.3f}")
        print("greedy action per state:\n", agent.q.argmax(axis=1))
    else:
        env = gym.make(args.env)
        agent, returns, losses = train_dqn(env, args.steps, lr=args.lr, seed=args.seed)
        score = evaluate_greedy(env, lambda s: agent.act(s), episodes=20)
        print(f"{len(returns)} training episodes; greedy mean return over 20 episodes: {score:.1f}")
    print("curve ->", save_training_curve(returns, f"outputs/{args.algo}_{args.env}.png", f"{args.algo} on {args.env}"))
    env.close()


if __name__ == "__main__":
    main()
