"""Checks for the TODO steps of the README's "The work" list, against NumPy and exact answers.

Run them with ``pytest checks``. Each one fails with a hint until its step is done; plain
``pytest`` runs only the tests of the parts that were done for you.
"""

import math
import traceback
from pathlib import Path

import numpy as np
import pytest

from mathlab import calculus, matrices, probability, regression, statistics, vectors
from mathlab.eigen import power_iteration


def expect(condition: bool, hint: str, detail: str = "") -> None:
    """Fail with the hint as the first line (and what was seen after it), without a traceback."""
    if not condition:
        pytest.fail(hint + (f"\n{detail}" if detail else ""), pytrace=False)


PROJECT = Path(__file__).resolve().parents[1]


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


def attempt(hint, fn, *args, **kwargs):
    """Call the learner's function; if it raises, fail with the hint, what was raised and where."""
    try:
        return fn(*args, **kwargs)
    except Exception as exc:  # a TODO still in place, or a bug on the way to the answer
        problem = f"{type(exc).__name__}: {exc}{learner_frame(exc.__traceback__)}"
    # failing outside the except block keeps the learner's traceback out of the message
    pytest.fail(f"{hint}\n(it raised {problem})", pytrace=False)


def expect_raises(error, hint: str, detail: str, fn, *args) -> None:
    """The learner's function must raise ``error`` for this input."""
    try:
        result = fn(*args)
    except error:
        return
    except Exception as exc:  # raised something, but not what the docstring asks for
        detail = f"{detail}\n(it raised {type(exc).__name__}: {exc}{learner_frame(exc.__traceback__)})"
    else:
        detail = f"{detail}\n(it returned {show(result)})"
    pytest.fail(f"{hint}\n{detail}", pytrace=False)


def close(a, b, **tolerance) -> bool:
    try:
        return bool(np.allclose(np.asarray(a, dtype=float), np.asarray(b, dtype=float), **tolerance))
    except (TypeError, ValueError):  # a wrong shape or type is simply "not close"
        return False


def show(value, digits: int = 6) -> str:
    """A value as the failure message shows it: ``digits`` significant digits, arrays on one line."""
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        return repr(value)
    if array.ndim == 0:
        return f"{float(array):.{digits}g}"
    return "[" + ", ".join(show(item, digits) for item in array) + "]"


rng = np.random.default_rng(42)
A3 = rng.normal(size=(3, 3))
B3 = rng.normal(size=(3, 2))
a, b = rng.normal(size=5), rng.normal(size=5)
x = rng.normal(10, 2, size=200)
y = 0.5 * x + rng.normal(size=200)


HINT_VECTORS = "Step 1: write norm, cosine_similarity and project in src/mathlab/vectors.py with dot, scale and math.sqrt."


