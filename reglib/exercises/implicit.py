"""Checkers for the exercises of the chapter "Implicit regularization".

Each checker returns a :class:`~reglib.exercises.CheckResult`: it prints a verdict in the
notebook and is truthy when the answer matches the reference.

* :func:`check_gd_factor` -- your ``gd_factor(d, eta, k)``, the filter factor of gradient
  descent on ``||y - X w||^2`` after ``k`` steps from zero;
* :func:`check_gd_limit` -- your ``gd_limit(X, y, w0)``, where gradient descent on
  ``||y - X w||^2`` converges from the start ``w0`` when ``p > n``;
* :func:`check_multiplicative_noise` -- your ``mult_noise_loss(X, y, w, s)``, the expected
  loss ``E ||y - (X * (1 + E)) w||^2`` with ``E_ij ~ N(0, s^2)``;
* :func:`check_noisy_sampler` -- your ``noisy_loss(X, y, w, s, rng)``, one random draw of
  ``||y - (X + E) w||^2`` with ``E_ij ~ N(0, s^2)``.
"""

from __future__ import annotations

import numpy as np

from ..min_norm import min_norm
from ._check import CheckResult, check_function

__all__ = ["check_gd_factor", "check_gd_limit", "check_multiplicative_noise",
           "check_noisy_sampler"]


def _gd_factor(d, eta, k):
    return 1.0 - (1.0 - 2.0 * eta * np.asarray(d, dtype=float) ** 2) ** k


def check_gd_factor(fn) -> CheckResult:
    """Check ``fn(d, eta, k) = 1 - (1 - 2 eta d^2)^k`` (elementwise over an array ``d``).

    The cases include large steps (``2 eta d^2`` up to 1.8, where the factor overshoots 1),
    so the gradient-flow approximation ``1 - exp(-2 eta k d^2)`` and the convention without
    the 2 (``1 - (1 - eta d^2)^k``) both fail, and ``k = 0`` (factor 0).
    """
    d = np.array([0.0, 0.3, 1.0, 2.0, 3.0])
    cases = [dict(d=d, eta=0.1, k=k) for k in (0, 1, 2, 7, 50)]
    cases += [dict(d=d, eta=0.01, k=k) for k in (3, 300)]
    return check_function(fn, _gd_factor, cases, name="gradient-descent filter factor",
                          rtol=1e-8, atol=1e-10)


def _gd_limit(X, y, w0):
    X = np.asarray(X, dtype=float)
    w0 = np.asarray(w0, dtype=float)
    return w0 + min_norm(X, np.asarray(y, dtype=float) - X @ w0)


def check_gd_limit(fn) -> CheckResult:
    """Check ``fn(X, y, w0)``: the limit of gradient descent on ``||y - X w||^2`` from ``w0``.

    The reference is ``X^+ y + (I - X^+ X) w0 = w0 + X^+ (y - X w0)``: the minimum-norm
    interpolant plus the part of ``w0`` in the null space of ``X``, which gradient descent
    never changes.  ``X^+ y`` alone (ignoring ``w0``) and ``w0 + X^+ y`` fail.
    """
    rng = np.random.default_rng(2024)
    cases = []
    for n, p in ((3, 8), (5, 12), (4, 4)):
        cases.append(dict(X=rng.normal(size=(n, p)), y=rng.normal(size=n),
                          w0=rng.normal(size=p)))
    cases.append(dict(X=cases[0]["X"], y=cases[0]["y"], w0=np.zeros(8)))
    return check_function(fn, _gd_limit, cases, name="limit of gradient descent from w0",
                          rtol=1e-7, atol=1e-9)


def _mult_noise_loss(X, y, w, s):
    X, y, w = (np.asarray(a, dtype=float) for a in (X, y, w))
    return float(np.sum((y - X @ w) ** 2) + s**2 * np.sum(w**2 * np.sum(X**2, axis=0)))


