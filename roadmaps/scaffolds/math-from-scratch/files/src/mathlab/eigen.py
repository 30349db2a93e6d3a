"""Eigenvectors (week 2): directions that a matrix only stretches, A v = λ v."""

from __future__ import annotations

import numpy as np


def is_eigenvector(A, v, tol: float = 1e-8) -> bool:
    """True if A v is parallel to v (v ≠ 0)."""
    A, v = np.asarray(A, dtype=float), np.asarray(v, dtype=float)
    Av = A @ v  # (NumPy is fine in the done helpers)
    lam = (Av @ v) / (v @ v)
    return bool(np.allclose(Av, lam * v, atol=tol))


def power_iteration(A, iterations: int = 1000, tol: float = 1e-10, seed: int = 0) -> tuple[float, np.ndarray]:
    """The dominant eigenvalue (largest |λ|) and its unit eigenvector.

    TODO: start from a random vector v; repeat v ← A v / ‖A v‖ until v stops changing
    (or after ``iterations`` steps). Then λ = vᵀ A v (the Rayleigh quotient). Use your
    matrices.matmul / vectors.norm or plain loops. Compare with ``np.linalg.eig``; when
    does power iteration converge slowly?
    """
    raise NotImplementedError("TODO: eigen.power_iteration")
