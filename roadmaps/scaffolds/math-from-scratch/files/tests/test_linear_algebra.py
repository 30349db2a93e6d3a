"""Vectors, matrices and eigenvectors, checked against NumPy.

Tests marked ``todo`` are for functions you still have to write: while a function raises
NotImplementedError its test is reported as "xfailed" (expected). Once you implement it the
test really runs: a correct answer shows "xpassed", a wrong one FAILS. When all of a
module's tests xpass, delete the ``@todo`` marks so they count as normal tests.
"""

import numpy as np
import pytest

from mathlab import matrices, vectors
from mathlab.eigen import is_eigenvector, power_iteration

todo = pytest.mark.xfail(raises=NotImplementedError, strict=False, reason="TODO not written yet")

rng = np.random.default_rng(42)
A3 = rng.normal(size=(3, 3))
B3 = rng.normal(size=(3, 2))
a, b = rng.normal(size=5), rng.normal(size=5)


# ---- done parts -------------------------------------------------------------------------
def test_add_scale_dot_match_numpy() -> None:
    np.testing.assert_allclose(vectors.add(a, b), a + b)
    np.testing.assert_allclose(vectors.scale(2.5, a), 2.5 * a)
    assert vectors.dot(a, b) == pytest.approx(np.dot(a, b))
    with pytest.raises(ValueError):
        vectors.dot([1, 2], [1, 2, 3])


def test_identity_and_transpose_match_numpy() -> None:
    np.testing.assert_array_equal(matrices.identity(4), np.eye(4))
    np.testing.assert_array_equal(matrices.transpose(B3), B3.T)


def test_is_eigenvector() -> None:
    assert is_eigenvector([[2, 0], [0, 3]], [0, 1])
    assert not is_eigenvector([[2, 1], [0, 3]], [1, 1.5])


# ---- your TODOs -------------------------------------------------------------------------
@todo
def test_norm_and_cosine() -> None:
    assert vectors.norm(a) == pytest.approx(np.linalg.norm(a))
    assert vectors.cosine_similarity(a, b) == pytest.approx(np.dot(a, b) / np.linalg.norm(a) / np.linalg.norm(b))
    assert vectors.angle_between([1, 0], [0, 2]) == pytest.approx(90)
    with pytest.raises(ValueError):
        vectors.cosine_similarity([0, 0], [1, 1])


@todo
def test_projection_is_orthogonal() -> None:
    p = vectors.project(a, b)
    np.testing.assert_allclose(p, np.dot(a, b) / np.dot(b, b) * b)
    assert np.dot(a - p, b) == pytest.approx(0, abs=1e-10)


@todo
def test_matmul_matches_numpy() -> None:
    np.testing.assert_allclose(matrices.matmul(A3, B3), A3 @ B3)
    with pytest.raises(ValueError):
        matrices.matmul(B3, B3)


@todo
def test_determinant_matches_numpy() -> None:
    assert matrices.determinant(A3) == pytest.approx(np.linalg.det(A3))
    assert matrices.determinant([[0, 1], [1, 0]]) == pytest.approx(-1)  # needs a row swap
    assert matrices.determinant([[1, 2], [2, 4]]) == pytest.approx(0)


@todo
def test_inverse_matches_numpy() -> None:
    np.testing.assert_allclose(matrices.inverse(A3), np.linalg.inv(A3), atol=1e-10)
    np.testing.assert_allclose(matrices.inverse([[0, 1], [1, 0]]), [[0, 1], [1, 0]])
    with pytest.raises(ValueError):
        matrices.inverse([[1, 2], [2, 4]])


@todo
def test_power_iteration_finds_dominant_eigenpair() -> None:
    S = np.array([[2.0, 1.0], [1.0, 3.0]])
    lam, v = power_iteration(S)
    values, vecs = np.linalg.eigh(S)
    assert lam == pytest.approx(values[-1], rel=1e-6)
    assert abs(np.dot(v, vecs[:, -1])) == pytest.approx(1, rel=1e-6)  # same direction, up to sign
