"""Support recovery: which coefficients an estimate sets to zero, and whether they are the
right ones.

The *support* of a coefficient vector is the set of its non-zero entries.  When the data
come from a sparse truth ``w_true``, a good sparse estimate has the same support.  This
module measures that along a path of estimates (one row per ``lam``) and simulates how
often the L1 and L2 constrained solutions of a two-feature problem contain an exact zero,
a frequency that depends on the geometry of the loss (correlation, least-squares point,
budget), so that the lasso does not "always" zero a coefficient and ridge zeroes one only
by coincidence.
"""

from __future__ import annotations

import numpy as np

from ._validation import as_array, as_vector, check_int, check_positive, check_rng
from .geometry import _real, constrained_minimizer, two_feature_problem

__all__ = ["support", "support_recovery", "zero_frequency"]


def _check_tol(tol) -> float:
    tol = _real(tol, "tol")
    if tol < 0:
        raise ValueError(f"tol must be a non-negative real number, got {tol!r}")
    return tol


def support(w, tol: float = 0.0) -> np.ndarray:
    """The support of ``w``: a boolean mask of the entries with ``|w_j| > tol``.

    Parameters
    ----------
    w : array_like
        Coefficients, any shape (e.g. ``(p,)`` or a path ``(n_lams, p)``).
    tol : float
        Entries with ``|w_j| <= tol`` count as zero; the default 0 means *exactly* zero.

    Returns
    -------
    numpy.ndarray of bool, same shape as ``w``.

    Raises
    ------
    TypeError, ValueError
        If ``w`` is not a finite numeric array or ``tol`` is negative or not a number.
    """
    w = as_array(w, "w")
    return np.abs(w) > _check_tol(tol)


def support_recovery(W, w_true, tol: float = 0.0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """How well each estimate in ``W`` recovers the support ``S = {j : w_true[j] != 0}``.

    For each row ``w`` of ``W`` with estimated support ``S_hat = {j : |w_j| > tol}``:

    * recall ``|S_hat & S| / |S|``: the fraction of the true support that is recovered;
    * false positives ``|S_hat - S|``: how many truly-zero coefficients are selected;
    * exact ``S_hat == S``.

    Parameters
    ----------
    W : array_like, shape (n_lams, p) or (p,)
        Estimates, e.g. ``reglib.lasso_path(X, y, lams)``.
    w_true : array_like, shape (p,)
        The true coefficients; at least one must be non-zero.
    tol : float
        Threshold below which an estimated coefficient counts as zero (default 0: exact).

    Returns
    -------
    recall : numpy.ndarray of float, shape (n_lams,)
    false_positives : numpy.ndarray of int, shape (n_lams,)
    exact : numpy.ndarray of bool, shape (n_lams,)
        For a 1-D ``W`` the three results are arrays of length 1.

    Raises
    ------
    TypeError, ValueError
        On non-numeric or non-finite input, mismatched numbers of features, a ``W``
        with more than 2 dimensions, an all-zero ``w_true`` or a bad ``tol``.
    """
    W = as_array(W, "W")
    if W.ndim == 1:
        W = W[None, :]
    if W.ndim != 2:
        raise ValueError(f"W must be 1-D (p,) or 2-D (n_lams, p), got shape {W.shape}")
    w_true = as_vector(w_true, "w_true")
    if W.shape[1] != w_true.shape[0]:
        raise ValueError(
            f"W and w_true must have the same number of features, got {W.shape[1]} columns in W "
            f"and {w_true.shape[0]} entries in w_true"
        )
    true = w_true != 0
    if not np.any(true):
        raise ValueError("w_true must have at least one non-zero entry (a non-empty support)")
    est = support(W, tol)
    recall = (est & true).sum(axis=1) / true.sum()
    false_positives = (est & ~true).sum(axis=1)
    exact = np.all(est == true, axis=1)
    return recall, false_positives, exact


def zero_frequency(
    rho, t, rng, w_true=(1.0, 1.0), noise: float = 0.5, n_trials: int = 1000,
    norms=(1.0, 1.0),
) -> tuple[float, float]:
    """Simulate how often the L1 and the L2 constrained solutions contain an exact zero.

    Each trial draws data from a two-feature linear model with features of norms
    ``norms = (a, b)`` and correlation ``rho`` (``X`` from
    :func:`reglib.geometry.two_feature_problem`, so
    ``X^T X = [[a^2, rho a b], [rho a b, b^2]]``) and ``y = X w_true + noise * z`` with
    ``z ~ N(0, I)``; the least-squares point is then ``w_true`` plus Gaussian noise of
    covariance ``noise^2 (X^T X)^{-1}``.  It solves

        ``minimize ||y - X w||^2  subject to  ||w||_1 <= t``  and  ``... ||w||_2 <= t``

    exactly (:func:`reglib.geometry.constrained_minimizer`).  A trial counts when at
    least one coordinate of the solution is exactly ``0.0``.

    Parameters
    ----------
    rho : float
        Correlation of the two features, ``-1 < rho < 1``.
    t : float
        The budget, ``t > 0``.
    rng : numpy.random.Generator
    w_true : array_like, shape (2,)
        True coefficients of the simulated model.
    noise : float
        Noise standard deviation (``> 0``).
    n_trials : int
        Number of simulated data sets (``>= 1``).
    norms : array_like, shape (2,)
        Norms of the two features (default: both 1).

    Returns
    -------
    frac_l1, frac_l2 : float
        Fractions of trials whose L1 (resp. L2) solution has an exact zero.

    Raises
    ------
    TypeError, ValueError
        On a bad ``rho``, ``t``, ``w_true``, ``noise``, ``n_trials``, ``norms`` or a ``rng`` that is
        not a ``numpy.random.Generator``.
    """
    t = check_positive("t", t)
    rng = check_rng(rng)
    noise = check_positive("noise", noise)
    n_trials = check_int(n_trials, "n_trials", minimum=1)
    X, mean = two_feature_problem(w_true, rho, norms)  # validates w_true, rho, norms
    zeros = np.zeros(2)
    for _ in range(n_trials):
        y = mean + noise * rng.standard_normal(2)
        for k, norm in enumerate(("l1", "l2")):
            w, _lam = constrained_minimizer(X, y, t, norm)
            zeros[k] += bool(np.any(w == 0.0))
    return float(zeros[0] / n_trials), float(zeros[1] / n_trials)
