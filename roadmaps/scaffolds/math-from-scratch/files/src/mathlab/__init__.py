"""Machine learning maths, implemented by hand.

Rule of the game: inside the TODO functions use loops, indexing and element-wise
arithmetic only — no ``@``, ``np.dot``, ``np.linalg``, ``np.var``, ``np.cov`` or
``np.corrcoef``. The tests compare your results with exactly those NumPy functions.
"""
