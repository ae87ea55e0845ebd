"""Information criteria for choosing ``lam``: Mallows' Cp, AIC and BIC.

A fit with residual sum of squares ``RSS`` and ``df`` degrees of freedom on ``n`` samples,
with Gaussian noise of variance ``sigma^2`` (known, or estimated once from the
least-squares fit), scores

* ``Cp  = RSS / n + 2 * df * sigma^2 / n``                (ESL eq. 7.26)
* ``AIC = n * log(2 pi sigma^2) + RSS / sigma^2 + 2 * df``
* ``BIC = n * log(2 pi sigma^2) + RSS / sigma^2 + log(n) * df``

(minus twice the Gaussian log-likelihood plus a price per degree of freedom; AIC is
``n / sigma^2`` times Cp plus a constant, so the two pick the same model). For ridge,
``df`` is the effective number ``sum_j d_j^2 / (d_j^2 + lam)``; for the lasso it is the
number of non-zero weights, an unbiased estimate of its degrees of freedom (Zou, Hastie
& Tibshirani 2007). The unpenalized intercept adds 1 to every ``df``: it shifts every
criterion by the same amount and is not counted (as in scikit-learn's ``LassoLarsIC``).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from . import _validation as _v
from .lasso import lasso_knots
from .ridge import ridge_path
from .shrinkage import effective_df

__all__ = ["ICPath", "noise_variance", "information_criteria", "lasso_criteria", "ridge_criteria"]

_KINDS = ("cp", "aic", "bic")


class ICPath(NamedTuple):
    """Criteria along a path of fits (see :func:`lasso_criteria`, :func:`ridge_criteria`).

    Attributes
    ----------
    lams, df, rss, cp, aic, bic : numpy.ndarray, shape (m,)
        Strength, degrees of freedom, residual sum of squares and the three criteria.
    noise_var : float
        The noise variance the criteria used.
    """

    lams: np.ndarray
    df: np.ndarray
    rss: np.ndarray
    cp: np.ndarray
    aic: np.ndarray
    bic: np.ndarray
    noise_var: float

    def best(self, criterion: str) -> float:
        """The ``lam`` minimizing ``criterion`` (``"cp"``, ``"aic"`` or ``"bic"``)."""
        criterion = _v.check_choice(criterion, _KINDS, "criterion")
        return float(self.lams[int(np.argmin(getattr(self, criterion)))])


def noise_variance(X, y, *, fit_intercept: bool = True) -> float:
    """Unbiased noise variance of the least-squares fit, ``RSS_ols / (n - p - 1)``.

    The ``- 1`` (for the intercept) is dropped when ``fit_intercept`` is False. This is
    scikit-learn's ``LassoLarsIC`` estimate when ``noise_variance=None``.

    Parameters
    ----------
    X : array_like, shape (n, p)
    y : array_like, shape (n,)
    fit_intercept : bool
        Whether the least-squares fit has an (unpenalized) intercept.

    Returns
    -------
    float
    """
    X, y = _v.as_xy(X, y)
    if _v.check_bool(fit_intercept, "fit_intercept"):
        X, y = X - X.mean(axis=0), y - y.mean()
    n, p = X.shape
    dof = n - p - int(fit_intercept)
    if dof <= 0:
        raise ValueError(
            f"X must have more rows than columns (+1 for the intercept) to estimate the noise "
            f"variance, got shape {X.shape}; pass noise_var instead")
    w = np.linalg.lstsq(X, y, rcond=None)[0]
    return float(np.sum((y - X @ w) ** 2) / dof)


def information_criteria(rss, df, n: int, noise_var: float) -> dict:
    """Cp, AIC and BIC from residual sums of squares and degrees of freedom.

    Parameters
    ----------
    rss : array_like, shape (m,)
        Residual sums of squares ``||y - y_hat||^2``, each ``>= 0``.
    df : array_like, shape (m,)
        Degrees of freedom, each ``>= 0``.
    n : int
        Number of samples.
    noise_var : float
        Noise variance ``sigma^2 > 0``.

    Returns
    -------
    dict
        ``{"cp": ..., "aic": ..., "bic": ...}``, arrays of shape (m,), as defined in
        the module docstring.
    """
    rss = _v.as_vector(rss, "rss")
    df = _v.as_vector(df, "df")
    if df.shape != rss.shape:
        raise ValueError(f"df must have one entry per rss ({rss.size}), got {df.size}")
    if np.any(rss < 0) or np.any(df < 0):
        raise ValueError("rss and df must be non-negative")
    n = _v.check_int(n, "n", minimum=1)
    s2 = _v.check_positive("noise_var", noise_var)
    fit = n * np.log(2 * np.pi * s2) + rss / s2
    return {"cp": rss / n + 2 * df * s2 / n, "aic": fit + 2 * df, "bic": fit + np.log(n) * df}


def lasso_criteria(X, y, *, noise_var=None, fit_intercept: bool = True) -> ICPath:
    """Cp, AIC and BIC of the lasso at every knot of its path.

    The lasso minimizes ``||y - b - X w||^2 + lam * ||w||_1`` (``b`` unpenalized, fitted
    by centering when ``fit_intercept``). Its degrees of freedom are estimated by the
    number of non-zero weights (Zou, Hastie & Tibshirani 2007). Between two knots that
    number is constant while ``RSS`` grows with ``lam``, so over all ``lam > 0`` each
    criterion is smallest at a knot: the knots are the only candidates needed.

    Parameters
    ----------
    X : array_like, shape (n, p)
        The columns as given (standardize them first if their units differ).
    y : array_like, shape (n,)
    noise_var : float, optional
        Noise variance; default :func:`noise_variance` (least squares, needs ``n > p + 1``).
    fit_intercept : bool

    Returns
    -------
    ICPath
        At the knots, ``lams`` decreasing from ``2 max_j |x_j^T y|`` to 0.
    """
    X, y = _v.as_xy(X, y)
    fit_intercept = _v.check_bool(fit_intercept, "fit_intercept")
    if noise_var is None:
        noise_var = noise_variance(X, y, fit_intercept=fit_intercept)
    if fit_intercept:  # the unpenalized intercept: center, fit
        X, y = X - X.mean(axis=0), y - y.mean()
    knots = lasso_knots(X, y)
    rss = np.sum((y[None, :] - knots.coefs @ X.T) ** 2, axis=1)
    df = np.count_nonzero(knots.coefs, axis=1).astype(float)  # non-zero weights
    ic = information_criteria(rss, df, X.shape[0], noise_var)
    return ICPath(knots.lams, df, rss, ic["cp"], ic["aic"], ic["bic"], float(noise_var))


def ridge_criteria(X, y, lams, *, noise_var=None, fit_intercept: bool = True) -> ICPath:
    """Cp, AIC and BIC of ridge at every ``lam``, with ``df(lam) = sum_j d_j^2/(d_j^2 + lam)``.

    Ridge minimizes ``||y - b - X w||^2 + lam * ||w||_2^2`` (``b`` unpenalized); ``d_j``
    are the singular values of the centered ``X``.

    Parameters
    ----------
    X : array_like, shape (n, p)
    y : array_like, shape (n,)
    lams : array_like, shape (m,)
        Non-negative strengths.
    noise_var : float, optional
        As in :func:`lasso_criteria`.
    fit_intercept : bool

    Returns
    -------
    ICPath
        At the given ``lams``, in the order given.
    """
    X, y = _v.as_xy(X, y)
    lams = _v.check_lams(lams)
    fit_intercept = _v.check_bool(fit_intercept, "fit_intercept")
    if noise_var is None:
        noise_var = noise_variance(X, y, fit_intercept=fit_intercept)
    if fit_intercept:
        X, y = X - X.mean(axis=0), y - y.mean()
    W = ridge_path(X, y, lams)
    rss = np.sum((y[None, :] - W @ X.T) ** 2, axis=1)
    df = np.atleast_1d(effective_df(X, lams))
    ic = information_criteria(rss, df, X.shape[0], noise_var)
    return ICPath(lams, df, rss, ic["cp"], ic["aic"], ic["bic"], float(noise_var))
