"""Principal-components regression (PCR): least squares on the leading principal components.

With the thin SVD ``X = U diag(d) V^T`` (``d_1 >= d_2 >= ...``), PCR with ``k`` components
minimizes

    ``||y - X w||^2``  over  ``w`` in the span of ``v_1, ..., v_k``,

whose solution is ``w = sum_{j <= k} v_j (u_j^T y) / d_j``. Its fitted values are
``y_hat = sum_j u_j * f_j * (u_j^T y)`` with ``f_j = 1`` for ``j <= k`` and ``f_j = 0``
after: the same form as ridge, whose factors ``d_j^2 / (d_j^2 + lam)`` fall smoothly
instead of jumping from 1 to 0 (Hastie, Tibshirani & Friedman, ESL, 3.5.1). Like
:func:`reglib.ridge`, :func:`pcr` fits no intercept: center ``X`` and ``y`` first
(scikit-learn's ``PCA`` centers for you).
"""

from __future__ import annotations

import numpy as np

from ._validation import as_xy, check_int

__all__ = ["pcr"]


def pcr(X, y, n_components):
    """Principal-components regression coefficients (no intercept).

    Minimizes ``||y - X w||^2`` over ``w`` restricted to the span of the first
    ``n_components`` right singular vectors ``v_1, ..., v_k`` of ``X`` (the principal
    directions when ``X`` is centered):

        ``w = V_k diag(1 / d_j) U_k^T y``,   ``X = U diag(d) V^T``.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
        The design matrix, centered (no column of ones: there is no intercept here).
    y : array_like, shape (n_samples,)
        The targets, centered.
    n_components : int
        Number of components ``k``, ``0 <= k <= rank(X)``. ``k = 0`` gives ``w = 0``;
        ``k = rank(X)`` gives least squares (the minimum-norm solution).

    Returns
    -------
    w : ndarray, shape (n_features,)

    Raises
    ------
    ValueError
        If ``X``/``y`` are invalid or mismatched, or ``n_components`` is negative or larger
        than the rank of ``X`` (a component with zero singular value has no coefficient).
    TypeError
        If ``n_components`` is not an integer, or ``X``/``y`` are not numeric.
    """
    X, y = as_xy(X, y)
    k = check_int(n_components, "n_components", minimum=0)
    U, d, Vt = np.linalg.svd(X, full_matrices=False)
    rank = int(np.sum(d > d[0] * max(X.shape) * np.finfo(float).eps))
    if k > rank:
        raise ValueError(f"n_components must be at most rank(X) = {rank}, got {k}")
    return Vt[:k].T @ ((U[:, :k].T @ y) / d[:k])
