"""Polynomial feature maps for a one-dimensional input.

Chapter 1 fits polynomials of growing degree to a handful of points to show overfitting.
Raw powers ``x, x^2, ..., x^d`` (:func:`reglib.preprocessing.polynomial_features`) make a
badly conditioned design matrix as soon as the degree grows, so this module uses the
Legendre polynomials ``P_1(u), ..., P_d(u)`` of the rescaled input ``u = (2 x - (a + b)) / (b - a)``, which maps
the interval ``domain = (a, b)`` onto ``[-1, 1]``.  On that interval the Legendre
polynomials are orthogonal, so the columns stay close to orthogonal for evenly spread data
and the fit stays accurate at degree 15 or 20.  Both bases span the same functions; the
only difference is the coordinates ``w`` in which the penalty ``lam * ||w||^2`` is measured.

No constant column is returned: the intercept is fitted separately and never penalized.
"""

from __future__ import annotations

import numpy as np
from numpy.polynomial import legendre

from ._validation import as_vector, check_int

__all__ = ["legendre_features"]


def legendre_features(x, degree, *, domain=(-1.0, 1.0)):
    """Legendre polynomial features of a one-dimensional input, without the constant column.

    The input is first mapped affinely from ``domain = (a, b)`` onto ``[-1, 1]``,

    .. math:: u = \\frac{2x - (a + b)}{b - a},

    and column ``k - 1`` (``k = 1, ..., degree``) is the Legendre polynomial ``P_k(u)``.
    A model ``y_hat = b + X w`` with ``X = legendre_features(x, degree, domain=...)`` is a
    polynomial of degree ``degree`` in ``x``: the same functions as with the raw powers
    ``x, ..., x^degree`` (:func:`reglib.preprocessing.polynomial_features`), in better
    conditioned coordinates ``w``.

    Parameters
    ----------
    x : array_like, shape (n,)
        Input values (finite).  Values outside ``domain`` are allowed (extrapolation) but
        the columns are only well conditioned inside it.
    degree : int
        Highest degree, at least 1.
    domain : tuple of two floats, default (-1.0, 1.0)
        The interval ``(a, b)``, ``a < b``, mapped onto ``[-1, 1]``.  Use the same domain
        for training, validation and plotting so that the columns mean the same thing.

    Returns
    -------
    X : ndarray, shape (n, degree)
        The feature matrix, ``X[i, k - 1] = P_k(u_i)``.

    Raises
    ------
    TypeError
        If ``x`` is not numeric or ``degree`` is not an integer.
    ValueError
        If ``x`` is not one-dimensional, is empty or has NaN/inf; if ``degree < 1``; if
        ``domain`` is not two finite numbers with ``a < b``.

    Examples
    --------
    >>> X = legendre_features([0.0, 0.5, 1.0], 2, domain=(0.0, 1.0))
    >>> X.round(3).tolist()
    [[-1.0, 1.0], [0.0, -0.5], [1.0, 1.0]]
    """
    x = as_vector(x, "x")
    degree = check_int(degree, "degree", minimum=1)
    lo, hi = _check_domain(domain)
    u = (2.0 * x - (lo + hi)) / (hi - lo)
    return legendre.legvander(u, degree)[:, 1:]


def _check_domain(domain):
    try:
        lo, hi = (float(v) for v in domain)
    except (TypeError, ValueError):
        raise ValueError(f"domain must be a pair of numbers (a, b) with a < b, got {domain!r}") from None
    if not (np.isfinite(lo) and np.isfinite(hi)) or not lo < hi:
        raise ValueError(f"domain must be a pair of finite numbers (a, b) with a < b, got {domain!r}")
    return lo, hi

