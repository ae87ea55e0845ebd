"""Checkers for the exercises of the chapter "L2 regularization and ridge regression".

Each checker returns a :class:`~reglib.exercises.CheckResult`: it prints a verdict in the
notebook and is truthy when the answer matches the reference.

* :func:`check_closed_form` -- your ``my_ridge(X, y, lam)`` against :func:`reglib.ridge`;
* :func:`check_shrinkage` -- your ``my_factors(X, lam)`` against
  :func:`reglib.shrinkage.shrinkage_factors`;
* :func:`check_lam_for_df` -- a penalty ``lam`` that should give ``df`` effective degrees
  of freedom on the design ``X``.
"""

from __future__ import annotations

import numpy as np

from .._validation import as_matrix, check_positive
from ..ridge import ridge
from ..shrinkage import effective_df, lam_for_df, shrinkage_factors
from ._check import CheckResult, check_function, check_value

__all__ = ["check_closed_form", "check_shrinkage", "check_lam_for_df"]


def _cases(with_y: bool) -> list:
    """Fixed test problems: well conditioned, nearly collinear, exactly collinear, wide."""
    rng = np.random.default_rng(20240607)
    cases = []
    X1 = rng.standard_normal((25, 4))
    z = rng.standard_normal(30)
    X2 = np.column_stack([z, z + 1e-3 * rng.standard_normal(30), rng.standard_normal(30)])
    A = rng.standard_normal((12, 2))
    X3 = np.column_stack([A, A[:, 0] - A[:, 1]])  # X^T X singular: needs lam > 0
    X4 = rng.standard_normal((5, 8))  # more features than samples
    for X, lam in [(X1, 0.5), (X1, 20.0), (X2, 0.1), (X3, 1.0), (X4, 2.0)]:
        case = {"X": X, "lam": lam}
        if with_y:
            case["y"] = X @ rng.standard_normal(X.shape[1]) + 0.3 * rng.standard_normal(X.shape[0])
        cases.append(case)
    return cases


def check_closed_form(fn) -> CheckResult:
    """Check ``fn(X, y, lam)`` returns the ridge minimizer ``(X^T X + lam I)^{-1} X^T y``.

    The minimizer of ``||y - X w||^2 + lam * ||w||^2`` (no intercept) is compared with
    :func:`reglib.ridge` on five problems with ``lam > 0``, including one where
    ``X^T X`` is singular and one with more features than samples.

    Parameters
    ----------
    fn : callable
        ``fn(X, y, lam) -> w`` with ``w`` of shape ``(p,)``.

    Returns
    -------
    CheckResult
    """
    return check_function(fn, ridge, _cases(with_y=True), name="ridge closed form", rtol=1e-6, atol=1e-8)


def check_shrinkage(fn) -> CheckResult:
    """Check ``fn(X, lam)`` returns the shrinkage factors ``d_j^2 / (d_j^2 + lam)``.

    The factors must come one per singular value of ``X``, largest singular value first
    (shape ``(min(n, p),)``), as :func:`reglib.shrinkage.shrinkage_factors` returns them.

    Parameters
    ----------
    fn : callable
        ``fn(X, lam) -> f`` with ``f`` of shape ``(min(n, p),)``.

    Returns
    -------
    CheckResult
    """
    return check_function(fn, lambda X, lam: shrinkage_factors(X, lam), _cases(with_y=False), name="SVD shrinkage factors",
                          rtol=1e-6, atol=1e-10)


def check_lam_for_df(lam, X, df) -> CheckResult:
    """Check that the penalty ``lam`` gives ridge ``df`` effective degrees of freedom on ``X``.

    The reference is the unique root of ``sum_j d_j^2 / (d_j^2 + lam) = df``
    (:func:`reglib.shrinkage.lam_for_df`); ``lam`` passes within a relative tolerance of
    ``1e-3``.

    Parameters
    ----------
    lam : float
        The learner's answer.
    X : array_like, shape (n, p)
        The design matrix the degrees of freedom refer to.
    df : float
        The target, ``0 < df <= rank(X)``.

    Returns
    -------
    CheckResult
        When wrong, the message also says how many degrees of freedom ``lam`` gives.
    """
    X = as_matrix(X, "X")
    df = check_positive("df", df)
    name = f"lam giving {df:g} effective degrees of freedom"
    result = check_value(lam, lam_for_df(X, df), name=name, rtol=1e-3, atol=0.0)
    if result.passed:
        return result
    try:
        got = effective_df(X, lam)
        extra = f"your lam gives {float(got):.4g} degrees of freedom, not {df:g}"
    except (TypeError, ValueError) as exc:
        extra = f"lam is not a valid penalty: {exc}"
    return CheckResult(name, False, list(result.messages) + [extra])
