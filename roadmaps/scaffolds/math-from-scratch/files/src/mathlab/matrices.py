"""Matrix operations from scratch (week 2: multiplication, transpose, inverse, determinant)."""

from __future__ import annotations

import numpy as np

Matrix = np.ndarray  # 2-D array of floats


def as_matrix(values) -> Matrix:
    m = np.asarray(values, dtype=float)
    if m.ndim != 2:
        raise ValueError(f"expected a 2-D matrix, got shape {m.shape}")
    return m


def identity(n: int) -> Matrix:
    """The n×n identity matrix."""
    out = np.zeros((n, n))
    for i in range(n):
        out[i, i] = 1.0
    return out


def transpose(A) -> Matrix:
    """Rows become columns: Aᵀ[j, i] = A[i, j]."""
    A = as_matrix(A)
    rows, cols = A.shape
    out = np.zeros((cols, rows))
    for i in range(rows):
        for j in range(cols):
            out[j, i] = A[i, j]
    return out


def matmul(A, B) -> Matrix:
    """The product AB, where (AB)[i, j] = Σₖ A[i, k]·B[k, j].

    TODO: three nested loops (or two loops and vectors.dot). Raise ``ValueError`` when the
    inner dimensions differ (A is n×m, B must be m×p).
    """
    raise NotImplementedError("TODO: matrices.matmul")


def determinant(A) -> float:
    """det(A) for a square matrix.

    TODO: Gaussian elimination to an upper-triangular matrix; the determinant is the product
    of the diagonal, with the sign flipped for every row swap. Swap in the row with the
    largest absolute pivot (partial pivoting); if every candidate pivot is 0, det = 0.
    """
    raise NotImplementedError("TODO: matrices.determinant")


def inverse(A) -> Matrix:
    """A⁻¹ by Gauss–Jordan elimination.

    TODO: build the augmented matrix [A | I]; for each column pick a pivot row (largest
    absolute value; raise ``ValueError("matrix is singular")`` if it is ~0), swap it up,
    divide the row by the pivot, and subtract multiples of it from every other row. The
    right half is then A⁻¹. Check: matmul(A, inverse(A)) ≈ identity(n).
    """
    raise NotImplementedError("TODO: matrices.inverse")
