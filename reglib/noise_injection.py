"""Training on noisy inputs is ridge in expectation (Bishop 1995).

Replace every entry of ``X`` (n x p) by ``X + E`` with ``E_ij ~ N(0, s^2)`` independent and
fresh at every use.  For a fixed ``w``,

    ``E ||y - (X + E) w||^2 = ||y - X w||^2 + n s^2 ||w||^2``,

because ``E w`` has mean 0 and covariance ``s^2 ||w||^2 I_n``: the expected loss is the
ridge objective with ``lam = n s^2`` (the course's scaling, no 1/2, no 1/n).
"""

from __future__ import annotations

import numpy as np

from ._validation import as_xy, check_coef, check_int, check_lam, check_rng

__all__ = ["noisy_losses", "expected_noisy_loss", "noise_lam"]


def noisy_losses(X, y, w, s, rng, n_draws):
    """Monte Carlo draws of ``||y - (X + E) w||^2`` with ``E_ij ~ N(0, s^2)`` i.i.d.

    Parameters
    ----------
    X : array_like, shape (n, p)
    y : array_like, shape (n,)
    w : array_like, shape (p,)
        The weights at which the loss is evaluated.
    s : float
        Standard deviation of the input noise, ``>= 0`` (0: no noise, ``lam = 0``).
    rng : numpy.random.Generator
        Source of the noise.
    n_draws : int
        Number of independent noise matrices ``E``, ``>= 1``.

    Returns
    -------
    losses : ndarray, shape (n_draws,)
        One loss per draw; their mean estimates :func:`expected_noisy_loss`.

    Raises
    ------
    TypeError, ValueError
        On invalid ``X``, ``y``, ``w``, ``s < 0``, ``n_draws < 1`` or an ``rng`` that is not
        a ``numpy.random.Generator``.
    """
    X, y = as_xy(X, y)
    w = check_coef(w, X.shape[1])
    s = check_lam(s, "s")  # s >= 0; s = 0 is the noiseless limit
    rng = check_rng(rng)
    n_draws = check_int(n_draws, "n_draws", minimum=1)
    E = rng.normal(0.0, s, size=(n_draws,) + X.shape)
    residuals = y[None, :] - (X[None, :, :] + E) @ w
    return np.sum(residuals**2, axis=1)


def expected_noisy_loss(X, y, w, s):
    """``E ||y - (X + E) w||^2 = ||y - X w||^2 + n s^2 ||w||^2`` for ``E_ij ~ N(0, s^2)``.

    Parameters
    ----------
    X : array_like, shape (n, p)
    y : array_like, shape (n,)
    w : array_like, shape (p,)
    s : float
        Standard deviation of the input noise, ``>= 0`` (0: no noise, ``lam = 0``).

    Returns
    -------
    float
        The ridge cost at ``w`` with ``lam = n s^2`` (:func:`noise_lam`).

    Raises
    ------
    TypeError, ValueError
        On invalid ``X``, ``y``, ``w`` or ``s < 0``.
    """
    X, y = as_xy(X, y)
    w = check_coef(w, X.shape[1])
    s = check_lam(s, "s")  # s >= 0; s = 0 is the noiseless limit
    return float(np.sum((y - X @ w) ** 2) + X.shape[0] * s**2 * np.sum(w**2))


def noise_lam(n_samples, s):
    """The ridge strength equivalent to input noise of standard deviation ``s``: ``n s^2``.

    Parameters
    ----------
    n_samples : int
        Number of training samples ``n`` (rows of ``X``), ``>= 1``.
    s : float
        Standard deviation of the noise added to every input entry, ``>= 0`` (0: no
        noise, ``lam = 0``, plain least squares).

    Returns
    -------
    float

    Raises
    ------
    TypeError
        If ``n_samples`` is not an integer or ``s`` not a real number.
    ValueError
        If ``n_samples < 1`` or ``s < 0``.
    """
    n = check_int(n_samples, "n_samples", minimum=1)
    s = check_lam(s, "s")  # s >= 0; s = 0 is the noiseless limit
    return n * s**2
