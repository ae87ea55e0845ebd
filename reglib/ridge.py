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
    if lam == 0.0:
        return np.linalg.lstsq(X, y, rcond=None)[0]
    A = np.vstack([X, np.sqrt(lam) * np.eye(p)])
    b = np.concatenate([y, np.zeros(p)])
    return np.linalg.lstsq(A, b, rcond=None)[0]


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
    U, d, Vt = np.linalg.svd(X, full_matrices=False)
    Uty = U.T @ y
    denom = d[None, :] ** 2 + lams[:, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        factors = d[None, :] / denom
    # lam = 0: pseudo-inverse, dropping numerically zero singular values
    cutoff = max(X.shape) * np.finfo(float).eps * (d[0] if d.size else 0.0)
    zero_lam = lams == 0.0
    if np.any(zero_lam):
        inv_d = np.where(d > cutoff, 1.0 / np.where(d > cutoff, d, 1.0), 0.0)
        factors[zero_lam] = inv_d
    return (factors * Uty[None, :]) @ Vt
