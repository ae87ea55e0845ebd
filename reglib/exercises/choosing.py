"""Checkers for the exercises of the chapter "Choosing the regularization strength".

Each checker calls the learner's function on several inputs and compares it with a
reference computed here (never typed in); it returns a :class:`~reglib.exercises.CheckResult`.
"""

from __future__ import annotations

import numpy as np

from ..cv import one_standard_error
from ._check import CheckResult, check_function

__all__ = [
    "check_fold_lam",
    "check_one_standard_error",
    "check_one_se_walk",
    "check_lam1_max",
    "reference_fold_lam",
    "reference_one_se_walk",
    "reference_lam1_max",
]


def reference_fold_lam(lam, n, n_train):
    """The course's strength at which ``LassoCV(alphas=[lam / (2 n)])`` fits a fold.

    ``Lasso(alpha)`` on ``n_train`` rows minimizes ``||y - Xw||^2 / (2 n_train) +
    alpha ||w||_1``; times ``2 n_train`` that is the course's lasso with
    ``lam_fold = 2 n_train alpha = lam * n_train / n``.
    """
    return float(lam) * float(n_train) / float(n)


def _fold_lam_cases():
    return [{"lam": lam, "n": n, "n_train": n_train}
            for lam, n, n_train in [(100.0, 442, 353), (1.0, 50, 40), (7.5, 100, 99), (250.0, 30, 10)]]


def check_fold_lam(fn) -> CheckResult:
    """Check ``fn(lam, n, n_train)``: the course's ``lam`` of a ``LassoCV`` fold fit."""
    return check_function(fn, reference_fold_lam, _fold_lam_cases(),
                          name="LassoCV's strength in a fold", rtol=1e-10)


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
        # a slow ramp: each step within 0.3 of the previous one, not of the minimum
        {"lams": lams, "mean": 3.0 + 0.25 * np.arange(11), "se": np.full(11, 0.3)},
        # varying SE: only the SE at the minimizer sets the threshold
        {"lams": lams, "mean": hump, "se": np.array([2.0, 2.0, 1.0, 0.15, 1.0, 1.0,
                                                      0.1, 0.1, 3.0, 3.0, 3.0])},
        # a tie at the threshold (3.0 + 0.5 == 3.5 exactly): "within" includes it
        {"lams": lams, "mean": np.array([5.0, 4.0, 3.2, 3.0, 3.5, 3.75, 3.25, 3.3,
                                         4.0, 6.0, 8.0]), "se": np.full(11, 0.5)},
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
