"""The Laplace prior, and the lasso as its MAP estimate.

Model: ``y = X w + e`` with noise ``e ~ N(0, noise_var * I)`` and independent Laplace
priors ``p(w_j) = exp(-|w_j| / scale) / (2 * scale)``.  Then

    -log p(y | w) - log p(w) = ||y - X w||^2 / (2 noise_var) + ||w||_1 / scale + const,

and multiplying by ``2 * noise_var`` gives the lasso objective
``||y - X w||^2 + lam * ||w||_1`` with ``lam = 2 * noise_var / scale``: the lasso is the
*maximum a posteriori* (MAP) estimate.  The posterior *mean* is a different estimator and
is never sparse; :func:`laplace_posterior_mean_1d` gives it in closed form for one weight.
"""

from __future__ import annotations

import math

import numpy as np

from ._validation import as_array, as_xy, check_positive

__all__ = [
    "laplace_lam",
    "laplace_neg_log_posterior",
    "laplace_map",
    "laplace_posterior_mean_1d",
]


# --------------------------------------------------------------------------- validation
def _weights(w, p: int) -> np.ndarray:
    """One weight vector ``(p,)`` or a stack of them ``(m, p)``."""
    w = as_array(w, "w")
    if w.ndim not in (1, 2):
        raise ValueError(
            f"w must be a 1-D array (p,) or a 2-D array (m, p), "
            f"got {w.ndim}-D array of shape {w.shape}"
        )
    if w.shape[-1] != p:
        raise ValueError(f"w must have one entry per column of X ({p}), got {w.shape[-1]}")
    return w


# --------------------------------------------------------------------------- public API
def laplace_lam(noise_var, scale) -> float:
    """The lasso ``lam`` whose solution is the MAP estimate under a Laplace prior.

    Parameters
    ----------
    noise_var : float
        Noise variance ``sigma^2 > 0`` of the Gaussian likelihood.
    scale : float
        Scale ``b > 0`` of the prior ``p(w_j) = exp(-|w_j| / b) / (2 b)``.

    Returns
    -------
    float
        ``lam = 2 * sigma^2 / b``, so that minimizing ``||y - X w||^2 + lam * ||w||_1``
        maximizes the posterior.
    """
    return 2.0 * check_positive("noise_var", noise_var) / check_positive("scale", scale)


def laplace_neg_log_posterior(w, X, y, noise_var, scale):
    """Negative log of likelihood times Laplace prior, ``-log p(y | w) - log p(w)``.

    .. math::

        \\frac{\\lVert y - X w\\rVert^2}{2\\sigma^2} + \\frac{\\lVert w\\rVert_1}{b}
        + \\frac{n}{2}\\log(2\\pi\\sigma^2) + p\\log(2b)

    It differs from ``-log p(w | y)`` only by the constant ``log p(y)`` (the evidence),
    so it has the same minimizer, the MAP estimate.

    Parameters
    ----------
    w : array_like, shape (p,) or (m, p)
        One weight vector, or ``m`` of them as rows (evaluated together).
    X : array_like, shape (n, p)
        Design matrix.
    y : array_like, shape (n,)
        Targets.
    noise_var : float
        Noise variance ``sigma^2 > 0``.
    scale : float
        Laplace scale ``b > 0``.

    Returns
    -------
    float or ndarray of shape (m,)
        The value for each weight vector.
    """
    X, y = as_xy(X, y)
    w = _weights(w, X.shape[1])
    noise_var = check_positive("noise_var", noise_var)
    scale = check_positive("scale", scale)
    n, p = X.shape
    resid = y - w @ X.T  # (n,) or (m, n)
    value = (
        np.sum(resid**2, axis=-1) / (2.0 * noise_var)
        + np.sum(np.abs(w), axis=-1) / scale
        + 0.5 * n * math.log(2.0 * math.pi * noise_var)
        + p * math.log(2.0 * scale)
    )
    return float(value) if w.ndim == 1 else value


def laplace_map(X, y, noise_var, scale) -> np.ndarray:
    """MAP estimate of ``w`` under a Laplace prior: the lasso with ``lam = 2 sigma^2 / b``.

    Minimizes ``||y - X w||^2 / (2 sigma^2) + ||w||_1 / b``, i.e. (times ``2 sigma^2``)
    ``||y - X w||^2 + lam * ||w||_1`` with ``lam = 2 * sigma^2 / b``, solved by
    :func:`reglib.lasso`.  No intercept: center ``X`` and ``y`` first if you need one.

    Parameters
    ----------
    X : array_like, shape (n, p)
        Design matrix.
    y : array_like, shape (n,)
        Targets.
    noise_var : float
        Noise variance ``sigma^2 > 0``.
    scale : float
        Laplace scale ``b > 0``.

    Returns
    -------
    ndarray of shape (p,)
        The MAP weights (exact zeros where the lasso sets them).
    """
    from .lasso import lasso

    X, y = as_xy(X, y)
    return lasso(X, y, laplace_lam(noise_var, scale))


