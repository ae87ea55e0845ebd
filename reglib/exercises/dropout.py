"""Checkers for the exercises of the chapter "Dropout".

Each checker returns a :class:`~reglib.exercises.CheckResult`: it prints a verdict in the
notebook and is truthy when the answer matches the reference.

* :func:`check_inverted_dropout` -- your ``my_dropout(a, p, rng, training=True)``: zeros
  with probability ``p``, survivors scaled by ``1/(1-p)``, identity at evaluation;
* :func:`check_unit_variance` -- your ``unit_variance(a, p)``, the variance of one
  inverted-dropout unit with input ``a``;
* :func:`check_dropout_ridge` -- your ``my_dropout_ridge(X, y, p)``, the minimizer of the
  expected dropout loss of a linear regression;
* :func:`check_equivalent_lam` -- your ``equivalent_lam(n, p)``: the ordinary ridge ``lam``
  that dropout matches when every column has ``||x_j||^2 = n``.
"""

from __future__ import annotations

import numpy as np

from ..dropout_regression import dropout_ridge
from ._check import CheckResult, check_function

__all__ = [
    "check_inverted_dropout",
    "check_unit_variance",
    "check_dropout_ridge",
    "check_equivalent_lam",
]


def _inverted_dropout_problems(a, out, p, n):
    """Messages for what is wrong with ``out`` as an inverted dropout of ``a`` (training)."""
    try:
        out = np.asarray(out, dtype=float)
    except (TypeError, ValueError):
        return [f"p={p}: expected an array of numbers, got {type(out).__name__}"]
    if out.shape != a.shape:
        return [f"p={p}: expected shape {a.shape}, got {out.shape}"]
    if not np.all(np.isfinite(out)):
        return [f"p={p}: the output contains NaN or infinity"]
    kept = ~np.isclose(out, 0.0, atol=1e-12)
    msgs = []
    if not np.allclose(out[kept], a[kept] / (1 - p), rtol=1e-9, atol=1e-12):
        if np.allclose(out[kept], a[kept], rtol=1e-9):
            msgs.append(f"p={p}: survivors are not scaled; inverted dropout multiplies them by 1/(1-p)")
        else:
            msgs.append(f"p={p}: every output should be 0 or a/(1-p)")
    frac = 1.0 - kept.mean()
    sd = np.sqrt(p * (1 - p) / n)
    if abs(frac - p) > 5 * sd + 1e-12:
        msgs.append(f"p={p}: {frac:.3f} of the units were dropped, expected about p = {p} "
                    "(is p the drop probability, not the keep probability?)")
    return msgs


def check_inverted_dropout(fn) -> CheckResult:
    """Check ``fn(a, p, rng, training=True)`` implements inverted dropout of activations.

    On an array ``a`` of 20 000 distinct positive values, for ``p`` in 0.2, 0.5 and 0.7,
    each output must be either 0 or ``a / (1 - p)``, the fraction of zeros must be within
    five binomial standard deviations of ``p``; with ``training=False`` and with ``p = 0``
    the output must equal ``a``.

    Parameters
    ----------
    fn : callable
        ``fn(a, p, rng, training=True) -> array`` of the shape of ``a``.

    Returns
    -------
    CheckResult
    """
    if not callable(fn):
        raise TypeError(f"fn must be a function, got {type(fn).__name__}")
    n = 20_000
    a = np.linspace(0.5, 2.5, n).reshape(200, 100)
    messages = []
    for k, p in enumerate((0.2, 0.5, 0.7)):
        try:
            out = fn(a.copy(), p, np.random.default_rng(100 + k), training=True)
        except Exception as exc:  # the learner's code may raise anything
            messages.append(f"p={p}, training=True raised {type(exc).__name__}: {exc}")
            continue
        messages += _inverted_dropout_problems(a, out, p, n)
    for p, training in ((0.5, False), (0.0, True)):
        try:
            out = fn(a.copy(), p, np.random.default_rng(7), training=training)
        except Exception as exc:
            messages.append(f"p={p}, training={training} raised {type(exc).__name__}: {exc}")
            continue
        try:
            same = np.shape(out) == a.shape and np.allclose(np.asarray(out, dtype=float), a)
        except (TypeError, ValueError):
            same = False
        if not same:
            what = "at evaluation (training=False)" if not training else "with p = 0"
            messages.append(f"p={p}: {what} dropout must return its input unchanged")
    return CheckResult("inverted dropout", not messages, messages)


def _unit_variance(a, p):
    return np.asarray(a, dtype=float) ** 2 * p / (1.0 - p)


def check_unit_variance(fn) -> CheckResult:
    """Check ``fn(a, p)`` returns ``Var[m a / (1 - p)] = a^2 p / (1 - p)``, ``m ~ Bernoulli(1 - p)``.

    Parameters
    ----------
    fn : callable
        ``fn(a, p) -> float`` (or an array when ``a`` is an array).

    Returns
    -------
    CheckResult
    """
    cases = [{"a": 1.0, "p": 0.5}, {"a": 2.0, "p": 0.2}, {"a": -1.5, "p": 0.8},
             {"a": 3.0, "p": 0.0}, {"a": np.array([0.5, 1.0, 4.0]), "p": 0.3}]
    return check_function(fn, _unit_variance, cases, name="variance of one dropout unit",
                          rtol=1e-9, atol=1e-12)


def _ridge_cases():
    rng = np.random.default_rng(20261126)
    cases = []
    for n, d, p in [(30, 3, 0.5), (50, 5, 0.2), (20, 4, 0.8), (40, 2, 0.0)]:
        X = rng.normal(size=(n, d)) * rng.uniform(0.3, 3.0, size=d)
        y = X @ rng.normal(size=d) + 0.5 * rng.normal(size=n)
        cases.append({"X": X, "y": y, "p": p})
    return cases


def check_dropout_ridge(fn) -> CheckResult:
    """Check ``fn(X, y, p)`` minimizes ``||y - X w||^2 + p/(1-p) sum_j w_j^2 ||x_j||^2``.

    Compared with :func:`reglib.dropout_ridge` on four problems whose columns have very
    different norms (so a plain ridge ``lam * ||w||^2`` fails), one with ``p = 0``.

    Parameters
    ----------
    fn : callable
        ``fn(X, y, p) -> w`` with ``w`` of shape ``(n_features,)``.

    Returns
    -------
    CheckResult
    """
    return check_function(fn, dropout_ridge, _ridge_cases(), name="dropout ridge minimizer",
                          rtol=1e-6, atol=1e-9)


def _equivalent_lam(n, p):
    return n * p / (1.0 - p)


def check_equivalent_lam(fn) -> CheckResult:
    """Check ``fn(n, p)`` returns the ridge ``lam`` equal to dropout when ``||x_j||^2 = n``.

    With standardized columns (mean 0, ``||x_j||^2 = n``) the dropout penalty
    ``p/(1-p) sum_j w_j^2 ||x_j||^2`` is ``lam ||w||^2`` with ``lam = n p / (1 - p)``.

    Parameters
    ----------
    fn : callable
        ``fn(n, p) -> float``.

    Returns
    -------
    CheckResult
    """
    cases = [{"n": 100, "p": 0.5}, {"n": 442, "p": 0.1}, {"n": 20, "p": 0.75}, {"n": 7, "p": 0.0}]
    return check_function(fn, _equivalent_lam, cases, name="ridge lam equivalent to dropout",
                          rtol=1e-9, atol=1e-12)