def test_vectors() -> None:
    got = attempt(HINT_VECTORS, vectors.norm, [3, 4])
    expect(close(got, 5), HINT_VECTORS, f"norm([3, 4]) is {show(got)}, expected 5 (√(3² + 4²)).")
    got = attempt(HINT_VECTORS, vectors.norm, a)
    expect(close(got, np.linalg.norm(a)), HINT_VECTORS, f"norm(a) is {show(got)}, np.linalg.norm(a) is {show(np.linalg.norm(a))}.")
    cosine = np.dot(a, b) / np.linalg.norm(a) / np.linalg.norm(b)
    got = attempt(HINT_VECTORS, vectors.cosine_similarity, a, b)
    expect(close(got, cosine), HINT_VECTORS, f"cosine_similarity(a, b) is {show(got)}, expected a·b / (‖a‖‖b‖) = {show(cosine)}.")
    got = attempt(HINT_VECTORS, vectors.angle_between, [1, 0], [0, 2])
    expect(close(got, 90), HINT_VECTORS, f"[1, 0] and [0, 2] should be 90° apart; angle_between says {show(got)}°.")
    got = attempt(HINT_VECTORS, vectors.cosine_similarity, [3, 4], [0, 1])
    expect(close(got, 0.8), HINT_VECTORS, f"cosine_similarity([3, 4], [0, 1]) is 4 / (5 · 1) = 0.8; got {show(got)}.")
    for zero_first in (True, False):
        pair = ([0, 0], [1, 1]) if zero_first else ([1, 1], [0, 0])
        expect_raises(ValueError, HINT_VECTORS, f"cosine_similarity({pair[0]}, {pair[1]}) must raise ValueError: a zero vector has no direction.",
                      vectors.cosine_similarity, *pair)
    p = attempt(HINT_VECTORS, vectors.project, a, b)
    expected = np.dot(a, b) / np.dot(b, b) * b
    expect(close(p, expected), HINT_VECTORS, f"project(a, b) is {show(p)}, expected (a·b / b·b) b = {show(expected)}.")
    residual = np.dot(a - np.asarray(p, dtype=float), b)
    expect(abs(residual) < 1e-10, HINT_VECTORS, f"a − project(a, b) must be orthogonal to b; its dot product with b is {residual:.3g}.")
    got = attempt(HINT_VECTORS, vectors.project, [2, 3], [1, 0])
    expect(close(got, [2, 0]), HINT_VECTORS, f"project([2, 3], [1, 0]) is [2, 0]; got {show(got)}.")
    expect_raises(ValueError, HINT_VECTORS, "project([1, 2], [0, 0]) must raise ValueError: there is no direction to project onto.", vectors.project, [1, 2], [0, 0])


HINT_MATRICES = (
    "Step 2: write matmul, determinant (elimination with row swaps) and inverse (Gauss–Jordan) "
    "in src/mathlab/matrices.py; raise ValueError for mismatched shapes and singular matrices."
)


def test_matrices() -> None:
    got = attempt(HINT_MATRICES, matrices.matmul, A3, B3)
    expect(close(got, A3 @ B3), HINT_MATRICES, f"matmul(A, B) of a 3×3 by a 3×2 matrix is {show(got)}, A @ B is {show(A3 @ B3)}.")
    # A wide matrix times a tall one: every loop bound (rows, inner, columns) is a different number.
    wide, tall = np.arange(6.0).reshape(2, 3), np.arange(12.0).reshape(3, 4) - 5
    got = attempt(HINT_MATRICES, matrices.matmul, wide, tall)
    expect(close(got, wide @ tall), HINT_MATRICES,
           f"matmul of a 2×3 by a 3×4 matrix is {show(got)}, expected the 2×4 matrix {show(wide @ tall)}: the sum runs over the 3 inner terms.")
    got = attempt(HINT_MATRICES, matrices.matmul, [[1, 2]], [[3], [4]])
    expect(close(got, [[11]]), HINT_MATRICES, f"matmul([[1, 2]], [[3], [4]]) — nested lists — is [[11]]; got {show(got)}.")
    expect_raises(ValueError, HINT_MATRICES, "matmul of a 3×2 by a 3×2 matrix must raise ValueError (the inner dimensions differ).", matrices.matmul, B3, B3)
    got = attempt(HINT_MATRICES, matrices.determinant, A3)
    expect(close(got, np.linalg.det(A3)), HINT_MATRICES, f"determinant(A) is {show(got)}, np.linalg.det(A) is {show(np.linalg.det(A3))}.")
    got = attempt(HINT_MATRICES, matrices.determinant, [[0, 1], [1, 0]])
    expect(close(got, -1), HINT_MATRICES, f"det [[0, 1], [1, 0]] is −1 (one row swap flips the sign); got {show(got)}.")
    for singular in ([[1, 2], [2, 4]], [[1, 2, 3], [2, 4, 7], [3, 6, 1]]):
        got = attempt(HINT_MATRICES, matrices.determinant, singular)
        expect(close(got, 0), HINT_MATRICES, f"The singular matrix {singular} has determinant 0; got {show(got)} (a column with no non-zero pivot means det = 0).")
    got = attempt(HINT_MATRICES, matrices.inverse, A3)
    expect(close(got, np.linalg.inv(A3), atol=1e-10), HINT_MATRICES, f"inverse(A) is {show(got)}, np.linalg.inv(A) is {show(np.linalg.inv(A3))}.")
    got = attempt(HINT_MATRICES, matrices.inverse, [[0, 1], [1, 0]])
    expect(close(got, [[0, 1], [1, 0]]), HINT_MATRICES, f"inverse([[0, 1], [1, 0]]) is [[0, 1], [1, 0]] (it needs a row swap); got {show(got)}.")
    expect_raises(ValueError, HINT_MATRICES, "inverse of the singular [[1, 2], [2, 4]] must raise ValueError.", matrices.inverse, [[1, 2], [2, 4]])
    # Elimination leaves a pivot of about 1e-16 here, not exactly 0: a float is "~0", never "== 0".
    expect_raises(ValueError, HINT_MATRICES, "inverse of the singular [[1, 2, 3], [4, 5, 6], [7, 8, 9]] must raise ValueError: "
                  "rounding leaves a pivot near 1e-16, so test abs(pivot) < a small tolerance, not pivot == 0.",
                  matrices.inverse, [[1, 2, 3], [4, 5, 6], [7, 8, 9]])


