"""Checkers for the exercises of the chapter "The Bayesian reading of regularization".

Each checker calls the learner's answer on a few fixed cases and compares with a reference
computed by :mod:`reglib`; it returns a :class:`~reglib.exercises.CheckResult` (prints a
verdict, truthy when right)::

    from reglib.exercises import bayes
    bayes.check_log_evidence_1w(my_log_evidence)
"""

from __future__ import annotations

import numpy as np

from ..evidence import log_evidence, max_evidence
from ..predictive import generalized_ridge, posterior_predictive
from ._check import CheckResult, check_function, check_value

__all__ = [
    "check_log_evidence_1w",
    "check_evidence_fixed_point",
    "check_generalized_ridge",
    "check_predictive_variance",
    "check_n_for_posterior_sd",
    "n_for_posterior_sd",
]

def _evidence_cases():
    rng = np.random.default_rng(20261129)
    cases = []
    for n, s2, t2 in [(5, 0.25, 1.0), (12, 1.0, 4.0), (1, 2.0, 0.5), (30, 0.04, 0.01)]:
        x = rng.standard_normal(n)
        y = 0.8 * x + np.sqrt(s2) * rng.standard_normal(n)
        cases.append({"x": x, "y": y, "noise_var": s2, "prior_var": t2})
    return cases


def check_log_evidence_1w(fn) -> CheckResult:
    """Check ``fn(x, y, noise_var, prior_var)``: the log evidence of one weight.

    Model ``y_i = w x_i + e_i``, ``w ~ N(0, prior_var)``, ``e_i ~ N(0, noise_var)``;
    reference: :func:`reglib.evidence.log_evidence` with ``X = x[:, None]``, i.e.
    ``log N(y; 0, noise_var I + prior_var x x^T)``.
    """

    def reference(x, y, noise_var, prior_var):
        return log_evidence(np.asarray(x, dtype=float)[:, None], y, noise_var, prior_var)

    return check_function(fn, reference, _evidence_cases(), name="log evidence of one weight")


def _fixed_point_cases():
    rng = np.random.default_rng(20261130)
    cases = []
    for n, p, s in [(40, 5, 0.5), (25, 9, 1.0), (60, 3, 0.2)]:
        X = rng.standard_normal((n, p))
        y = X @ rng.normal(0.0, 1.0, p) + s * rng.standard_normal(n)
        cases.append({"X": X, "y": y})
    return cases


def check_evidence_fixed_point(fn) -> CheckResult:
    """Check ``fn(X, y) -> (noise_var, prior_var)``: the maximizer of the evidence.

    Reference: :func:`reglib.evidence.max_evidence` (MacKay's fixed point
    ``alpha = gamma / m^T m``, ``1 / beta = ||y - X m||^2 / (n - gamma)``), to 1e-5 relative.
    """

    def reference(X, y):
        return np.array(max_evidence(X, y))

    def answer(X, y):
        return np.asarray(fn(X, y), dtype=float)

    return check_function(answer, reference, _fixed_point_cases(),
                          name="evidence maximum (noise_var, prior_var)", rtol=1e-5, atol=0)


def _regression_cases():
    rng = np.random.default_rng(20261126)
    cases = []
    for n, p, lam in [(12, 3, 0.5), (30, 5, 4.0), (8, 2, 0.0), (6, 4, 25.0)]:
        X = rng.standard_normal((n, p))
        y = X @ rng.standard_normal(p) + 0.3 * rng.standard_normal(n)
        cases.append({"X": X, "y": y, "lam": lam, "w0": rng.normal(1.0, 1.0, size=p)})
    return cases


def check_generalized_ridge(fn) -> CheckResult:
    """Check ``fn(X, y, lam, w0)``: the minimizer of ``||y - X w||^2 + lam ||w - w0||^2``.

    Reference: :func:`reglib.predictive.generalized_ridge`.
    """
    return check_function(
        fn, generalized_ridge, _regression_cases(), name="generalized ridge (shrink toward w0)"
    )


def _predictive_cases():
    rng = np.random.default_rng(7)
    cases = []
    for k, p, s2 in [(5, 2, 0.25), (9, 3, 1.0), (1, 4, 2.0)]:
        A = rng.standard_normal((p, p))
        cov = A @ A.T / p + 0.1 * np.eye(p)
        cases.append({"X_new": rng.standard_normal((k, p)), "cov": cov, "noise_var": s2})
    return cases


def check_predictive_variance(fn) -> CheckResult:
    """Check ``fn(X_new, cov, noise_var)``: the predictive variances ``x^T S x + sigma^2``.

    The answer must have shape ``(k,)``, one variance per row of ``X_new``.

    Reference: :func:`reglib.predictive.posterior_predictive` (its variance output).
    """

    def reference(X_new, cov, noise_var):
        return posterior_predictive(X_new, np.zeros(X_new.shape[1]), cov, noise_var)[1]

    return check_function(fn, reference, _predictive_cases(), name="posterior predictive variance")


def n_for_posterior_sd(target_sd, noise_var, prior_var) -> int:
    """Smallest ``n`` whose posterior sd of ``w`` is below ``target_sd`` when ``y_i = w + e_i``.

    With every ``x_i = 1``, prior ``N(0, prior_var)`` and noise ``N(0, noise_var)`` the
    posterior variance after ``n`` observations is ``1 / (n / noise_var + 1 / prior_var)``;
    this returns the smallest ``n >= 0`` for which it is ``< target_sd**2`` (a direct search).
    """
    n = 0
    while 1.0 / (n / noise_var + 1.0 / prior_var) >= target_sd**2:
        n += 1
        if n > 10**7:
            raise ValueError("target_sd is too small for this search")
    return n


#: The exercise: noise sd 2, prior sd 1, posterior sd below 0.3.
N_EXERCISE = {"target_sd": 0.3, "noise_var": 4.0, "prior_var": 1.0}


def check_n_for_posterior_sd(answer) -> CheckResult:
    """Check the number of observations needed for a posterior sd below 0.3 (sigma = 2, tau = 1).

    A number of observations is a whole number: a non-integer answer is rejected.
    """
    if isinstance(answer, bool) or not float(answer).is_integer():
        return CheckResult("observations needed for a posterior sd < 0.3", False,
                           [f"a number of observations is a whole number, got {answer!r}"])
    return check_value(
        answer,
        n_for_posterior_sd(**N_EXERCISE),
        name="observations needed for a posterior sd < 0.3",
        rtol=0,
        atol=0.5,
    )
