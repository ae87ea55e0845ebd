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
  that dropout matches when every column has ``||x_j||^2 = n``;
* :func:`check_output_variance` -- your ``output_variance(h, w, p)``, the variance over masks
  of a linear output unit fed by dropped-out activations ``h``;
* :func:`check_dropout_limit` -- your ``dropout_limit(C, w_true, p)``, where the
  dropout-ridge minimizer goes as the sample grows;
* :func:`check_dropconnect_loss` -- your ``dropconnect_loss(X, Y, W, p)``, the expected
  squared loss of a linear layer with DropConnect on its weights;
* :func:`check_dropout_intercept` -- your ``dropout_intercept(X, y, p)``, the minimizer
  ``(b, w)`` of the expected dropout loss with an intercept that is never dropped.
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
    "check_output_variance",
    "check_dropout_limit",
    "check_dropconnect_loss",
    "check_dropout_intercept",
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


def _kept(fn, a, p, seed):
    out = np.asarray(fn(a.copy(), p, np.random.default_rng(seed), training=True), dtype=float)
    return ~np.isclose(out, 0.0, atol=1e-12)


def _randomness_problems(fn, a, p=0.5):
    """Messages if ``fn``'s masks ignore ``rng`` or are not independent across units."""
    try:
        k1, k1_again, k2 = _kept(fn, a, p, 11), _kept(fn, a, p, 11), _kept(fn, a, p, 12)
    except Exception as exc:  # the learner's code may raise anything
        return [f"p={p}: calling it with a fresh rng raised {type(exc).__name__}: {exc}"]
    if k1.shape != a.shape or k2.shape != a.shape:
        return []  # already reported as a shape problem
    msgs = []
    if not np.array_equal(k1, k1_again):
        msgs.append("the same rng seed gave different masks: draw the mask from the rng argument")
    n = a.size
    differ = float(np.mean(k1 != k2))  # independent masks differ with probability 2p(1-p)
    expected = 2 * p * (1 - p)
    if abs(differ - expected) > 5 * np.sqrt(expected * (1 - expected) / n):
        msgs.append(f"p={p}: masks from two different rng seeds differ in {differ:.3f} of the "
                    f"units, expected about {expected:.2f}: the mask must be random, drawn "
                    "from rng independently for every unit")
    rows, cols = 1 - k1.mean(axis=1), 1 - k1.mean(axis=0)  # drop rate of every row / column
    if (np.max(np.abs(rows - p)) > 6 * np.sqrt(p * (1 - p) / a.shape[1])
            or np.max(np.abs(cols - p)) > 6 * np.sqrt(p * (1 - p) / a.shape[0])):
        msgs.append(f"p={p}: some rows or columns are dropped far more often than p: every "
                    "unit must be dropped with the same probability p")
    return msgs


