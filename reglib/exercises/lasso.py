"""Exercise checkers for the chapter *L1 regularization and the lasso*.

Objective throughout: ``||y - X w||^2 + lam * ||w||_1`` (no 1/2, no 1/n).

* :func:`check_soft_threshold` -- ``soft_threshold(z, t) = sign(z) * max(|z| - t, 0)``;
* :func:`check_cd_update` -- one coordinate-descent update of the lasso;
* :func:`check_lam_max` -- the smallest ``lam`` at which the lasso solution is all zeros.

Each compares the learner's function with a reference on several fixed inputs and
returns a :class:`~reglib.exercises.CheckResult` (truthy when right).  The learner's
function is called with positional arguments, so its parameter names do not matter.
"""

from __future__ import annotations

import numpy as np

from ._check import CheckResult, check_function

__all__ = ["check_soft_threshold", "check_cd_update", "check_lam_max"]


def _soft_threshold(z, t):
    """Reference: ``sign(z) * max(|z| - t, 0)``."""
    z = np.asarray(z, dtype=float)
    out = np.sign(z) * np.maximum(np.abs(z) - t, 0.0)
    return float(out) if out.ndim == 0 else out


def _cd_update(X, y, w, j, lam):
    """Reference: the minimizer over ``w_j`` of ``||y - X w||^2 + lam ||w||_1``, others fixed.

    With the partial residual ``r_j = y - X w + X[:, j] w_j`` it is
    ``soft_threshold(X[:, j] @ r_j, lam / 2) / ||X[:, j]||^2``.
    """
    x = X[:, j]
    r = y - X @ w + x * w[j]
    return _soft_threshold(x @ r, lam / 2.0) / (x @ x)


def _lam_max(X, y):
    """Reference: ``2 * max_j |X[:, j] @ y|``, the smallest ``lam`` giving ``w = 0``."""
    return float(2.0 * np.max(np.abs(X.T @ y)))


def _problems():
    """A few small fixed regression problems with columns of different norms."""
    rng = np.random.default_rng(20240503)
    out = []
    for n, p in [(12, 3), (30, 5), (8, 4)]:
        X = rng.standard_normal((n, p)) * rng.uniform(0.5, 3.0, size=p)
        w = np.zeros(p)
        w[: max(1, p // 2)] = rng.normal(0.0, 2.0, size=max(1, p // 2))
        y = X @ w + 0.5 * rng.standard_normal(n)
        out.append((X, y))
    return out


def _positional(fn, names):
    """Call the learner's ``fn`` with positional arguments, whatever its parameter names."""
    if not callable(fn):
        raise TypeError(f"fn must be a function, got {type(fn).__name__}")

    def call(**kwargs):
        return fn(*(kwargs[name] for name in names))

    return call


def check_soft_threshold(fn) -> CheckResult:
    """Check ``fn(z, t)`` against ``sign(z) * max(|z| - t, 0)`` (elementwise).

    Cases: scalars on both sides of the threshold, ``t = 0`` (the identity), and an array
    of values including exact zeros and values inside ``[-t, t]``.
    """
    z_arr = np.array([-3.0, -1.0, -0.4, 0.0, 0.25, 0.5, 2.0])
    cases = [
        {"z": 2.5, "t": 1.0},
        {"z": -2.5, "t": 1.0},
        {"z": 0.3, "t": 1.0},
        {"z": -1.7, "t": 0.0},
        {"z": z_arr, "t": 0.5},
        {"z": z_arr, "t": 5.0},
    ]
    return check_function(
        _positional(fn, ("z", "t")), _soft_threshold, cases, name="soft thresholding"
    )


def check_cd_update(fn) -> CheckResult:
    """Check ``fn(X, y, w, j, lam)``: the new value of ``w[j]`` after one coordinate update.

    The update minimizes ``||y - X w||^2 + lam * ||w||_1`` over ``w[j]`` with the other
    coefficients held fixed; it must return a number.  The cases use columns of
    different norms, non-zero current ``w``, ``lam = 0`` and a ``lam`` large enough to
    zero the coordinate.
    """
    cases = []
    for X, y in _problems():
        p = X.shape[1]
        w = np.linspace(-1.0, 1.0, p)
        for j, lam in [(0, 0.0), (p - 1, 3.0), (1, 40.0), (0, 1e4)]:
            cases.append({"X": X, "y": y, "w": w, "j": j, "lam": lam})
    return check_function(
        _positional(fn, ("X", "y", "w", "j", "lam")),
        _cd_update,
        cases,
        name="lasso coordinate-descent update",
    )


def check_lam_max(fn) -> CheckResult:
    """Check ``fn(X, y)``: the smallest ``lam`` for which the lasso solution is ``w = 0``."""
    cases = [{"X": X, "y": y} for X, y in _problems()]
    return check_function(
        _positional(fn, ("X", "y")), _lam_max, cases, name="lam_max (first knot of the lasso path)"
    )
