"""Leave-one-out and generalized cross-validation for ridge, in closed form.

Ridge with an unpenalized intercept, ``min ||y - b - X w||^2 + lam * ||w||_2^2``, is a
linear smoother: ``y_hat = H y`` with the hat matrix
``H = 11^T / n + Xc (Xc^T Xc + lam I)^{-1} Xc^T`` (``Xc`` the centered ``X``). Refitting
without row ``i`` changes its residual exactly to ``e_i / (1 - H_ii)``, so leave-one-out
costs one fit (ESL sec. 7.10, eq. 7.51)::

    LOO(lam) = (1/n) sum_i (e_i / (1 - H_ii))^2
    GCV(lam) = (1/n) sum_i (e_i / (1 - tr(H)/n))^2            (ESL eq. 7.52)

GCV replaces every leverage ``H_ii`` by their average ``tr(H)/n = (1 + df(lam))/n``.
With ``Xc = U D V^T``, ``H_ii = 1/n + sum_j U_ij^2 d_j^2 / (d_j^2 + lam)``: one SVD
serves every ``lam``. (The columns are used as given: standardizing with the whole
data's scales makes ``H`` depend on every row, and the shortcut is exact only for the
fixed columns.)
"""

from __future__ import annotations

import numpy as np

from . import _validation as _v

__all__ = ["ridge_residuals_leverages", "ridge_loo", "ridge_gcv"]


def ridge_residuals_leverages(X, y, lams, *, fit_intercept: bool = True):
    """Residuals ``e = y - H y`` and leverages ``h = diag(H)`` of ridge for every ``lam``.

    ``H`` is the hat matrix of ``min ||y - b - X w||^2 + lam * ||w||_2^2`` (``b``
    unpenalized when ``fit_intercept``): ``H = 11^T / n + Xc (Xc^T Xc + lam I)^{-1} Xc^T``,
    computed from one SVD ``Xc = U D V^T`` as ``H_ii = 1/n + sum_j U_ij^2 d_j^2/(d_j^2 + lam)``.

    Parameters
    ----------
    X : array_like, shape (n, p)
    y : array_like, shape (n,)
    lams : array_like, shape (m,)
        Non-negative strengths.
    fit_intercept : bool

    Returns
    -------
    e, h : ndarray, shape (m, n)
        Row ``i`` belongs to ``lams[i]``.
    """
    X, y = _v.as_xy(X, y)
    lams = _v.check_lams(lams)
    fit_intercept = _v.check_bool(fit_intercept, "fit_intercept")
    n = X.shape[0]
    if fit_intercept:
        X, y = X - X.mean(axis=0), y - y.mean()
    U, d, _ = np.linalg.svd(X, full_matrices=False)
    keep = d > d.max(initial=0.0) * max(X.shape) * np.finfo(float).eps
    U, d2 = U[:, keep], d[keep] ** 2
    with np.errstate(divide="ignore", invalid="ignore"):
        f = np.where(d2[None, :] + lams[:, None] > 0, d2[None, :] / (d2[None, :] + lams[:, None]), 0.0)
    y_hat = (f * (U.T @ y)[None, :]) @ U.T            # (m, n)
    h = f @ (U**2).T + (1.0 / n if fit_intercept else 0.0)
    return y - y_hat, h


def ridge_loo(X, y, lams, *, fit_intercept: bool = True) -> np.ndarray:
    """Exact leave-one-out mean squared error of ridge for every ``lam``.

    ``LOO(lam) = (1/n) sum_i (e_i / (1 - H_ii))^2`` with ``e = y - H y`` the residuals of
    the fit on all ``n`` rows (see the module docstring): the same number as refitting
    ``n`` times without one row each, intercept included.

    Parameters
    ----------
    X : array_like, shape (n, p)
        The columns as given (no standardization is learned).
    y : array_like, shape (n,)
    lams : array_like, shape (m,)
        Non-negative strengths.
    fit_intercept : bool
        Fit an unpenalized intercept (it counts in ``H``: ``H_ii`` includes ``1/n``).

    Returns
    -------
    ndarray, shape (m,)

    Raises
    ------
    ValueError
        If some ``H_ii = 1`` (a row the fit interpolates: its leave-one-out error is
        undefined), e.g. ``lam = 0`` with ``n <= p + 1``.
    """
    e, h = ridge_residuals_leverages(X, y, lams, fit_intercept=fit_intercept)
    if np.any(1.0 - h <= 1e-12):
        raise ValueError("a leverage H_ii equals 1 (the fit interpolates that row): "
                         "use lam > 0 or more rows than columns")
    return np.mean((e / (1.0 - h)) ** 2, axis=1)


def ridge_gcv(X, y, lams, *, fit_intercept: bool = True) -> np.ndarray:
    """Generalized cross-validation of ridge for every ``lam``.

    ``GCV(lam) = (1/n) sum_i (e_i / (1 - tr(H)/n))^2`` with ``tr(H) = df(lam)`` (plus 1
    for the intercept): leave-one-out with every leverage replaced by the average.

    Parameters
    ----------
    X, y, lams, fit_intercept
        As in :func:`ridge_loo`.

    Returns
    -------
    ndarray, shape (m,)
    """
    e, h = ridge_residuals_leverages(X, y, lams, fit_intercept=fit_intercept)
    n = e.shape[1]
    tr = h.sum(axis=1)
    if np.any(1.0 - tr / n <= 1e-12):
        raise ValueError("tr(H) equals n (the fit interpolates): use lam > 0 or more rows")
    return np.mean(e**2, axis=1) / (1.0 - tr / n) ** 2