def check_multiplicative_noise(fn) -> CheckResult:
    """Check ``fn(X, y, w, s) = ||y - X w||^2 + s^2 sum_j w_j^2 ||x_j||^2``.

    Columns of very different sizes make the additive-noise answer ``n s^2 ||w||^2`` and the
    unweighted ``s^2 ||w||^2`` fail.
    """
    rng = np.random.default_rng(7)
    cases = []
    for n, p in ((6, 3), (10, 4)):
        X = rng.normal(size=(n, p)) * np.geomspace(3.0, 0.2, p)
        cases.append(dict(X=X, y=rng.normal(size=n), w=rng.normal(size=p), s=0.5))
        cases.append(dict(X=X, y=rng.normal(size=n), w=rng.normal(size=p), s=1.3))
    return check_function(fn, _mult_noise_loss, cases,
                          name="expected loss under multiplicative Gaussian noise", rtol=1e-8)


def check_noisy_sampler(fn) -> CheckResult:
    """Check ``fn(X, y, w, s, rng)`` returns one draw of ``||y - (X + E) w||^2``, ``E_ij ~ N(0, s^2)``.

    Over 4000 calls with generators seeded 0, 1, 2, ... the mean must be within five
    standard errors of ``||y - X w||^2 + n s^2 ||w||^2`` and the variance within 15% of the
    exact ``4 t ||y - X w||^2 + 2 n t^2`` (``t = s^2 ||w||^2``); the same seed must give the
    same draw (the noise comes from ``rng``), and different seeds different draws (so the
    expected value itself, returned every time, fails).  Finally, with one seed the draws
    at ``y = Xw + c r`` for ``c = 0, 1, 2`` must satisfy ``L_2 - 2 L_1 + L_0 = 2 ||r||^2``, as
    they do when all three use one noise matrix ``E``: a fake that draws the loss itself
    from a distribution with the right mean and variance fails.
    """
    if not callable(fn):
        raise TypeError(f"fn must be a function, got {type(fn).__name__}")
    rng0 = np.random.default_rng(31)
    X = rng0.normal(size=(8, 3))
    y, w, s = rng0.normal(size=8), np.array([1.0, -0.5, 2.0]), 0.4
    r2 = float(np.sum((y - X @ w) ** 2))
    t = s**2 * float(w @ w)
    mean, var = r2 + 8 * t, 4 * t * r2 + 2 * 8 * t**2
    messages = []
    try:
        draws = np.array([float(fn(X.copy(), y.copy(), w.copy(), s, np.random.default_rng(i)))
                          for i in range(4000)])
        again = float(fn(X.copy(), y.copy(), w.copy(), s, np.random.default_rng(0)))
    except Exception as exc:  # the learner's code may raise anything
        return CheckResult("noisy-input loss sampler", False,
                           [f"calling it raised {type(exc).__name__}: {exc}"])
    if not np.all(np.isfinite(draws)):
        messages.append("a draw is NaN or infinite")
    elif again != draws[0]:
        messages.append("the same rng seed gave a different draw: take the noise from rng")
    elif np.unique(draws).size < 100:
        messages.append("different rng seeds gave (almost) the same value: each call must "
                        "draw a fresh noise matrix E from rng")
    else:
        se = np.sqrt(var / draws.size)
        if abs(draws.mean() - mean) > 5 * se:
            messages.append(f"the mean of the draws is {draws.mean():.4g}, expected about "
                            f"{mean:.4g} = ||y - Xw||^2 + n s^2 ||w||^2 (is s the standard "
                            "deviation, not the variance?)")
        if abs(draws.var() / var - 1) > 0.15:
            messages.append(f"the variance of the draws is {draws.var():.4g}, expected about "
                            f"{var:.4g}: every entry of E needs its own independent draw")
        # per-draw consistency: with one seed (one E), the loss at y = Xw + c r is
        # ||c r - E w||^2, so loss(c=2) - 2 loss(c=1) + loss(c=0) = 2 ||r||^2 exactly; a fake
        # that draws the loss itself from a distribution with the right moments fails
        r = y - X @ w
        gaps = []
        for i in range(50):
            a, b, c = (float(fn(X.copy(), X @ w + k * r, w.copy(), s, np.random.default_rng(i)))
                       for k in (0.0, 1.0, 2.0))
            gaps.append(abs(c - 2 * b + a - 2 * r2))
        if max(gaps) > 1e-8 * (r2 + mean):
            messages.append("with one rng seed, the draws for different y do not come from one "
                            "noise matrix E: compute ||y - (X + E) w||^2 with E drawn from rng, "
                            "not a random number with the right mean and variance")
    return CheckResult("noisy-input loss sampler", not messages, messages)
