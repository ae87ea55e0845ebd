"""The minimum-norm least-squares solution ``X^+ y`` (the implicit bias of gradient descent).

Among all minimizers of ``||y - X w||^2`` (a whole affine subspace when the columns of ``X``
are dependent, e.g. ``p > n``), the one with the smallest ``||w||_2`` is

    ``w = X^+ y = V_r diag(1 / d_j) U_r^T y``   (thin SVD ``X = U diag(d) V^T``, rank ``r``).

When ``rank(X) = n`` it interpolates: ``X w = y``.  It is the limit of ridge,
``(X^T X + lam I)^{-1} X^T y -> X^+ y`` as ``lam -> 0+``, and the point gradient descent on
``||y - X w||^2`` converges to from ``w_0 = 0`` (its iterates never leave the row space of X).
"""

from __future__ import annotations

import numpy as np

from ._validation import as_xy

__all__ = ["min_norm"]


def min_norm(X, y):
    """Minimum-norm least squares: the ``w`` of smallest ``||w||`` minimizing ``||y - X w||^2``.

    .. math:: w = X^+ y = V_r \\operatorname{diag}(1/d_j) U_r^\\top y ,

    where singular values ``d_j <= max(n, p) * eps * d_max`` count as zero (numpy's
    ``pinv``/``matrix_rank`` tolerance).  For ``p > n`` and ``rank(X) = n`` it is the
    interpolant ``X w = y`` of minimum norm.

    Parameters
    ----------
    X : array_like, shape (n, p)
        Design matrix (no intercept column).
    y : array_like, shape (n,)
        Targets.

    Returns
    -------
    w : ndarray, shape (p,)

    Raises
    ------
    TypeError, ValueError
        If ``X`` or ``y`` is not numeric, finite, non-empty, 2-D/1-D, or they are mismatched.
    """
    X, y = as_xy(X, y)
    U, d, Vt = np.linalg.svd(X, full_matrices=False)
    r = int(np.sum(d > d.max(initial=0.0) * max(X.shape) * np.finfo(float).eps))
    return Vt[:r].T @ ((U[:, :r].T @ y) / d[:r])
