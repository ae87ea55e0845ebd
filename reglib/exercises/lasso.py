"""Exercise checkers for the chapter *L1 regularization and the lasso*.

Objective throughout: ``||y - X w||^2 + lam * ||w||_1`` (no 1/2, no 1/n).

* :func:`check_orthogonal_lasso` -- the lasso for orthogonal columns of unequal norms;
* :func:`check_sign_flip` -- a data set on which the lasso gives a coefficient the sign
  opposite to least squares (a counterexample to "the lasso only shrinks");
* :func:`check_second_knot` -- the ``lam`` at which the second feature enters the path.

Each returns a :class:`~reglib.exercises.CheckResult` (truthy when right).  The learner's
functions are called with positional arguments, so their parameter names do not matter.
"""

from __future__ import annotations

import numpy as np

from ..lasso import lasso
from ._check import CheckResult, check_function

__all__ = ["check_orthogonal_lasso", "check_sign_flip", "check_second_knot"]


def _soft_threshold(z, t):
    """``sign(z) * max(|z| - t, 0)``."""
    return np.sign(z) * np.maximum(np.abs(z) - t, 0.0)


def _orthogonal_lasso(X, y, lam):
    """Reference: ``w_j = S(x_j^T y, lam / 2) / ||x_j||^2`` when ``X^T X`` is diagonal."""
    return _soft_threshold(X.T @ y, lam / 2.0) / np.sum(X**2, axis=0)


def _second_knot(X, y):
    """Reference: the second knot of the lasso path, from the one-feature segment.

    The first feature ``j`` (largest ``|c_j|``, ``c = X^T y``) enters at
    ``lam_1 = 2 |c_j|``.  Below it, ``w_j = (c_j - s lam / 2) / G_jj`` with ``s = sign(c_j)``,
    and feature ``k`` has correlation ``c_k - G_kj w_j`` with the residual, linear in
    ``lam``; it enters where that reaches ``+-lam / 2``.  The second knot is the largest such
    ``lam`` below ``lam_1``.
    """
    G, c = X.T @ X, X.T @ y
    j = int(np.argmax(np.abs(c)))
    s = np.sign(c[j])
    lam_1 = 2.0 * abs(c[j])
    best = 0.0
    for k in range(X.shape[1]):
        if k == j:
            continue
        # c_k(lam) = a + b * lam with a = c_k - G_kj c_j / G_jj, b = G_kj s / (2 G_jj)
        a = c[k] - G[k, j] * c[j] / G[j, j]
        b = G[k, j] * s / (2.0 * G[j, j])
        for sign in (1.0, -1.0):               # a + b lam = sign * lam / 2
            denom = sign / 2.0 - b
            if denom != 0.0:
                lam = a / denom
                if 0.0 < lam < lam_1 * (1 - 1e-12) and lam > best:
                    best = lam
    return float(best)


