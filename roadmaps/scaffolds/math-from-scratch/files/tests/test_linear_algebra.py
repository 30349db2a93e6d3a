"""Vectors, matrices and eigenvectors, checked against NumPy.

These test the done parts; the checks of your TODO functions are in ``checks/test_steps.py``
(``pytest checks``): each fails with a hint until the function is written and matches NumPy.
"""

import numpy as np
import pytest

from mathlab import matrices, vectors
from mathlab.eigen import is_eigenvector

rng = np.random.default_rng(42)
B3 = rng.normal(size=(3, 2))
a, b = rng.normal(size=5), rng.normal(size=5)


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

