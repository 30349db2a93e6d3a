"""Checks for the TODO steps of the README's "The work" list, against NumPy and exact answers.

Run them with ``pytest checks``. Each one fails with a hint until its step is done; plain
``pytest`` runs only the tests of the parts that were done for you.
"""

import math

import numpy as np
import pytest

from mathlab import calculus, matrices, probability, regression, statistics, vectors
from mathlab.eigen import power_iteration


def expect(condition: bool, hint: str, detail: str = "") -> None:
    """Fail with the hint as the first line (and what was seen after it), without a traceback."""
    if not condition:
        pytest.fail(hint + (f"\n{detail}" if detail else ""), pytrace=False)


def attempt(hint, fn, *args, **kwargs):
    """Call the learner's code; if it raises, fail with the hint instead of a traceback."""
    try:
        return fn(*args, **kwargs)
    except Exception as exc:  # a TODO still in place, or a bug on the way to the answer
        problem = f"{type(exc).__name__}: {exc}"
    # failing outside the except block keeps the learner's traceback out of the message
    pytest.fail(f"{hint}\n(it raised {problem})", pytrace=False)


def expect_raises(error, hint: str, detail: str, fn, *args) -> None:
    """The learner's function must raise ``error`` for this input."""
    try:
        fn(*args)
    except error:
        return
    except Exception as exc:  # raised something, but not what the docstring asks for
        detail = f"{detail} (it raised {type(exc).__name__}: {exc})"
    pytest.fail(f"{hint}\n{detail}", pytrace=False)


def close(a, b, **tolerance) -> bool:
    try:
        return bool(np.allclose(np.asarray(a, dtype=float), np.asarray(b, dtype=float), **tolerance))
    except (TypeError, ValueError):  # a wrong shape or type is simply "not close"
        return False


rng = np.random.default_rng(42)
A3 = rng.normal(size=(3, 3))
B3 = rng.normal(size=(3, 2))
a, b = rng.normal(size=5), rng.normal(size=5)
x = rng.normal(10, 2, size=200)
y = 0.5 * x + rng.normal(size=200)


HINT_VECTORS = "Step 1: write norm, cosine_similarity and project in src/mathlab/vectors.py with dot, scale and math.sqrt."


def test_vectors() -> None:
    expect(close(attempt(HINT_VECTORS, vectors.norm, a), np.linalg.norm(a)), HINT_VECTORS, "norm(a) differs from np.linalg.norm(a).")
    cosine = np.dot(a, b) / np.linalg.norm(a) / np.linalg.norm(b)
    expect(close(attempt(HINT_VECTORS, vectors.cosine_similarity, a, b), cosine), HINT_VECTORS, "cosine_similarity(a, b) is wrong.")
    expect(close(attempt(HINT_VECTORS, vectors.angle_between, [1, 0], [0, 2]), 90), HINT_VECTORS, "[1, 0] and [0, 2] should be 90° apart.")
    expect_raises(ValueError, HINT_VECTORS, "cosine_similarity must raise ValueError for a zero vector.", vectors.cosine_similarity, [0, 0], [1, 1])
    p = attempt(HINT_VECTORS, vectors.project, a, b)
    expect(close(p, np.dot(a, b) / np.dot(b, b) * b), HINT_VECTORS, "project(a, b) should be (a·b / b·b) b.")
    expect(abs(np.dot(a - np.asarray(p, dtype=float), b)) < 1e-10, HINT_VECTORS, "a − project(a, b) must be orthogonal to b.")


HINT_MATRICES = (
    "Step 2: write matmul, determinant (elimination with row swaps) and inverse (Gauss–Jordan) "
    "in src/mathlab/matrices.py; raise ValueError for mismatched shapes and singular matrices."
)


def test_matrices() -> None:
    expect(close(attempt(HINT_MATRICES, matrices.matmul, A3, B3), A3 @ B3), HINT_MATRICES, "matmul(A, B) differs from A @ B.")
    expect_raises(ValueError, HINT_MATRICES, "matmul of a 3×2 by a 3×2 matrix must raise ValueError.", matrices.matmul, B3, B3)
    expect(close(attempt(HINT_MATRICES, matrices.determinant, A3), np.linalg.det(A3)), HINT_MATRICES, "determinant(A) differs from np.linalg.det(A).")
    expect(close(attempt(HINT_MATRICES, matrices.determinant, [[0, 1], [1, 0]]), -1), HINT_MATRICES, "det [[0, 1], [1, 0]] is −1: it needs a row swap.")
    expect(close(attempt(HINT_MATRICES, matrices.determinant, [[1, 2], [2, 4]]), 0), HINT_MATRICES, "A singular matrix has determinant 0.")
    expect(close(attempt(HINT_MATRICES, matrices.inverse, A3), np.linalg.inv(A3), atol=1e-10), HINT_MATRICES, "inverse(A) differs from np.linalg.inv(A).")
    expect(close(attempt(HINT_MATRICES, matrices.inverse, [[0, 1], [1, 0]]), [[0, 1], [1, 0]]), HINT_MATRICES, "inverse([[0, 1], [1, 0]]) needs a row swap.")
    expect_raises(ValueError, HINT_MATRICES, "inverse of a singular matrix must raise ValueError.", matrices.inverse, [[1, 2], [2, 4]])


HINT_EIGEN = (
    "Step 3: write power_iteration in src/mathlab/eigen.py — repeat v ← A v / ‖A v‖, then return "
    "λ = vᵀ A v and the unit vector v."
)


