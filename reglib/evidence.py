"""The evidence of Bayesian linear regression, and the prior it prefers (MacKay 1992).

Model: prior :math:`w \\sim \\mathcal N(0, \\tau^2 I)`, noise
:math:`y = X w + \\varepsilon,\\ \\varepsilon \\sim \\mathcal N(0, \\sigma^2 I)`. Integrating
``w`` out, :math:`y \\sim \\mathcal N(0, C)` with :math:`C = \\sigma^2 I + \\tau^2 X X^\\top`;
the log of that density at the observed ``y`` is the log evidence (log marginal
likelihood). Its maximizer over :math:`(\\tau^2, \\sigma^2)` gives the ridge strength
``lam = sigma^2 / tau^2`` of the objective ``||y - X w||^2 + lam * ||w||_2^2``.
"""

from __future__ import annotations

import numpy as np

from ._validation import as_xy, check_int, check_positive

__all__ = ["log_evidence", "max_evidence"]


def _positive(value, name):
    # a positive finite number, or a non-empty array of them
    if np.ndim(value) == 0:
        return np.asarray(check_positive(name, value))
    arr = np.asarray(value)
    if arr.dtype.kind not in "iuf" or arr.size == 0:
        raise TypeError(f"{name} must be a positive number or an array of them, got {value!r}")
    arr = arr.astype(float)
    if not np.all(np.isfinite(arr)) or np.any(arr <= 0):
        raise ValueError(f"{name} must hold positive finite numbers, got {value!r}")
    return arr


def log_evidence(X, y, noise_var, prior_var):
    """Log marginal likelihood ``log p(y | tau^2, sigma^2)`` of Bayesian linear regression.

    .. math::

        \\log p(y) = -\\tfrac12\\big(n \\log 2\\pi + \\log\\det C + y^\\top C^{-1} y\\big),
        \\qquad C = \\sigma^2 I + \\tau^2 X X^\\top .

    With the thin SVD :math:`X = U D V^\\top` (``r`` singular values ``d_j``), ``C`` has
    eigenvalues :math:`\\sigma^2 + \\tau^2 d_j^2` on the columns of ``U`` and
    :math:`\\sigma^2` on the other ``n - r`` directions, so no ``n x n`` matrix is formed.

    Parameters
    ----------
    X : array_like, shape (n, p)
        Design matrix (no intercept).
    y : array_like, shape (n,)
        Targets.
    noise_var : float or array_like
        Noise variance :math:`\\sigma^2 > 0`.
    prior_var : float or array_like
        Prior variance :math:`\\tau^2 > 0` of each weight. Arrays of ``noise_var`` and
        ``prior_var`` broadcast against each other (one SVD serves them all).

    Returns
    -------
    float or numpy.ndarray
        The log evidence, a float when both variances are scalars.

    Raises
    ------
    ValueError, TypeError
        On malformed or mismatched ``X``/``y``, or a variance that is not a positive
        finite number.
    """
    X, y = as_xy(X, y)
    s2 = _positive(noise_var, "noise_var")
    t2 = _positive(prior_var, "prior_var")
    s2, t2 = np.broadcast_arrays(s2, t2)
    # thin SVD X = U D V^T: C = s2 I + t2 U D^2 U^T has eigenvalues s2 + t2 d_j^2 along
    # the columns of U and s2 on the n - r directions orthogonal to them
    U, d, _ = np.linalg.svd(X, full_matrices=False)
    d2 = d**2
    proj2 = (U.T @ y) ** 2                        # squared coordinates of y along U
    rest = max(float(y @ y - proj2.sum()), 0.0)   # ... and the rest of ||y||^2
    n, r = X.shape[0], d2.size
    eig = s2[..., None] + t2[..., None] * d2              # (..., r)
    logdet = np.log(eig).sum(axis=-1) + (n - r) * np.log(s2)
    quad = (proj2 / eig).sum(axis=-1) + rest / s2
    value = -0.5 * (n * np.log(2 * np.pi) + logdet + quad)
    return float(value) if value.ndim == 0 else value


def max_evidence(X, y, *, max_iter=1000, tol=1e-10):
    """The prior and noise variances that maximize the evidence (MacKay's fixed point).

    With :math:`\\alpha = 1/\\tau^2`, :math:`\\beta = 1/\\sigma^2`, the posterior mean
    ``m`` (the ridge minimizer at ``lam = alpha / beta``) and the effective number of
    well-determined parameters :math:`\\gamma = \\sum_j \\beta d_j^2 / (\\alpha + \\beta d_j^2)`,
    the stationary points of the evidence satisfy (Bishop 2006, eqs. 3.92 and 3.95)

    .. math::

        \\alpha = \\frac{\\gamma}{m^\\top m}, \\qquad
        \\frac{1}{\\beta} = \\frac{\\lVert y - X m\\rVert^2}{n - \\gamma},

    iterated from :math:`\\alpha = 1`, :math:`\\beta = 1/\\operatorname{var}(y)` until both
    change by less than ``tol`` relatively.

    Parameters
    ----------
    X : array_like, shape (n, p)
    y : array_like, shape (n,)
    max_iter : int, default 1000
    tol : float, default 1e-10

    Returns
    -------
    noise_var : float
        :math:`\\hat\\sigma^2 = 1/\\beta`.
    prior_var : float
        :math:`\\hat\\tau^2 = 1/\\alpha`; the ridge strength is ``noise_var / prior_var``.

    Raises
    ------
    ValueError
        If ``y`` is all zeros, if the data are fitted exactly (no noise left to estimate),
        or if the iteration does not converge within ``max_iter`` steps.
    """
    X, y = as_xy(X, y)
    max_iter = check_int(max_iter, "max_iter", minimum=1)
    tol = check_positive("tol", tol)
    U, d, Vt = np.linalg.svd(X, full_matrices=False)
    uy = U.T @ y
    d2 = d**2
    n = X.shape[0]
    if not np.any(y):
        raise ValueError("y is all zeros: the evidence has no maximum")
    yy = float(y @ y)
    alpha, beta = 1.0, 1.0 / max(float(np.var(y)), np.finfo(float).tiny)
    for _ in range(max_iter):
        shrink = d / (d2 + alpha / beta)
        m = Vt.T @ (shrink * uy)
        gamma = float(np.sum(beta * d2 / (alpha + beta * d2)))
        resid = float(np.sum((y - X @ m) ** 2))
        # a residual below 1e-12 of ||y|| (relative) is an exact fit: the evidence then
        # grows without bound as the noise variance goes to 0
        if resid <= 1e-24 * yy or n - gamma <= 0 or not np.any(m):
            raise ValueError("the data are fitted exactly: no noise variance can be estimated")
        alpha_new, beta_new = gamma / float(m @ m), (n - gamma) / resid
        done = (abs(alpha_new - alpha) <= tol * alpha and abs(beta_new - beta) <= tol * beta)
        alpha, beta = alpha_new, beta_new
        if done:
            return 1.0 / beta, 1.0 / alpha
    raise ValueError(f"the evidence iteration did not converge in max_iter={max_iter} steps")