HINT_EIGEN = (
    "Step 3: write power_iteration in src/mathlab/eigen.py — repeat v ← A v / ‖A v‖, then return "
    "λ = vᵀ A v and the unit vector v."
)


def test_power_iteration() -> None:
    # The second matrix's dominant eigenvalue is negative: ‖A v‖ is |λ|, only vᵀ A v keeps the sign.
    # The third is diagonal: a start along an axis other than the last one never finds it.
    for S in (np.array([[2.0, 1.0], [1.0, 3.0]]), np.array([[1.0, 2.0], [2.0, -3.0]]), np.diag([2.0, 1.0, 3.0])):
        lam, v = attempt(HINT_EIGEN, power_iteration, S.tolist())
        values, vecs = np.linalg.eigh(S)
        dominant = int(np.argmax(np.abs(values)))
        expect(close(lam, values[dominant], rtol=1e-6), HINT_EIGEN,
               f"For A = {S.tolist()}: λ = {show(lam)}, but the dominant eigenvalue is {values[dominant]:.6f}.")
        length = float(np.linalg.norm(np.asarray(v, dtype=float)))
        expect(close(length, 1, rtol=1e-6), HINT_EIGEN, f"For A = {S.tolist()}: v = {show(v)} has length {length:.6g}, not 1.")
        expect(close(abs(np.dot(v, vecs[:, dominant])), 1, rtol=1e-6), HINT_EIGEN,
               f"For A = {S.tolist()}: v = {show(v)} is not the eigenvector {show(vecs[:, dominant])} of the dominant eigenvalue (up to sign).")
    # Every A v of a rank-one matrix points along its one column: a single step already finds it.
    lam, v = attempt(HINT_EIGEN, power_iteration, [[1.0, 1.0], [1.0, 1.0]], iterations=1)
    expect(close(lam, 2) and close(np.abs(v), [0.5**0.5, 0.5**0.5]), HINT_EIGEN,
           f"power_iteration([[1, 1], [1, 1]], iterations=1) should do one step v ← A v / ‖A v‖, which lands on ±(0.7071, 0.7071) with λ = 2; got λ = {show(lam)}, v = {show(v)}.")


HINT_SIMULATION = (
    "Step 4: write prob_dice_sum and prob_shared_birthday in src/mathlab/probability.py by "
    "simulation (simulate_dice, estimate_probability, random birthdays)."
)


def test_dice_and_birthday() -> None:
    dice = attempt(HINT_SIMULATION, probability.prob_dice_sum, 7)
    expect(close(dice, 6 / 36, atol=0.005), HINT_SIMULATION, f"P(two dice sum to 7) is 6/36 = 0.1667; got {show(dice)}.")
    three = attempt(HINT_SIMULATION, probability.prob_dice_sum, 10, n_dice=3)
    expect(close(three, 27 / 216, atol=0.005), HINT_SIMULATION, f"P(three dice sum to 10) is 27/216 = 0.125; got {show(three)}: roll n_dice dice, not always two.")
    # Small years show an off-by-one in the days drawn: with 2 days, 2 people share one half the time.
    for people, days in ((23, 365), (40, 365), (2, 2), (3, 3)):
        exact = 1 - math.prod((days - k) / days for k in range(people))
        birthday = attempt(HINT_SIMULATION, probability.prob_shared_birthday, people, days=days)
        expect(close(birthday, exact, atol=0.02), HINT_SIMULATION,
               f"For {people} people in a year of {days} days the exact answer is {exact:.3f}; got {show(birthday)} (are all {days} days drawn, each equally likely?).")


