"""Ridge regression seen through the singular value decomposition: shrinkage factors and
effective degrees of freedom.

Write the (centered) design as ``X = U diag(d) V^T`` with singular values
``d_1 >= d_2 >= ... >= d_r >= 0`` (``r = min(n, p)``).  The ridge minimizer of

    ``||y - X w||^2 + lam * ||w||_2^2``

is ``w = V diag(d_j / (d_j^2 + lam)) U^T y`` and its fitted values are

    ``y_hat = X w = sum_j u_j * d_j^2 / (d_j^2 + lam) * (u_j^T y)``,

so ridge takes the least-squares fit, coordinate by coordinate in the basis ``u_j``, and
multiplies the ``j``-th coordinate by the *shrinkage factor* ``d_j^2 / (d_j^2 + lam)``.
The sum of the factors is the trace of the hat matrix ``X (X^T X + lam I)^{-1} X^T``,
the *effective degrees of freedom* of the fit (Hastie, Tibshirani & Friedman, ESL, 3.4.1).
"""

from __future__ import annotations

import numbers

import numpy as np

from ._validation import as_matrix, check_lam, check_lams, check_positive

__all__ = ["singular_values", "shrinkage_factors", "effective_df", "lam_for_df"]


def _as_lams(lams):
    """Validate ``lams``: one non-negative finite number, or a 1-D array of them.

    Returns the values as a 1-D float array and whether the input was a single number.
    """
    single = isinstance(lams, (numbers.Number, np.bool_)) or (
        isinstance(lams, np.ndarray) and lams.ndim == 0
    )
    if single:  # check_lam refuses bools, complex numbers, NaN, inf and negatives
        return np.array([check_lam(lams, "lams")]), True
    if isinstance(lams, (str, bytes)) or lams is None:
        raise TypeError(f"lams must be a number or a 1-D array of numbers, got {type(lams).__name__}")
    return check_lams(lams, "lams"), False


def singular_values(X) -> np.ndarray:
    """Singular values of the design matrix, largest first.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
        The design matrix (center and standardize it first when it is to be penalized).

    Returns
    -------
    d : ndarray, shape (min(n_samples, n_features),)
        ``d_1 >= d_2 >= ... >= 0`` with ``X = U diag(d) V^T``.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D, is empty, or holds NaN or infinity.
    TypeError
        If ``X`` is not numeric.
    """
    return np.linalg.svd(as_matrix(X, "X"), compute_uv=False)


def _rank_tol(d: np.ndarray, shape) -> float:
    """Singular values at or below this count as zero (numpy's matrix_rank tolerance)."""
    return float(d.max(initial=0.0)) * max(shape) * np.finfo(float).eps


def shrinkage_factors(X, lams) -> np.ndarray:
    """Ridge shrinkage factors ``d_j^2 / (d_j^2 + lam)`` of each singular direction.

    For the ridge objective ``||y - X w||^2 + lam * ||w||_2^2`` with ``X = U diag(d) V^T``,
    the fitted values are ``y_hat = sum_j u_j * f_j * (u_j^T y)`` with
    ``f_j = d_j^2 / (d_j^2 + lam)``: the least-squares fit with its ``j``-th coordinate
    multiplied by ``f_j``, which lies in ``[0, 1)`` for ``lam > 0`` and shrinks the
    directions of small singular value the most.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
        The design matrix (no intercept column: the intercept is not penalized).
    lams : float or array_like, shape (n_lams,)
        Penalty strengths, each ``>= 0``.

    Returns
    -------
    f : ndarray, shape (min(n_samples, n_features),) or (n_lams, min(n_samples, n_features))
        The factors for each singular value (largest first); one row per ``lam`` when
        ``lams`` is an array.  At ``lam = 0`` a direction with a zero singular value gets
        factor 0 (it is not in the column space), every other direction factor 1.

    Raises
    ------
    ValueError
        If ``X`` is not a finite non-empty 2-D array, or a ``lam`` is negative or not finite.
    TypeError
        If ``X`` or ``lams`` is not numeric.

    Notes
    -----
    One SVD serves every ``lam``; the cost is ``O(n p min(n, p))`` plus
    ``O(n_lams min(n, p))``.
    """
    X = as_matrix(X, "X")
    lam_arr, scalar = _as_lams(lams)
    d = np.linalg.svd(X, compute_uv=False)
    d2 = d**2
    nonzero = d > _rank_tol(d, X.shape)
    denom = d2[None, :] + lam_arr[:, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        f = np.where(nonzero[None, :], d2[None, :] / np.where(denom > 0, denom, 1.0), 0.0)
    return f[0] if scalar else f


def effective_df(X, lams):
    """Effective degrees of freedom of ridge regression, ``sum_j d_j^2 / (d_j^2 + lam)``.

    This is the trace of the ridge hat matrix ``H = X (X^T X + lam I)^{-1} X^T`` (the map
    ``y -> y_hat``).  It equals the rank of ``X`` at ``lam = 0`` (the number of fitted
    parameters in least squares) and decreases smoothly to 0 as ``lam`` grows.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
        The design matrix (no intercept column; count the unpenalized intercept separately,
        it adds one degree of freedom).
    lams : float or array_like, shape (n_lams,)
        Penalty strengths, each ``>= 0``.

    Returns
    -------
    df : float or ndarray, shape (n_lams,)
        A float when ``lams`` is a number, else one value per ``lam``.

    Raises
    ------
    ValueError
        If ``X`` is not a finite non-empty 2-D array, or a ``lam`` is negative or not finite.
    TypeError
        If ``X`` or ``lams`` is not numeric.
    """
    f = shrinkage_factors(X, lams)
    if f.ndim == 1:
        return float(f.sum())
    return f.sum(axis=1)


def lam_for_df(X, df: float) -> float:
    """The penalty ``lam`` at which ridge has ``df`` effective degrees of freedom.

    Solves ``sum_j d_j^2 / (d_j^2 + lam) = df`` for ``lam >= 0``.  The left side falls
    strictly from ``rank(X)`` at ``lam = 0`` towards 0, so the root is unique; it lies in
    ``[0, rank * d_1^2 / df]`` and is found by Brent's method to full relative precision.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
        The design matrix.
    df : float
        Target degrees of freedom, ``0 < df <= rank(X)``.

    Returns
    -------
    lam : float
        The penalty; ``0.0`` when ``df`` equals the rank of ``X``.

    Raises
    ------
    ValueError
        If ``X`` is invalid or ``df`` is not in ``(0, rank(X)]``.
    TypeError
        If ``df`` is not a real number.
    """
    from scipy.optimize import brentq

    X = as_matrix(X, "X")
    df = check_positive("df", df)
    d = np.linalg.svd(X, compute_uv=False)
    d = d[d > _rank_tol(d, X.shape)]
    rank = d.size
    if df > rank:
        raise ValueError(f"df must be in (0, rank(X)] = (0, {rank}], got {df:g}")
    if df == rank:
        return 0.0
    d2 = d**2

    def gap(lam):
        return float(np.sum(d2 / (d2 + lam))) - df

    hi = rank * float(d2[0]) / df
    # a relative tolerance only: the root may be tiny when df is close to the rank
    return float(brentq(gap, 0.0, hi, xtol=1e-300, rtol=4 * np.finfo(float).eps, maxiter=500))
