"""Coordinate descent for the lasso, written to be read.

The lasso minimizes ``||y - X w||^2 + lam * ||w||_1`` (no 1/2, no 1/n).  Minimizing over
one coordinate ``w_j`` with the others fixed is a one-dimensional problem whose solution is
a soft threshold,

    ``w_j <- soft_threshold(x_j^T r_(j), lam / 2) / ||x_j||^2``,

where ``r_(j) = y - sum_{k != j} x_k w_k`` is the partial residual.  Cycling through the
coordinates converges to the minimizer (Hastie, Tibshirani & Friedman, ESL, 3.8.6).  This
module is the plain version, complete on one screen; ``reglib.lasso`` is the fast solver the
chapters use, and the tests check that both give the same answer.
"""

from __future__ import annotations

import warnings

import numpy as np

from ._validation import as_xy, check_int, check_lam, check_positive
from .penalties import soft_threshold

__all__ = ["coordinate_descent"]


def coordinate_descent(X, y, lam, *, tol=1e-10, max_sweeps=10_000):
    """Minimize ``||y - X w||^2 + lam * ||w||_1`` by cyclic coordinate descent.

    Starts from ``w = 0`` and sweeps ``j = 0, ..., p-1``, replacing ``w_j`` by the exact
    minimizer over that coordinate while keeping the residual ``r = y - X w`` up to date.
    After each sweep it checks the KKT conditions with ``c = X^T (y - X w)``:
    ``c_j = (lam / 2) sign(w_j)`` where ``w_j != 0`` and ``|c_j| <= lam / 2`` where
    ``w_j = 0``, and stops when their largest violation is at most
    ``tol * max_j |x_j^T y|``.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
        Design (centered; no intercept is fitted).  A column of zeros gets ``w_j = 0``.
    y : array_like, shape (n_samples,)
    lam : float
        Penalty strength, ``lam >= 0``.
    tol : float
        Relative KKT tolerance, ``> 0``.
    max_sweeps : int
        Most sweeps before giving up (with a ``RuntimeWarning``).

    Returns
    -------
    w : numpy.ndarray, shape (n_features,)

    Raises
    ------
    TypeError, ValueError
        On non-numeric, non-finite or mismatched ``X`` and ``y``, a negative or non-number
        ``lam``, a non-positive ``tol`` or a ``max_sweeps`` below 1.
    """
    X, y = as_xy(X, y)
    lam = check_lam(lam)
    tol = check_positive("tol", tol)
    max_sweeps = check_int(max_sweeps, "max_sweeps", minimum=1)
    p = X.shape[1]
    w = np.zeros(p)
    r = y.copy()                                   # residual y - X w
    col_sq = np.sum(X**2, axis=0)
    scale = max(float(np.max(np.abs(X.T @ y))), np.finfo(float).tiny)
    for _ in range(max_sweeps):
        for j in range(p):
            if col_sq[j] == 0.0:
                continue                           # a zero column: w_j stays 0
            r += X[:, j] * w[j]                    # partial residual r_(j)
            w[j] = soft_threshold(X[:, j] @ r, lam / 2) / col_sq[j]
            r -= X[:, j] * w[j]
        c = X.T @ r
        on = w != 0
        violation = max(np.max(np.abs(c[on] - lam / 2 * np.sign(w[on])), initial=0.0),
                        np.max(np.abs(c[~on]) - lam / 2, initial=0.0))
        if violation <= tol * scale:
            return w
    warnings.warn(f"coordinate_descent: KKT violation {violation:.3g} after {max_sweeps} "
                  f"sweeps (tolerance {tol * scale:.3g})", RuntimeWarning, stacklevel=2)
    return w
