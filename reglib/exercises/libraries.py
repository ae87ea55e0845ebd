"""Checkers for the exercises of the page "From the course to the libraries"."""

from __future__ import annotations

from ._check import CheckResult, check_function

__all__ = ["check_lam_multi_output"]


def check_lam_multi_output(fn) -> CheckResult:
    """Check ``fn(weight_decay, n, k)``: the course's ``lam`` of coupled weight decay on a
    ``k``-output mean squared error (``nn.MSELoss`` averages over all ``n k`` numbers).

    Reference: ``lam = n * k * weight_decay / 2``.
    """
    cases = [{"weight_decay": wd, "n": n, "k": k}
             for wd, n, k in [(0.1, 50, 3), (1e-4, 60000, 10), (0.5, 7, 1), (0.02, 100, 2)]]
    return check_function(fn, lambda weight_decay, n, k: n * k * weight_decay / 2, cases,
                          name="lam of weight decay with k outputs")