def _log_ndtr(x: np.ndarray) -> np.ndarray:
    """``log Phi(x)`` for the standard normal CDF, accurate in the far left tail."""
    x = np.asarray(x, dtype=float)
    out = np.empty_like(x)
    far = x < -20.0
    near = ~far
    erfc = np.frompyfunc(math.erfc, 1, 1)
    out[near] = np.log(0.5 * erfc(-x[near] / math.sqrt(2.0)).astype(float))
    xf = x[far]
    # Asymptotic series: Phi(x) = phi(x)/(-x) * (1 - 1/x^2 + 3/x^4 - 15/x^6 + 105/x^8 ...)
    z2 = 1.0 / xf**2
    series = 1.0 - z2 + 3.0 * z2**2 - 15.0 * z2**3 + 105.0 * z2**4
    out[far] = -0.5 * xf**2 - np.log(-xf) - 0.5 * math.log(2.0 * math.pi) + np.log(series)
    return out


def laplace_posterior_mean_1d(m, lik_var, scale):
    """Posterior mean of one weight under a Gaussian likelihood and a Laplace prior.

    The posterior density is ``p(w) ∝ exp(-(w - m)^2 / (2 s^2) - |w| / b)`` with
    ``s^2 = lik_var``.  On each half line it is a truncated normal: with
    ``a = m - s^2/b`` (for ``w > 0``) and ``c = m + s^2/b`` (for ``w < 0``),

    .. math::

        E[w] = \\pi_+\\Big(a + s\\frac{\\varphi(a/s)}{\\Phi(a/s)}\\Big)
             + \\pi_-\\Big(c - s\\frac{\\varphi(c/s)}{\\Phi(-c/s)}\\Big),
        \\qquad \\frac{\\pi_+}{\\pi_-} = e^{-2m/b}\\,\\frac{\\Phi(a/s)}{\\Phi(-c/s)}.

    For an orthonormal design (``X^T X = I``) the posterior factorizes and
    ``m = X^T y`` (per coordinate), ``lik_var = sigma^2``; the MAP is then the soft
    threshold ``sign(m) max(|m| - sigma^2/b, 0)``, which is exactly zero for small ``|m|``,
    while this mean is zero only at ``m = 0``.

    Parameters
    ----------
    m : float or array_like
        Mean of the Gaussian likelihood in ``w`` (the least-squares estimate).
    lik_var : float
        Variance ``s^2 > 0`` of the Gaussian likelihood in ``w``.
    scale : float
        Laplace scale ``b > 0``.

    Returns
    -------
    float or ndarray
        The posterior mean, elementwise over ``m``.
    """
    m_in = as_array(m, "m")
    m_arr = np.atleast_1d(m_in).ravel()
    s2 = check_positive("lik_var", lik_var)
    b = check_positive("scale", scale)
    s = math.sqrt(s2)
    a = m_arr - s2 / b
    c = m_arr + s2 / b
    log_pos = _log_ndtr(a / s)  # log Phi(a/s)
    log_neg = _log_ndtr(-c / s)  # log Phi(-c/s)
    log_phi_a = -0.5 * (a / s) ** 2 - 0.5 * math.log(2.0 * math.pi)
    log_phi_c = -0.5 * (c / s) ** 2 - 0.5 * math.log(2.0 * math.pi)
    mean_pos = a + s * np.exp(log_phi_a - log_pos)
    mean_neg = c - s * np.exp(log_phi_c - log_neg)
    # log Z+ - log Z- = (a^2 - c^2) / (2 s^2) + log Phi(a/s) - log Phi(-c/s),
    # and a^2 - c^2 = -4 m s^2 / b
    log_ratio = -2.0 * m_arr / b + log_pos - log_neg
    pi_pos = 1.0 / (1.0 + np.exp(-np.clip(log_ratio, -700.0, 700.0)))
    out = pi_pos * mean_pos + (1.0 - pi_pos) * mean_neg
    if m_in.ndim == 0:
        return float(out[0])
    return out.reshape(m_in.shape)
