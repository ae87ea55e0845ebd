"""Ridge regression in its dual form, for more features than samples.

The ridge minimizer of ``||y - X w||^2 + lam * ||w||_2^2`` has two closed forms,

    ``w = (X^T X + lam I_p)^{-1} X^T y = X^T (X X^T + lam I_n)^{-1} y``,

equal by the "push-through" identity ``(X^T X + lam I) X^T = X^T (X X^T + lam I)``. The
first (primal) solves a ``p x p`` system, the second (dual) an ``n x n`` one: cheaper when
``p > n``, and it shows that ``w = X^T alpha`` is a combination of the training rows.
"""

from __future__ import annotations

import numpy as np

from ._validation import as_xy, check_lam

__all__ = ["ridge_dual"]


def ridge_dual(X, y, lam):
    """Ridge minimizer of ``||y - X w||^2 + lam * ||w||_2^2`` through the dual, ``n x n`` system.

    Solves ``(X X^T + lam I_n) alpha = y`` and returns ``w = X^T alpha``, the same
    ``w`` as :func:`reglib.ridge`. For ``lam = 0`` it returns the minimum-norm
    least-squares solution ``pinv(X) y = X^T pinv(X X^T) y``.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
        Design matrix (no column of ones: there is no intercept here).
    y : array_like, shape (n_samples,)
        Targets.
    lam : float
        Regularization strength, ``>= 0``.

    Returns
    -------
    w : ndarray, shape (n_features,)

    Raises
    ------
    ValueError
        On NaN/inf, wrong dimensions, empty or mismatched ``X``/``y``, or a negative ``lam``.
    TypeError
        If ``lam`` is not a real number, or ``X``/``y`` are not numeric.
    """
    X, y = as_xy(X, y)
    lam = check_lam(lam)
    K = X @ X.T  # n x n Gram matrix of the samples
    if lam > 0:
        alpha = np.linalg.solve(K + lam * np.eye(len(y)), y)
    else:
        alpha = np.linalg.lstsq(K, y, rcond=None)[0]  # pinv(K) y
    return X.T @ alpha
