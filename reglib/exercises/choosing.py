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
    "check_sklearn_alpha",
    "reference_standardize_fold",
    "reference_sklearn_alpha",
]


def reference_standardize_fold(X_train, X_val):
    """Scale ``X_val`` with the column means and standard deviations of ``X_train``.

    Returns ``(X_val - mean(X_train, axis=0)) / std(X_train, axis=0)`` with the
    population standard deviation (``ddof=0``, as scikit-learn's ``StandardScaler``).
    """
    X_train = np.asarray(X_train, dtype=float)
    X_val = np.asarray(X_val, dtype=float)
    return (X_val - X_train.mean(axis=0)) / X_train.std(axis=0)


def reference_sklearn_alpha(n, lam1, lam2):
    """scikit-learn ``ElasticNet(alpha, l1_ratio)`` for ``||y - Xw||^2 + lam1 ||w||_1 + lam2 ||w||^2``.

    scikit-learn minimizes ``1/(2n) ||y - Xw||^2 + alpha * l1_ratio * ||w||_1
    + alpha * (1 - l1_ratio) / 2 * ||w||^2``; multiplying by ``2n`` gives
    ``alpha * l1_ratio = lam1 / (2n)`` and ``alpha * (1 - l1_ratio) = lam2 / n``.

    Returns
    -------
    ndarray, shape (2,)
        ``[alpha, l1_ratio]``.
    """
    a1 = lam1 / (2.0 * n)
    a2 = lam2 / float(n)
    alpha = a1 + a2
    return np.array([alpha, a1 / alpha])


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


def check_sklearn_alpha(fn) -> CheckResult:
    """Check ``fn(n, lam1, lam2)`` returns scikit-learn's ``(alpha, l1_ratio)``."""
    cases = [
        {"n": 100, "lam1": 4.0, "lam2": 2.0},
        {"n": 442, "lam1": 10.0, "lam2": 0.0},
        {"n": 50, "lam1": 0.0, "lam2": 3.0},
        {"n": 7, "lam1": 0.5, "lam2": 0.25},
    ]
    return check_function(fn, reference_sklearn_alpha, cases, name="lam -> scikit-learn alpha, l1_ratio")