HINT_NORMAL = "Step 5: write normal_pdf in src/mathlab/probability.py: 1/(σ√(2π)) · exp(−(x − μ)² / (2σ²)), element-wise."


def reference_normal_pdf(x, mu, sigma):
    return np.exp(-((x - mu) ** 2) / (2 * sigma**2)) / (sigma * math.sqrt(2 * math.pi))


def test_normal_pdf() -> None:
    got = attempt(HINT_NORMAL, probability.normal_pdf, 0.0)
    expect(close(got, 1 / math.sqrt(2 * math.pi)), HINT_NORMAL, f"The standard normal density at 0 is 1/√(2π) = 0.398942; got {show(got)}.")
    got = attempt(HINT_NORMAL, probability.normal_pdf, [0.0, 1.0])
    expect(close(got, reference_normal_pdf(np.array([0.0, 1.0]), 0, 1)), HINT_NORMAL, f"normal_pdf([0.0, 1.0]) — a list — is [0.398942, 0.241971]; got {show(got)}.")
    grid = np.linspace(-20, 20, 40_001)
    density = np.asarray(attempt(HINT_NORMAL, probability.normal_pdf, grid, 1.0, 1.5), dtype=float)
    expect(density.shape == grid.shape, HINT_NORMAL, f"normal_pdf must work on a whole array at once: {grid.shape[0]} points gave shape {density.shape}.")
    # σ = 1.5, not 2: with σ = 2, σ² and 2σ are the same number.
    expected = reference_normal_pdf(grid, 1.0, 1.5)
    worst = int(np.argmax(np.abs(density - expected)))
    expect(close(density, expected, rtol=1e-6, atol=1e-12), HINT_NORMAL,
           f"The density of N(μ=1, σ=1.5) at x = {grid[worst]:g} is {expected[worst]:.6g}; got {density[worst]:.6g}.")
    area = float(np.sum((density[1:] + density[:-1]) / 2 * np.diff(grid)))  # trapezoid rule
    expect(close(area, 1, atol=1e-6), HINT_NORMAL, f"The density of N(1, 1.5²) should integrate to 1; got {area:.6f}.")


HINT_STATISTICS = (
    "Step 6: write variance, covariance, correlation and covariance_matrix in "
    "src/mathlab/statistics.py with mean and loops (mind ddof)."
)