def _problems():
    """Small fixed regression problems with correlated columns of different norms."""
    rng = np.random.default_rng(20240503)
    out = []
    for n, p in [(12, 3), (30, 5), (8, 4), (40, 6)]:
        X = rng.standard_normal((n, p)) * rng.uniform(0.5, 3.0, size=p)
        X[:, 1] += 0.9 * X[:, 0] * np.linalg.norm(X[:, 1]) / np.linalg.norm(X[:, 0])
        w = np.zeros(p)
        w[: max(1, p // 2)] = rng.normal(0.0, 2.0, size=max(1, p // 2))
        y = X @ w + 0.5 * rng.standard_normal(n)
        out.append((X, y))
    return out


def _orthogonal_problems():
    """Designs with orthogonal columns of norms between 0.3 and 4."""
    rng = np.random.default_rng(7)
    out = []
    for n, p in [(10, 3), (25, 5)]:
        Q, _ = np.linalg.qr(rng.standard_normal((n, p)))
        X = Q * rng.uniform(0.3, 4.0, size=p)
        y = X @ rng.normal(0.0, 2.0, size=p) + 0.3 * rng.standard_normal(n)
        out.append((X, y))
    return out


def _positional(fn, names):
    """Call the learner's ``fn`` with positional arguments, whatever its parameter names."""
    if not callable(fn):
        raise TypeError(f"fn must be a function, got {type(fn).__name__}")

    def call(**kwargs):
        return fn(*(kwargs[name] for name in names))

    return call


def check_orthogonal_lasso(fn) -> CheckResult:
    """Check ``fn(X, y, lam)``: the lasso solution when ``X^T X`` is diagonal.

    The columns are orthogonal with norms between 0.3 and 4, so answers that assume unit
    norms (soft-thresholding the least-squares coefficients at ``lam / 2``) fail, and
    ``lam`` ranges from 0 (least squares) to values that zero some coordinates.
    """
    cases = []
    for X, y in _orthogonal_problems():
        c = np.abs(X.T @ y)
        for lam in (0.0, float(np.median(c)), float(1.5 * np.max(c)), float(3 * np.max(c))):
            cases.append({"X": X, "y": y, "lam": lam})
    return check_function(_positional(fn, ("X", "y", "lam")), _orthogonal_lasso, cases,
                          name="lasso with orthogonal columns of unequal norms")


def check_sign_flip(X, y, lam) -> CheckResult:
    """Check a counterexample: ``reglib.lasso(X, y, lam)`` has a non-zero coefficient
    whose sign is opposite to the least-squares coefficient of the same feature.

    ``X`` must have exactly two columns of full rank (so least squares is unique) and
    ``lam > 0``. A least-squares coefficient smaller than ``1e-8`` times the largest one
    counts as zero, with no sign to flip (``lstsq`` returns rounding noise like ``-3e-18``
    for an exact zero).
    """
    name = "a lasso coefficient with the sign opposite to least squares"
    try:
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float)
        lam = float(lam)
    except (TypeError, ValueError) as exc:
        return CheckResult(name, False, [f"X, y and lam must be numeric: {exc}"])
    if X.ndim != 2 or y.shape != (X.shape[0],) or not np.all(np.isfinite(X)) or not np.all(np.isfinite(y)):
        return CheckResult(name, False, ["X must be a finite (n, p) array and y a finite (n,) array"])
    if not np.isfinite(lam) or lam <= 0:
        return CheckResult(name, False, [f"lam must be a positive number, got {lam!r}"])
    if X.shape[1] != 2:
        return CheckResult(name, False, [f"the exercise asks for two features; X has {X.shape[1]} columns"])
    if np.linalg.matrix_rank(X) < X.shape[1]:
        return CheckResult(name, False, ["X must have linearly independent columns "
                                         "(otherwise least squares is not unique)"])
    w_ols = np.linalg.lstsq(X, y, rcond=None)[0]
    w = lasso(X, y, lam)
    nonzero_ols = np.abs(w_ols) > 1e-8 * np.max(np.abs(w_ols))
    flipped = (w != 0) & nonzero_ols & (np.sign(w) == -np.sign(w_ols))
    if flipped.any():
        return CheckResult(name, True)
    return CheckResult(name, False, [
        f"least squares gives {np.round(w_ols, 4).tolist()}, the lasso at lam = {lam:g} gives "
        f"{np.round(w, 4).tolist()}: no non-zero coefficient changed sign"])


def check_second_knot(fn) -> CheckResult:
    """Check ``fn(X, y)``: the ``lam`` at which the second feature enters the lasso path.

    The cases have correlated features, so the answer is not twice the second-largest
    ``|x_k^T y|`` (the order of the marginal correlations is not the order of entry).
    """
    cases = [{"X": X, "y": y} for X, y in _problems()]
    return check_function(_positional(fn, ("X", "y")), _second_knot, cases,
                          name="second knot of the lasso path", rtol=1e-6)
