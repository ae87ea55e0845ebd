"""How much ridge (and least-squares) coefficients move from one sample to the next.

Fix the design ``X`` and the true weights ``w``, and draw the response again and again,
``y = X w + eps`` with ``eps ~ N(0, noise_var I)``.  The ridge minimizer of
``||y - X w||^2 + lam * ||w||_2^2`` is ``w_hat = A y`` with
``A = (X^T X + lam I)^{-1} X^T``, so over these resamples it has

* mean       ``E[w_hat] = (X^T X + lam I)^{-1} X^T X w``,
* covariance ``Cov[w_hat] = noise_var * (X^T X + lam I)^{-1} X^T X (X^T X + lam I)^{-1}``.

With ``X = U diag(d) V^T`` both are diagonal in the basis ``V``: the mean multiplies the
``j``-th coordinate of ``w`` by ``d_j^2 / (d_j^2 + lam)`` and the variance along ``v_j`` is
``noise_var * d_j^2 / (d_j^2 + lam)^2``.  At ``lam = 0`` (least squares) that variance is
``noise_var / d_j^2``, which explodes when features are nearly collinear (a tiny ``d_j``);
any ``lam > 0`` caps it at ``noise_var / (4 lam)``.
"""

from __future__ import annotations

import numpy as np

from ._validation import as_matrix, check_coef, check_int, check_lam, check_positive, check_rng
from .shrinkage import _as_lams, _rank_tol

__all__ = ["resample_coefs", "ridge_coef_moments"]


def _svd_solver(X: np.ndarray, lam_arr: np.ndarray):
    """Return (U, d, Vt, mult) with w_hat = Vt.T @ (mult[l] * (U.T @ y)) for lam_arr[l]."""
    U, d, Vt = np.linalg.svd(X, full_matrices=False)
    nonzero = d > _rank_tol(d, X.shape)
    denom = d[None, :] ** 2 + lam_arr[:, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        mult = np.where(nonzero[None, :], d[None, :] / np.where(denom > 0, denom, 1.0), 0.0)
    return U, d, Vt, mult


def resample_coefs(X, w, noise_sd, lams, n_resamples, rng):
    """Ridge coefficients fitted to many fresh draws of the noise, for several ``lam``.

    Draws ``y_k = X w + noise_sd * z_k`` with ``z_k ~ N(0, I)`` for
    ``k = 1..n_resamples`` (``X`` held fixed) and, for each ``lam``, returns the minimizer
    of ``||y_k - X v||^2 + lam * ||v||_2^2`` over ``v``.  ``lam = 0`` gives least squares
    (the minimum-norm solution if ``X`` is rank deficient).  Every ``lam`` sees the same
    draws, so the clouds can be compared point by point.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
        The fixed design (centered, no intercept column).
    w : array_like, shape (n_features,)
        The true weights.
    noise_sd : float
        Standard deviation of the Gaussian noise, ``> 0``.
    lams : float or array_like, shape (n_lams,)
        Penalty strengths, each ``>= 0``.
    n_resamples : int
        Number of noise draws, ``>= 2``.
    rng : numpy.random.Generator
        The source of randomness.

    Returns
    -------
    coefs : ndarray, shape (n_resamples, n_features) or (n_lams, n_resamples, n_features)
        One fitted coefficient vector per draw; a leading axis over ``lams`` when ``lams``
        is an array.

    Raises
    ------
    ValueError
        If shapes do not match, values are not finite, ``noise_sd <= 0``, a ``lam < 0``
        or ``n_resamples < 2``.
    TypeError
        If ``rng`` is not a ``numpy.random.Generator`` or an argument is not numeric.
    """
    X = as_matrix(X, "X")
    w = check_coef(w, X.shape[1], "w")
    noise_sd = check_positive("noise_sd", noise_sd)
    lam_arr, scalar = _as_lams(lams)
    n_resamples = check_int(n_resamples, "n_resamples", minimum=2)
    rng = check_rng(rng)
    n = X.shape[0]
    Y = (X @ w)[:, None] + noise_sd * rng.standard_normal((n, int(n_resamples)))  # (n, K)
    U, _, Vt, mult = _svd_solver(X, lam_arr)
    UtY = U.T @ Y  # (r, K)
    coefs = np.einsum("lr,rk,rp->lkp", mult, UtY, Vt)  # (n_lams, K, p)
    return coefs[0] if scalar else coefs


def ridge_coef_moments(X, w, noise_var, lam):
    """Mean and covariance of the ridge coefficients over draws of the noise.

    For ``y = X w + eps``, ``eps ~ N(0, noise_var I)`` and ``X`` fixed, the minimizer
    ``w_hat`` of ``||y - X v||^2 + lam * ||v||_2^2`` has

    ``E[w_hat] = (X^T X + lam I)^{-1} X^T X w`` and
    ``Cov[w_hat] = noise_var (X^T X + lam I)^{-1} X^T X (X^T X + lam I)^{-1}``,

    computed here through one SVD of ``X``.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
        The fixed design.
    w : array_like, shape (n_features,)
        The true weights.
    noise_var : float
        Noise variance, ``> 0``.
    lam : float
        Penalty strength, ``>= 0``.  With ``lam = 0`` the result is the least-squares
        (minimum-norm) estimator's, whose mean is the projection of ``w`` onto the row
        space of ``X``.

    Returns
    -------
    mean : ndarray, shape (n_features,)
    cov : ndarray, shape (n_features, n_features)

    Raises
    ------
    ValueError
        If shapes do not match, values are not finite, ``noise_var <= 0`` or ``lam < 0``.
    TypeError
        If an argument is not numeric or ``lam`` is not a single real number.
    """
    X = as_matrix(X, "X")
    w = check_coef(w, X.shape[1], "w")
    noise_var = check_positive("noise_var", noise_var)
    lam_arr = np.array([check_lam(lam, "lam")])
    _, d, Vt, mult = _svd_solver(X, lam_arr)
    factor = mult[0] * d  # d^2 / (d^2 + lam), 0 for null directions
    mean = Vt.T @ (factor * (Vt @ w))
    cov = noise_var * (Vt.T * mult[0] ** 2) @ Vt
    return mean, cov