def check_inverted_dropout(fn) -> CheckResult:
    """Check ``fn(a, p, rng, training=True)`` implements inverted dropout of activations.

    On an array ``a`` of 20 000 distinct values, half of them negative (so a version that
    also applies a ReLU fails), for ``p`` in 0.2, 0.5 and 0.7, each output must be either 0
    or ``a / (1 - p)``, the fraction of zeros must be within five binomial standard
    deviations of ``p``; with ``training=False`` and with ``p = 0`` the output must equal
    ``a``.  The input array must not be modified.  At **every** ``p`` the masks must come
    from ``rng``: equal seeds give equal masks, two seeds give masks that differ in about
    ``2 p (1 - p)`` of the units (as independent masks do), and every row and column is
    dropped at rate about ``p`` (so a fake that always zeroes the same units, or the first
    ``p``-fraction, fails, even at a single ``p``).

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
    # distinct values of both signs, in an order unrelated to rows and columns
    a = np.random.default_rng(0).permutation(np.linspace(-2.5, 2.5, n)).reshape(200, 100)
    a[a == 0] = 0.5
    messages = []
    for k, p in enumerate((0.2, 0.5, 0.7)):
        given = a.copy()
        try:
            out = fn(given, p, np.random.default_rng(100 + k), training=True)
        except Exception as exc:  # the learner's code may raise anything
            messages.append(f"p={p}, training=True raised {type(exc).__name__}: {exc}")
            continue
        if not np.array_equal(given, a):
            messages.append(f"p={p}: the input array was modified; return a new array "
                            "(the caller still needs its activations)")
        messages += _inverted_dropout_problems(a, out, p, n)
        messages += _randomness_problems(fn, a, p)
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


def _output_variance(h, w, p):
    h, w = np.asarray(h, dtype=float), np.asarray(w, dtype=float)
    return p / (1.0 - p) * np.sum(h**2 * w**2, axis=-1)


def check_output_variance(fn) -> CheckResult:
    """Check ``fn(h, w, p)`` is the variance over masks of ``sum_j w_j m_j h_j / (1 - p)``.

    With independent ``m_j ~ Bernoulli(1 - p)`` the variance is
    ``p / (1 - p) * sum_j h_j^2 w_j^2``: the MC-dropout spread of a linear output unit.

    Parameters
    ----------
    fn : callable
        ``fn(h, w, p) -> float`` for 1-D arrays ``h`` (activations) and ``w`` (weights).

    Returns
    -------
    CheckResult
    """
    rng = np.random.default_rng(20261129)
    cases = [{"h": rng.uniform(0, 2, size=k), "w": rng.normal(size=k), "p": p}
             for k, p in [(3, 0.5), (10, 0.1), (6, 0.8), (4, 0.0)]]
    return check_function(fn, _output_variance, cases, name="variance of a dropped-out output",
                          rtol=1e-9, atol=1e-12)


def _dropout_limit(C, w_true, p):
    C = np.asarray(C, dtype=float)
    return np.linalg.solve(C + p / (1.0 - p) * np.diag(np.diag(C)), C @ np.asarray(w_true, float))


def check_dropout_limit(fn) -> CheckResult:
    """Check ``fn(C, w_true, p)``: the dropout-ridge minimizer as ``n -> infinity``.

    Rows ``x_i`` with second-moment matrix ``C = E[x x^T]`` and ``y = x^T w_true + noise``
    give ``X^T X / n -> C`` and ``X^T y / n -> C w_true``, so the minimizer tends to
    ``(C + p/(1-p) diag(C))^{-1} C w_true``: not ``w_true`` unless ``p = 0``.

    Parameters
    ----------
    fn : callable
        ``fn(C, w_true, p) -> w`` of shape ``(d,)``.

    Returns
    -------
    CheckResult
    """
    cases = [{"C": np.array([[1.0, 1.5], [1.5, 11.25]]), "w_true": np.array([2.0, 0.6]), "p": 0.5},
             {"C": np.diag([1.0, 4.0, 9.0]), "w_true": np.array([1.0, -1.0, 0.5]), "p": 0.2},
             {"C": np.array([[2.0, 0.3], [0.3, 1.0]]), "w_true": np.array([0.5, 1.0]), "p": 0.0}]
    return check_function(fn, _dropout_limit, cases, name="large-sample dropout minimizer",
                          rtol=1e-7, atol=1e-10)


def _dropconnect_loss(X, Y, W, p):
    col_sq = (X**2).sum(axis=0)  # ||x_j||^2
    return float(np.sum((Y - X @ W) ** 2) + p / (1 - p) * np.sum(col_sq[:, None] * W**2))


def check_dropconnect_loss(fn) -> CheckResult:
    """Check ``fn(X, Y, W, p)`` is the expected DropConnect loss of a linear layer.

    Every example ``i`` draws its own mask ``M_ijk ~ Bernoulli(1 - p)`` on every weight, and
    the loss is ``sum_i sum_k (Y_ik - sum_j x_ij M_ijk W_jk / (1 - p))^2``; its expectation
    is ``||Y - X W||_F^2 + p/(1-p) sum_jk W_jk^2 ||x_j||^2``.  Four layers with 1 to 4
    outputs and columns of different norms, one with ``p = 0``: a penalty without the
    column norms, with ``p (1 - p)``, or with the outputs of a row summed before squaring
    (as if the weights of a row were dropped together and their noises added) fails.

    Parameters
    ----------
    fn : callable
        ``fn(X, Y, W, p) -> float``; ``Y`` has shape ``(n, K)``, ``W`` shape ``(d, K)``.

    Returns
    -------
    CheckResult
    """
    rng = np.random.default_rng(20261129)
    cases = []
    for n, d, k, p in [(30, 3, 2, 0.5), (25, 4, 1, 0.2), (40, 2, 4, 0.7), (20, 3, 3, 0.0)]:
        X = rng.normal(size=(n, d)) * rng.uniform(0.3, 3.0, size=d)
        W = rng.normal(size=(d, k))
        cases.append({"X": X, "Y": X @ W + rng.normal(size=(n, k)), "W": W + 0.3 * rng.normal(size=(d, k)),
                      "p": p})
    return check_function(fn, _dropconnect_loss, cases, name="expected DropConnect loss",
                          rtol=1e-8, atol=1e-9)


def _dropout_intercept(X, y, p):
    n, d = X.shape
    A = np.column_stack([np.ones(n), X])
    G = A.T @ A
    penalty = np.r_[0.0, p / (1 - p) * (X**2).sum(axis=0)]  # the intercept is free
    return np.linalg.solve(G + np.diag(penalty), A.T @ y)


def check_dropout_intercept(fn) -> CheckResult:
    """Check ``fn(X, y, p)`` returns ``(b, w_1, ..., w_d)`` minimizing the dropout loss.

    The model is ``b + x^T w`` with inverted dropout on the features only (the intercept is
    never dropped), so ``(b, w)`` minimizes
    ``||y - b 1 - X w||^2 + p/(1-p) sum_j w_j^2 ||x_j||^2`` with the *uncentred* column
    norms.  The test features have means far from 0: centring ``X`` first (which uses the
    centred norms) fails, and so does dropping the intercept's column too (penalizing
    ``b``).

    Parameters
    ----------
    fn : callable
        ``fn(X, y, p) -> array`` of length ``n_features + 1``, the intercept first.

    Returns
    -------
    CheckResult
    """
    rng = np.random.default_rng(20261130)
    cases = []
    for n, d, p in [(40, 2, 0.5), (60, 3, 0.2), (30, 4, 0.6), (25, 2, 0.0)]:
        X = rng.normal(size=(n, d)) * rng.uniform(0.5, 2.0, size=d) + rng.uniform(2.0, 5.0, size=d)
        y = 1.5 + X @ rng.normal(size=d) + 0.5 * rng.normal(size=n)
        cases.append({"X": X, "y": y, "p": p})
    return check_function(fn, _dropout_intercept, cases, name="dropout with an intercept",
                          rtol=1e-6, atol=1e-9)
