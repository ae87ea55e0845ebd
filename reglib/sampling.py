"""A small random-walk Metropolis sampler, run as many chains in parallel.

Random-walk Metropolis draws samples from a density known only up to a constant
(a posterior ``p(w | y) ∝ p(y | w) p(w)``, whose evidence ``p(y)`` we never compute).
From the current point ``w`` it proposes ``w' = w + e`` with ``e ~ N(0, C)`` and accepts
with probability ``min(1, p(w') / p(w))``; otherwise it stays at ``w``.  The chain's
stationary distribution is the target.  Running ``n_chains`` chains side by side keeps the
work vectorised (one call of ``log_density`` per step for all chains) and gives an honest
Monte Carlo error: the spread of the independent chains' means.
"""

from __future__ import annotations

import numpy as np

from ._validation import as_array, check_int, check_rng

__all__ = ["metropolis", "chain_mean"]


def _proposal_factor(step, d: int) -> np.ndarray:
    """A matrix ``L`` with ``L @ L.T`` the proposal covariance."""
    arr = as_array(step, "step")
    if arr.ndim == 0:
        if arr <= 0:
            raise ValueError(
                f"step must be a positive number or a (d, d) covariance matrix, got {float(arr)!r}"
            )
        return float(arr) * np.eye(d)
    if arr.shape != (d, d):
        raise ValueError(
            f"step must be a positive number or a ({d}, {d}) covariance matrix, "
            f"got shape {arr.shape}"
        )
    if not np.allclose(arr, arr.T):
        raise ValueError("step must be a symmetric covariance matrix")
    try:
        return np.linalg.cholesky(arr)
    except np.linalg.LinAlgError:
        raise ValueError("step must be a positive definite covariance matrix") from None


def _log_density_values(log_density, W: np.ndarray) -> np.ndarray:
    out = np.asarray(log_density(W), dtype=float)
    if out.shape != (W.shape[0],):
        raise ValueError(
            f"log_density must map an array of shape (n_chains, d) = {W.shape} to shape "
            f"({W.shape[0]},), got shape {out.shape}"
        )
    if np.any(np.isnan(out)) or np.any(out == np.inf):
        raise ValueError("log_density returned NaN or +inf")
    return out


def metropolis(log_density, x0, n_steps, step, rng, *, burn_in=0):
    """Random-walk Metropolis with Gaussian proposals, many chains at once.

    Each chain moves ``w -> w' = w + L z`` with ``z ~ N(0, I)`` and ``L L^T = C`` (the
    proposal covariance), and accepts ``w'`` with probability
    ``min(1, exp(log_density(w') - log_density(w)))``.

    Parameters
    ----------
    log_density : callable
        ``log_density(W)`` maps an array ``W`` of shape ``(n_chains, d)`` (one point per
        row) to the array of shape ``(n_chains,)`` of log target densities, up to an
        additive constant.  ``-inf`` marks points outside the support.
    x0 : array_like, shape (n_chains, d) or (d,)
        Starting points (a 1-D array is a single chain).  Each must have a finite log density.
    n_steps : int
        Number of steps kept per chain (``>= 1``).
    step : float or array_like of shape (d, d)
        Proposal: a positive standard deviation ``s`` (covariance ``s^2 I``) or a positive
        definite proposal covariance matrix ``C``.
    rng : numpy.random.Generator
        The source of randomness (runs are reproducible for a fixed seed).
    burn_in : int, default 0
        Steps run first and discarded (``>= 0``).

    Returns
    -------
    samples : ndarray of shape (n_steps, n_chains, d)
        The kept states, step by step.
    acceptance_rate : float
        Fraction of accepted proposals over the kept steps (all chains).
    """
    if not callable(log_density):
        raise TypeError(f"log_density must be a function, got {type(log_density).__name__}")
    x0 = as_array(x0, "x0")
    if x0.ndim == 1:
        x0 = x0[None, :]
    if x0.ndim != 2:
        raise ValueError(
            f"x0 must be a 1-D array (d,) or a 2-D array (n_chains, d), got {x0.ndim}-D array"
        )
    n_steps = check_int(n_steps, "n_steps", minimum=1)
    burn_in = check_int(burn_in, "burn_in", minimum=0)
    rng = check_rng(rng)
    n_chains, d = x0.shape
    L = _proposal_factor(step, d)

    current = x0.copy()
    current_lp = _log_density_values(log_density, current)
    if not np.all(np.isfinite(current_lp)):
        raise ValueError("x0 must have a finite log density in every chain")
    samples = np.empty((n_steps, n_chains, d))
    accepted = 0
    for t in range(burn_in + n_steps):
        proposal = current + rng.standard_normal((n_chains, d)) @ L.T
        proposal_lp = _log_density_values(log_density, proposal)
        log_u = np.log(rng.random(n_chains))
        accept = log_u < proposal_lp - current_lp
        current[accept] = proposal[accept]
        current_lp[accept] = proposal_lp[accept]
        if t >= burn_in:
            samples[t - burn_in] = current
            accepted += int(accept.sum())
    return samples, accepted / (n_steps * n_chains)


def chain_mean(samples):
    """Posterior-mean estimate from parallel chains, with its Monte Carlo standard error.

    The estimate is the mean of all samples; its standard error is the standard deviation
    of the per-chain means divided by ``sqrt(n_chains)``, which accounts for the
    autocorrelation inside each chain (the chains themselves are independent).

    Parameters
    ----------
    samples : array_like of shape (n_steps, n_chains, d)
        Output of :func:`metropolis`; at least two chains.

    Returns
    -------
    mean : ndarray of shape (d,)
        The average over steps and chains.
    std_error : ndarray of shape (d,)
        ``std(chain means, ddof=1) / sqrt(n_chains)``.
    """
    samples = as_array(samples, "samples")
    if samples.ndim != 3:
        raise ValueError(
            f"samples must be a 3-D array (n_steps, n_chains, d), "
            f"got {samples.ndim}-D array of shape {samples.shape}"
        )
    n_chains = samples.shape[1]
    if n_chains < 2:
        raise ValueError(
            f"samples must come from at least 2 chains to estimate the error, got {n_chains}"
        )
    chain_means = samples.mean(axis=0)
    return chain_means.mean(axis=0), chain_means.std(axis=0, ddof=1) / np.sqrt(n_chains)
