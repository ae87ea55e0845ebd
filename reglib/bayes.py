"""The Bayesian reading of ridge: the Gaussian posterior of the weights.

Model: prior :math:`w \\sim \\mathcal N(0, \\tau^2 I)` and likelihood
:math:`y \\mid w \\sim \\mathcal N(X w, \\sigma^2 I)`. The posterior is Gaussian and its
mean is the ridge minimizer of ``||y - X w||^2 + lam * ||w||^2`` with
``lam = sigma^2 / tau^2`` (``noise_var / prior_var``).
"""

from __future__ import annotations

import numpy as np

from .scaling import ratio, rescaled
from ._validation import as_xy, check_positive

__all__ = ["posterior"]


def posterior(X, y, noise_var, prior_var):
    """Posterior mean and covariance of ``w`` for Bayesian linear regression.

    With prior :math:`w \\sim \\mathcal N(0, \\tau^2 I)` (``prior_var`` :math:`= \\tau^2`)
    and noise :math:`y = X w + \\varepsilon,\\ \\varepsilon \\sim \\mathcal N(0, \\sigma^2 I)`
    (``noise_var`` :math:`= \\sigma^2`), the posterior is :math:`\\mathcal N(m, S)` with

    .. math::

        S = \\left(\\frac{X^\\top X}{\\sigma^2} + \\frac{I}{\\tau^2}\\right)^{-1}
          = \\sigma^2 (X^\\top X + \\lambda I)^{-1}, \\qquad
        m = \\frac{S X^\\top y}{\\sigma^2} = (X^\\top X + \\lambda I)^{-1} X^\\top y,
        \\qquad \\lambda = \\sigma^2 / \\tau^2 .

    So ``m`` is the ridge minimizer of ``||y - X w||^2 + lam * ||w||_2^2`` (and the MAP
    estimate). Both are computed from the full SVD :math:`X = U D V^\\top`:
    :math:`S = \\sigma^2 V \\operatorname{diag}(1/(d_j^2 + \\lambda)) V^\\top` (with
    :math:`d_j = 0` for ``j >= n`` when ``n < p``), which is exactly symmetric and positive
    definite; no matrix is inverted.

    Parameters
    ----------
    X : array_like, shape (n, p)
        Design matrix (no intercept).
    y : array_like, shape (n,)
        Targets.
    noise_var : float
        Noise variance :math:`\\sigma^2 > 0`.
    prior_var : float
        Prior variance :math:`\\tau^2 > 0` of each weight.

    Returns
    -------
    mean : numpy.ndarray, shape (p,)
        Posterior mean :math:`m`.
    cov : numpy.ndarray, shape (p, p)
        Posterior covariance :math:`S`.

    Raises
    ------
    ValueError, TypeError
        On malformed or mismatched ``X``/``y``, or a variance that is not a positive
        finite number.
    """
    X, y = as_xy(X, y)
    noise_var = check_positive("noise_var", noise_var)
    prior_var = check_positive("prior_var", prior_var)
    n, p = X.shape
    # work with X / ax and y / ay (exact powers of two, so extreme scales neither overflow
    # nor underflow): d_j = ax d'_j and lam / ax^2 = lam_s, computed without overflow
    X, y, ax, ay = rescaled(X, y)
    lam_s = ratio([noise_var], [prior_var, ax, ax])
    # V must be square (p x p); a full U is only needed, and cheap, when n < p
    U, d, Vt = np.linalg.svd(X, full_matrices=n < p)
    d2 = np.zeros(p)
    d2[: d.size] = d**2
    k = d.size
    with np.errstate(divide="ignore", over="ignore"):
        if lam_s >= 1.0:  # shrink_j = sigma^2 / (d_j^2 + lam) = tau^2 / (1 + d'_j^2 / lam_s)
            shrink = prior_var / (1.0 + d2 / lam_s)
            gain = d / (1.0 + d**2 / lam_s) * ratio([ay, ax, prior_var], [noise_var])
        else:  # shrink_j = (sigma^2 / ax^2) / (d'_j^2 + lam_s), exactly tau^2 where d_j = 0
            shrink = np.where(d2 > 0, ratio([noise_var], [ax, ax]) / (d2 + lam_s), prior_var)
            gain = d / (d**2 + lam_s) * ratio([ay], [ax])
    V = Vt.T
    with np.errstate(over="ignore", invalid="ignore"):
        cov = (V * shrink[None, :]) @ Vt
        cov = 0.5 * (cov + cov.T)
        mean = V[:, :k] @ (gain * (U[:, :k].T @ y))
    if not (np.all(np.isfinite(cov)) and np.all(np.isfinite(mean))):
        raise ValueError(
            f"the posterior is outside the range of float64 for noise_var={noise_var!r}, "
            f"prior_var={prior_var!r} and this X (max |X| ~ {ax:.1e}): rescale them"
        )
    return mean, cov
