"""Ridge regression (L2 penalty), one fit or a whole path.

Ridge minimizes

.. math::

    J(w) = \\lVert y - X w \\rVert_2^2 + \\lambda \\lVert w \\rVert_2^2 ,

whose minimizer solves the normal equations
:math:`(X^\\top X + \\lambda I) w = X^\\top y`. Both functions here fit *without* an
intercept; :class:`reglib.Ridge` centers the data to add an unpenalized one.
"""

from __future__ import annotations

import numpy as np

from .scaling import ratio, rescaled, unscale
from ._validation import as_xy, check_lam, check_lams

__all__ = ["ridge", "ridge_path"]


def ridge(X, y, lam):
    """Ridge minimizer of ``||y - X w||^2 + lam * ||w||_2^2`` (no intercept).

    .. math::

        \\hat w = \\arg\\min_w \\lVert y - X w \\rVert_2^2 + \\lambda \\sum_j w_j^2
                = (X^\\top X + \\lambda I)^{-1} X^\\top y .

    The system is not formed: ``w`` is the least-squares solution of the augmented
    problem ``[X; sqrt(lam) I] w ~ [y; 0]`` (``numpy.linalg.lstsq``), which has the same
    normal equations but avoids squaring the condition number of ``X``. For ``lam = 0``
    this is ordinary least squares and, when ``X`` has dependent columns (e.g. ``n < p``),
    the minimum-norm solution (the limit of ridge as ``lam -> 0+``).

    Parameters
    ----------
    X : array_like, shape (n, p)
        Design matrix (no column of ones: there is no intercept here).
    y : array_like, shape (n,)
        Targets.
    lam : float
        Regularization strength, ``>= 0``.

    Returns
    -------
    numpy.ndarray, shape (p,)
        The minimizer :math:`\\hat w`.

    Raises
    ------
    ValueError, TypeError
        On NaN/inf, wrong dimensions, empty or mismatched ``X``/``y``, or a ``lam`` that
        is negative or not a number.

    See Also
    --------
    ridge_path : the minimizers for many values of ``lam`` from one SVD.
    reglib.Ridge : the estimator with an unpenalized intercept.
    """
    X, y = as_xy(X, y)
    lam = check_lam(lam)
    p = X.shape[1]
    # solve for X / ax and y / ay (exact powers of two: scales like 1e160 or 1e-170 neither
    # overflow nor underflow); then lam becomes lam / ax^2 and w comes back times ay / ax
    X, y, ax, ay = rescaled(X, y)
    lam_s = ratio([lam], [ax, ax])
    if lam == 0.0:
        w = np.linalg.lstsq(X, y, rcond=None)[0]
    elif lam_s < np.sum(X * X):
        A = np.vstack([X, np.sqrt(lam_s) * np.eye(p)])
        b = np.concatenate([y, np.zeros(p)])
        w = np.linalg.lstsq(A, b, rcond=None)[0]
    else:
        # lam_s >= ||X||_F^2 >= sigma_max^2: the sqrt(lam) rows would swamp X in rounding,
        # but I + X^T X / lam_s is well conditioned (cond <= 2): w = u * ay * ax / lam
        u = np.linalg.solve(np.eye(p) + (X.T @ X) / lam_s, X.T @ y)
        return unscale(u, ratio([ay, ax], [lam]), 1.0, "the ridge minimizer")
    return unscale(w, ay, ax, "the ridge minimizer")


def ridge_path(X, y, lams):
    """Ridge minimizers for many ``lam`` at once, from one SVD of ``X``.

    With the thin SVD :math:`X = U \\operatorname{diag}(d) V^\\top`, the minimizer of
    ``||y - X w||^2 + lam * ||w||_2^2`` is

    .. math::

        \\hat w(\\lambda) = V \\operatorname{diag}\\!\\left(\\frac{d_j}{d_j^2 + \\lambda}\\right)
                           U^\\top y ,

    so one SVD serves every ``lam``. For ``lam = 0`` singular values below
    ``max(n, p) * eps * d_max`` are treated as zero (minimum-norm least squares, as
    :func:`ridge`).

    Parameters
    ----------
    X : array_like, shape (n, p)
        Design matrix.
    y : array_like, shape (n,)
        Targets.
    lams : array_like, shape (k,)
        Regularization strengths, each ``>= 0``, in any order.

    Returns
    -------
    numpy.ndarray, shape (k, p)
        Row ``i`` is the ridge minimizer for ``lams[i]`` (rows in the order given).

    Raises
    ------
    ValueError, TypeError
        As :func:`ridge`, and if ``lams`` is not a non-empty 1-D sequence.
    """
    X, y = as_xy(X, y)
    lams = check_lams(lams)
    X, y, ax, ay = rescaled(X, y)  # exact powers of two, as in ridge
    U, d, Vt = np.linalg.svd(X, full_matrices=False)
    Uty = U.T @ y
    factors = np.empty((lams.size, d.size))
    scale = np.empty(lams.size)
    for i, lam in enumerate(lams):
        lam_s = ratio([lam], [ax, ax])
        if lam_s <= 1.0:  # d_j / (d_j^2 + lam_s), times ay / ax
            with np.errstate(divide="ignore", invalid="ignore"):
                factors[i] = d / (d**2 + lam_s)
            scale[i] = ratio([ay], [ax])
        else:  # the same, written d_j / (1 + d_j^2 / lam_s) times ay * ax / lam: no overflow
            factors[i] = d / (1.0 + d**2 / lam_s)
            scale[i] = ratio([ay, ax], [lam])
    # lam = 0: pseudo-inverse, dropping numerically zero singular values
    cutoff = max(X.shape) * np.finfo(float).eps * (d[0] if d.size else 0.0)
    zero_lam = lams == 0.0
    if np.any(zero_lam):
        inv_d = np.where(d > cutoff, 1.0 / np.where(d > cutoff, d, 1.0), 0.0)
        factors[zero_lam] = inv_d
    return unscale((factors * Uty[None, :]) @ Vt, scale[:, None], 1.0, "the ridge path")
