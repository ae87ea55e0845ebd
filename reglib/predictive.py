"""Posterior predictive of Bayesian linear regression, and the prior centred at ``w0``.

With a Gaussian posterior ``w | y ~ N(m, S)`` (from :func:`reglib.posterior`) and noise
``N(0, sigma^2)``, a new input ``x`` has the predictive distribution

    y_new | y ~ N(x^T m, x^T S x + sigma^2),

the first variance term from not knowing ``w`` (it shrinks as data arrive), the second
from the noise (it does not).  A Gaussian prior centred at ``w0`` instead of zero,
``N(w0, tau^2 I)``, has the posterior mean that minimizes the *generalized ridge* objective
``||y - X w||^2 + lam * ||w - w0||^2`` with ``lam = sigma^2 / tau^2``: it shrinks toward
``w0``.
"""

from __future__ import annotations

from statistics import NormalDist

import numpy as np

from ._validation import (
    as_array,
    as_matrix,
    as_xy,
    check_bool,
    check_coef,
    check_lam,
    check_positive,
)

__all__ = ["posterior_predictive", "predictive_interval", "generalized_ridge"]


def _mean_cov(X_new, mean, cov):
    X_new = as_matrix(X_new, "X_new")
    p = X_new.shape[1]
    mean = check_coef(mean, p, "mean")
    cov = as_array(cov, "cov")
    if cov.shape != (p, p):
        raise ValueError(
            f"cov must be a ({p}, {p}) matrix (one row and column per column of X_new), "
            f"got shape {cov.shape}"
        )
    if not np.allclose(cov, cov.T, rtol=1e-10, atol=1e-12 * max(1.0, float(np.abs(cov).max()))):
        raise ValueError("cov must be a symmetric matrix")
    return X_new, mean, cov


def posterior_predictive(X_new, mean, cov, noise_var, include_noise=True):
    """Mean and variance of the posterior predictive at new inputs.

    For each row ``x`` of ``X_new``:

    .. math::

        E[y_{new}] = x^\\top m, \\qquad
        \\mathrm{Var}[y_{new}] = x^\\top S x + \\sigma^2 ,

    where ``m, S`` are the posterior mean and covariance of ``w``.  With
    ``include_noise=False`` the variance is ``x^T S x`` only: the uncertainty about the
    regression function ``x^T w`` rather than about a new noisy observation.

    Parameters
    ----------
    X_new : array_like, shape (k, p)
        New inputs (same features as the training design).
    mean : array_like, shape (p,)
        Posterior mean ``m``.
    cov : array_like, shape (p, p)
        Posterior covariance ``S`` (symmetric positive semi-definite).
    noise_var : float
        Noise variance ``sigma^2 > 0``.
    include_noise : bool, default True
        Whether to add ``sigma^2`` (predict an observation, not the mean function).

    Returns
    -------
    pred_mean : ndarray of shape (k,)
        ``X_new @ m``.
    pred_var : ndarray of shape (k,)
        ``diag(X_new S X_new^T)`` (+ ``sigma^2``).
    """
    X_new, mean, cov = _mean_cov(X_new, mean, cov)
    noise_var = check_positive("noise_var", noise_var)
    include_noise = check_bool(include_noise, "include_noise")
    pred_mean = X_new @ mean
    pred_var = np.einsum("ij,jk,ik->i", X_new, cov, X_new)
    pred_var = np.maximum(pred_var, 0.0)  # rounding can make a tiny variance negative
    if include_noise:
        pred_var = pred_var + noise_var
    return pred_mean, pred_var


def predictive_interval(X_new, mean, cov, noise_var, level=0.95, include_noise=True):
    """Central posterior predictive interval ``x^T m ± z * sqrt(Var[y_new])``.

    ``z`` is the standard normal quantile ``Phi^{-1}((1 + level) / 2)`` (1.96 for 95%).
    Under the model (``w`` drawn from the prior, noise Gaussian) the interval contains a
    new observation with probability exactly ``level``.

    Parameters
    ----------
    X_new : array_like, shape (k, p)
        New inputs.
    mean : array_like, shape (p,)
        Posterior mean ``m``.
    cov : array_like, shape (p, p)
        Posterior covariance ``S``.
    noise_var : float
        Noise variance ``sigma^2 > 0``.
    level : float, default 0.95
        Coverage probability, strictly between 0 and 1.
    include_noise : bool, default True
        As in :func:`posterior_predictive`.

    Returns
    -------
    lower, upper : ndarray of shape (k,)
        The interval's end points.
    """
    pred_mean, pred_var = posterior_predictive(X_new, mean, cov, noise_var, include_noise)
    level = check_positive("level", level)
    if not level < 1.0:
        raise ValueError(f"level must be a probability strictly between 0 and 1, got {level!r}")
    z = NormalDist().inv_cdf(0.5 + level / 2.0)
    half = z * np.sqrt(pred_var)
    return pred_mean - half, pred_mean + half


def generalized_ridge(X, y, lam, w0):
    """Ridge that shrinks toward ``w0`` instead of zero.

    Minimizes

    .. math::

        \\lVert y - X w \\rVert^2 + \\lambda \\lVert w - w_0 \\rVert^2 ,

    whose minimizer solves ``(X^T X + lam I) w = X^T y + lam w0``.  It is the posterior
    mean under the prior ``N(w0, tau^2 I)`` with ``lam = sigma^2 / tau^2``, and equals
    ``w0 + ridge(X, y - X w0, lam)``.  ``lam -> inf`` gives ``w0``; ``w0 = 0`` gives ridge.

    Parameters
    ----------
    X : array_like, shape (n, p)
        Design matrix (no intercept column is added).
    y : array_like, shape (n,)
        Targets.
    lam : float
        Regularization strength ``>= 0`` (``lam = 0`` needs ``X`` of full column rank).
    w0 : array_like, shape (p,)
        The point the weights are shrunk toward (the prior mean).

    Returns
    -------
    ndarray of shape (p,)
        The minimizer.
    """
    X, y = as_xy(X, y)
    lam = check_lam(lam)
    w0 = check_coef(w0, X.shape[1], "w0")
    p = X.shape[1]
    A = X.T @ X + lam * np.eye(p)
    rhs = X.T @ y + lam * w0
    try:
        w = np.linalg.solve(A, rhs)
    except np.linalg.LinAlgError:
        raise ValueError(
            "X^T X + lam I is singular: use lam > 0 or a design of full column rank"
        ) from None
    if not np.all(np.isfinite(w)) or np.linalg.cond(A) > 1e14:
        raise ValueError("X^T X + lam I is singular: use lam > 0 or a design of full column rank")
    return w

