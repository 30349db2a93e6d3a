"""Vector operations (week 2: scalars, vectors; dot product, norms, projections)."""

from __future__ import annotations

import math

import numpy as np

Vector = np.ndarray  # 1-D array of floats


def as_vector(values) -> Vector:
    """Turn a list (or array) into a 1-D float array."""
    v = np.asarray(values, dtype=float)
    if v.ndim != 1:
        raise ValueError(f"expected a 1-D vector, got shape {v.shape}")
    return v


def _same_length(a: Vector, b: Vector) -> None:
    if len(a) != len(b):
        raise ValueError(f"vectors differ in length: {len(a)} and {len(b)}")


def add(a, b) -> Vector:
    """Element-wise sum a + b."""
    a, b = as_vector(a), as_vector(b)
    _same_length(a, b)
    return as_vector([a[i] + b[i] for i in range(len(a))])


def scale(c: float, a) -> Vector:
    """The scalar multiple c·a."""
    return as_vector([c * x for x in as_vector(a)])


def dot(a, b) -> float:
    """The dot product Σ aᵢbᵢ."""
    a, b = as_vector(a), as_vector(b)
    _same_length(a, b)
    total = 0.0
    for i in range(len(a)):
        total += a[i] * b[i]
    return total


def norm(a) -> float:
    """The Euclidean length ‖a‖ = √(a·a).

    TODO: implement with :func:`dot` and ``math.sqrt``.
    """
    raise NotImplementedError("TODO: vectors.norm")


def cosine_similarity(a, b) -> float:
    """cos θ = a·b / (‖a‖‖b‖); raise ``ValueError`` for a zero vector.

    TODO: implement with :func:`dot` and :func:`norm`.
    """
    raise NotImplementedError("TODO: vectors.cosine_similarity")


def angle_between(a, b) -> float:
    """The angle between a and b in degrees (uses your cosine_similarity)."""
    c = max(-1.0, min(1.0, cosine_similarity(a, b)))  # guard against rounding just past ±1
    return math.degrees(math.acos(c))


def project(a, b) -> Vector:
    """The projection of a onto b: (a·b / b·b) b; raise ``ValueError`` when b is the zero vector.

    TODO: implement with :func:`dot` and :func:`scale`. Check: a − project(a, b) must be
    orthogonal to b (their dot product ≈ 0).
    """
    raise NotImplementedError("TODO: vectors.project")