def test_power_iteration() -> None:
    S = np.array([[2.0, 1.0], [1.0, 3.0]])
    lam, v = attempt(HINT_EIGEN, power_iteration, S)
    values, vecs = np.linalg.eigh(S)
    expect(close(lam, values[-1], rtol=1e-6), HINT_EIGEN, f"λ = {lam}, but the dominant eigenvalue is {values[-1]:.6f}.")
    expect(close(abs(np.dot(v, vecs[:, -1])), 1, rtol=1e-6), HINT_EIGEN, "v is not the unit eigenvector of the dominant eigenvalue (up to sign).")


HINT_SIMULATION = (
    "Step 4: write prob_dice_sum and prob_shared_birthday in src/mathlab/probability.py by "
    "simulation (simulate_dice, estimate_probability, random birthdays)."
)


def test_dice_and_birthday() -> None:
    dice = attempt(HINT_SIMULATION, probability.prob_dice_sum, 7)
    expect(close(dice, 6 / 36, atol=0.005), HINT_SIMULATION, f"P(two dice sum to 7) is 6/36; got {dice}.")
    exact = 1 - math.prod((365 - k) / 365 for k in range(23))
    birthday = attempt(HINT_SIMULATION, probability.prob_shared_birthday, 23)
    expect(close(birthday, exact, atol=0.02), HINT_SIMULATION, f"For 23 people the exact answer is {exact:.3f}; got {birthday}.")


HINT_NORMAL = "Step 5: write normal_pdf in src/mathlab/probability.py: 1/(σ√(2π)) · exp(−(x − μ)² / (2σ²)), element-wise."


def test_normal_pdf() -> None:
    expect(close(attempt(HINT_NORMAL, probability.normal_pdf, 0.0), 1 / math.sqrt(2 * math.pi)), HINT_NORMAL, "The standard normal density at 0 is 1/√(2π).")
    grid = np.linspace(-20, 20, 40_001)
    density = np.asarray(attempt(HINT_NORMAL, probability.normal_pdf, grid, 1.0, 2.0), dtype=float)
    expect(density.shape == grid.shape, HINT_NORMAL, "normal_pdf must work on a whole array at once.")
    area = float(np.sum((density[1:] + density[:-1]) / 2 * np.diff(grid)))  # trapezoid rule
    expect(close(area, 1, atol=1e-6), HINT_NORMAL, f"The density of N(1, 2²) should integrate to 1; got {area:.6f}.")


HINT_STATISTICS = (
    "Step 6: write variance, covariance, correlation and covariance_matrix in "
    "src/mathlab/statistics.py with mean and loops (mind ddof)."
)


def test_statistics() -> None:
    expect(close(attempt(HINT_STATISTICS, statistics.variance, x), np.var(x)), HINT_STATISTICS, "variance(x) differs from np.var(x).")
    expect(close(attempt(HINT_STATISTICS, statistics.variance, x, ddof=1), np.var(x, ddof=1)), HINT_STATISTICS, "variance(x, ddof=1) differs from np.var(x, ddof=1).")
    expect(close(attempt(HINT_STATISTICS, statistics.covariance, x, y), np.cov(x, y)[0, 1]), HINT_STATISTICS, "covariance(x, y) differs from np.cov(x, y)[0, 1].")
    expect(close(attempt(HINT_STATISTICS, statistics.correlation, x, y), np.corrcoef(x, y)[0, 1]), HINT_STATISTICS, "correlation(x, y) differs from np.corrcoef.")
    expect(close(attempt(HINT_STATISTICS, statistics.correlation, x, -3 * x + 1), -1), HINT_STATISTICS, "A falling straight line has correlation −1.")
    X = np.column_stack([x, y, np.random.default_rng(1).normal(size=200)])
    expect(close(attempt(HINT_STATISTICS, statistics.covariance_matrix, X), np.cov(X, rowvar=False)), HINT_STATISTICS,
           "covariance_matrix(X) differs from np.cov(X, rowvar=False).")


HINT_GRADIENT = "Step 7: write numerical_gradient in src/mathlab/calculus.py: one central difference per coordinate, on a copy of x."


def test_numerical_gradient() -> None:
    f = lambda v: float(np.sum(v**2) + 3 * v[0] * v[1])  # noqa: E731
    v = np.array([1.0, -2.0, 0.5])
    expected = 2 * v + np.array([3 * v[1], 3 * v[0], 0.0])
    expect(close(attempt(HINT_GRADIENT, calculus.numerical_gradient, f, v), expected, rtol=1e-6), HINT_GRADIENT,
           "The gradient of Σxᵢ² + 3x₀x₁ at (1, −2, 0.5) is wrong.")
    expect(v.tolist() == [1.0, -2.0, 0.5], HINT_GRADIENT, "numerical_gradient changed the x it was given: nudge a copy.")


def reference_mse_gradient(x, y, w, b):
    r = w * x + b - y
    return float(np.mean(2 * r * x)), float(np.mean(2 * r))


HINT_DESCENT = (
    "Step 8: derive mse_gradient in src/mathlab/regression.py with the chain rule (residual "
    "r = w·x + b − y) and verify it with calculus.check_gradient."
)


def test_mse_gradient_and_descent() -> None:
    xs, ys = regression.make_line_data(n=50, seed=1)
    for w, b in [(0.0, 0.0), (1.5, -2.0)]:
        got = attempt(HINT_DESCENT, regression.mse_gradient, xs, ys, w, b)
        expect(close(got, reference_mse_gradient(xs, ys, w, b)), HINT_DESCENT, f"At w={w}, b={b} the gradient is wrong: {got}.")
    xs, ys = regression.make_line_data(n=200, seed=3)
    w, b, _ = attempt(HINT_DESCENT, regression.gradient_descent, xs, ys, lr=0.1, epochs=300)
    expect(close([w, b], [3.0, -1.0], atol=0.1), HINT_DESCENT, f"Gradient descent ended at w={w:.3f}, b={b:.3f}; the data follow w=3, b=−1.")
