"""Checkers for the exercises of the chapter "Choosing the regularization strength".

Each checker calls the learner's function on several inputs and compares it with a
reference computed here (never typed in); it returns a :class:`~reglib.exercises.CheckResult`.
"""

from __future__ import annotations

import numpy as np

from ..cv import one_standard_error
from ._check import CheckResult, check_function

__all__ = [
    "check_standardize_fold",
    "check_one_standard_error",
    "check_one_se_walk",
    "check_lam1_max",
    "reference_standardize_fold",
    "reference_one_se_walk",
    "reference_lam1_max",
]


def reference_standardize_fold(X_train, X_val):
    """Scale ``X_val`` with the column means and standard deviations of ``X_train``.

    Returns ``(X_val - mean(X_train, axis=0)) / std(X_train, axis=0)`` with the
    population standard deviation (``ddof=0``, as scikit-learn's ``StandardScaler``).
    """
    X_train = np.asarray(X_train, dtype=float)
    X_val = np.asarray(X_val, dtype=float)
    return (X_val - X_train.mean(axis=0)) / X_train.std(axis=0)


def _fold_cases():
    rng = np.random.default_rng(404)
    cases = []
    for n_train, n_val, p, loc, scale in [(30, 10, 3, 0.0, 1.0), (8, 5, 4, 50.0, 0.01), (200, 1, 2, -3.0, 1e3)]:
        X_train = rng.normal(loc, scale, size=(n_train, p)) * rng.uniform(0.5, 3.0, size=p)
        X_val = rng.normal(loc, scale, size=(n_val, p)) * rng.uniform(0.5, 3.0, size=p)
        cases.append({"X_train": X_train, "X_val": X_val})
    return cases


def check_standardize_fold(fn) -> CheckResult:
    """Check ``fn(X_train, X_val)``: ``X_val`` scaled with the *training* mean and std."""
    return check_function(
        fn, reference_standardize_fold, _fold_cases(), name="standardizing a validation fold", rtol=1e-8
    )


def _one_se_cases():
    lams = np.geomspace(1e-2, 1e2, 9)
    u = np.array([5.0, 4.0, 3.2, 3.0, 3.05, 3.3, 4.1, 6.0, 9.0])
    cases = [
        {"lams": lams, "mean": u, "se": np.full(9, 0.2)},  # picks lams[4]
        {"lams": lams, "mean": u, "se": np.full(9, 0.35)},  # picks lams[5]
        {"lams": lams[::-1], "mean": u[::-1], "se": np.full(9, 0.35)},  # same, reversed order
        {"lams": lams, "mean": u, "se": np.zeros(9)},  # the minimizer itself
        {"lams": lams, "mean": np.linspace(1.0, 2.0, 9), "se": np.full(9, 10.0)},  # everything within
    ]
    return cases


def check_one_standard_error(fn) -> CheckResult:
    """Check ``fn(lams, mean, se)``: the largest ``lam`` within one SE of the minimum."""
    return check_function(fn, one_standard_error, _one_se_cases(), name="the one-standard-error rule")


def reference_one_se_walk(lams, mean, se):
    """The one-SE rule that never jumps a hump: walk up from the minimizer.

    Sort by ``lam``; start at ``i* = argmin(mean)`` and move to larger ``lam`` while the
    next error is ``<= mean[i*] + se[i*]``; return the last ``lam`` reached.
    """
    lams, mean, se = (np.asarray(a, dtype=float) for a in (lams, mean, se))
    order = np.argsort(lams, kind="stable")
    lams, mean, se = lams[order], mean[order], se[order]
    i = int(np.argmin(mean))
    limit = mean[i] + se[i]
    while i + 1 < lams.size and mean[i + 1] <= limit:
        i += 1
    return float(lams[i])


def _walk_cases():
    lams = np.geomspace(1e-2, 1e3, 11)
    hump = np.array([5.0, 4.0, 3.1, 3.0, 3.2, 3.6, 3.3, 3.25, 4.0, 6.0, 8.0])
    return [
        {"lams": lams, "mean": hump, "se": np.full(11, 0.3)},        # stops before the hump
        {"lams": lams[::-1], "mean": hump[::-1], "se": np.full(11, 0.3)},  # unsorted input
        {"lams": lams, "mean": hump, "se": np.full(11, 0.7)},        # crosses the hump
        {"lams": lams, "mean": hump, "se": np.zeros(11)},            # the minimizer
        {"lams": lams, "mean": np.linspace(1.0, 2.0, 11), "se": np.full(11, 10.0)},
    ]


def check_one_se_walk(fn) -> CheckResult:
    """Check ``fn(lams, mean, se)`` against :func:`reference_one_se_walk`."""
    return check_function(fn, reference_one_se_walk, _walk_cases(), name="the one-SE rule, walking up")


def reference_lam1_max(X, y, lam2):
    """Smallest ``lam1`` at which the elastic net with an intercept has ``w = 0``.

    For ``||y - b - X w||^2 + lam1 ||w||_1 + lam2 ||w||_2^2`` (``b`` unpenalized),
    ``w = 0`` is optimal iff ``2 |x_j^T (y - ybar)| <= lam1`` for every centered column:
    ``lam1_max = 2 max_j |(x_j - xbar_j)^T (y - ybar)|``, whatever ``lam2``.
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    return float(2 * np.max(np.abs((X - X.mean(axis=0)).T @ (y - y.mean()))))


def _lam1_cases():
    rng = np.random.default_rng(505)
    cases = []
    for n, p, lam2 in [(30, 4, 0.0), (30, 4, 50.0), (12, 6, 3.0), (80, 3, 1e4)]:
        X = rng.normal(2.0, 1.5, size=(n, p))
        y = X @ rng.normal(size=p) + 10.0 + rng.normal(size=n)
        cases.append({"X": X, "y": y, "lam2": lam2})
    return cases


def check_lam1_max(fn) -> CheckResult:
    """Check ``fn(X, y, lam2)``: the elastic net's smallest all-zero ``lam1``."""
    return check_function(fn, reference_lam1_max, _lam1_cases(), name="lam1_max of the elastic net")