def test_statistics() -> None:
    small = [2, 4, 4, 4, 5, 5, 7, 9]
    got = attempt(HINT_STATISTICS, statistics.variance, small)
    expect(close(got, 4), HINT_STATISTICS, f"variance({small}) is 4 (Σ(xᵢ − 5)² / 8 = 32 / 8); got {show(got)}.")
    for ddof in (0, 1):
        got = attempt(HINT_STATISTICS, statistics.variance, x, ddof=ddof)
        expect(close(got, np.var(x, ddof=ddof)), HINT_STATISTICS, f"variance(x, ddof={ddof}) is {show(got)}, np.var(x, ddof={ddof}) is {show(np.var(x, ddof=ddof))}: divide by n − ddof.")
    got = attempt(HINT_STATISTICS, statistics.covariance, x, y)
    expect(close(got, np.cov(x, y)[0, 1]), HINT_STATISTICS, f"covariance(x, y) is {show(got)}, np.cov(x, y)[0, 1] is {show(np.cov(x, y)[0, 1])}.")
    got = attempt(HINT_STATISTICS, statistics.covariance, x, y, ddof=0)
    expected = np.cov(x, y, ddof=0)[0, 1]
    expect(close(got, expected), HINT_STATISTICS, f"covariance(x, y, ddof=0) is {show(got)}, np.cov(x, y, ddof=0)[0, 1] is {show(expected)}: divide by n − ddof.")
    got = attempt(HINT_STATISTICS, statistics.correlation, x, y)
    expect(close(got, np.corrcoef(x, y)[0, 1]), HINT_STATISTICS,
           f"correlation(x, y) is {show(got)}, np.corrcoef(x, y)[0, 1] is {show(np.corrcoef(x, y)[0, 1])} (the same ddof in the covariance and both variances).")
    got = attempt(HINT_STATISTICS, statistics.correlation, x, -3 * x + 1)
    expect(close(got, -1), HINT_STATISTICS, f"A falling straight line has correlation −1; got {show(got)}.")
    X = np.column_stack([x, y, np.random.default_rng(1).normal(size=200)])
    got = attempt(HINT_STATISTICS, statistics.covariance_matrix, X)
    expect(close(got, np.cov(X, rowvar=False)), HINT_STATISTICS,
           f"covariance_matrix(X) of a 200×3 X is {show(got)}, np.cov(X, rowvar=False) is {show(np.cov(X, rowvar=False))}.")
    got = attempt(HINT_STATISTICS, statistics.covariance_matrix, [[1, 2], [3, 1], [5, 6]])
    expect(close(got, [[4, 4], [4, 7]]), HINT_STATISTICS, f"covariance_matrix([[1, 2], [3, 1], [5, 6]]) — nested lists — is [[4, 4], [4, 7]]; got {show(got)}.")
    got = attempt(HINT_STATISTICS, statistics.covariance_matrix, X, ddof=0)
    expect(close(got, np.cov(X, rowvar=False, ddof=0)), HINT_STATISTICS,
           f"covariance_matrix(X, ddof=0) is {show(got)}, np.cov(X, rowvar=False, ddof=0) is {show(np.cov(X, rowvar=False, ddof=0))}.")


HINT_GRADIENT = "Step 7: write numerical_gradient in src/mathlab/calculus.py: one central difference per coordinate, on a copy of x."


def test_numerical_gradient() -> None:
    f = lambda v: float(np.sum(v**2) + 3 * v[0] * v[1])  # noqa: E731
    v = np.array([1.0, -2.0, 0.5])
    expected = 2 * v + np.array([3 * v[1], 3 * v[0], 0.0])
    got = attempt(HINT_GRADIENT, calculus.numerical_gradient, f, v)
    expect(v.tolist() == [1.0, -2.0, 0.5], HINT_GRADIENT, f"numerical_gradient changed the x it was given from [1.0, -2.0, 0.5] to {v.tolist()}: nudge a copy.")
    expect(close(got, expected, rtol=1e-6), HINT_GRADIENT,
           f"The gradient of Σxᵢ² + 3x₀x₁ at (1, −2, 0.5) is {show(expected)}; got {show(got, 10)}.")
    cubic = lambda v: float(np.sum(v**3))  # noqa: E731
    got = attempt(HINT_GRADIENT, calculus.numerical_gradient, cubic, [2.0, -1.0], h=1e-4)
    expect(close(got, [12.0, 3.0], rtol=1e-7), HINT_GRADIENT,
           f"The gradient of x₀³ + x₁³ at (2, −1) with h = 1e-4 should be within 1e-7 of (12, 3) — a central difference's error shrinks like h²; got {show(got, 10)}.")


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
        expected = reference_mse_gradient(xs, ys, w, b)
        expect(close(got, expected), HINT_DESCENT, f"At w={w}, b={b} the gradient (∂L/∂w, ∂L/∂b) is {show(got)}; expected {show(expected)}.")
    xs, ys = regression.make_line_data(n=200, seed=3)
    w, b, _ = attempt(HINT_DESCENT, regression.gradient_descent, xs, ys, lr=0.1, epochs=300)
    expect(close([w, b], [3.0, -1.0], atol=0.1), HINT_DESCENT, f"Gradient descent ended at w={w:.3f}, b={b:.3f}; the data follow w=3, b=−1.")
