"""Checkers for the exercises of the chapter "L2 regularization and ridge regression".

Each checker returns a :class:`~reglib.exercises.CheckResult`: it prints a verdict in the
notebook and is truthy when the answer matches the reference.

* :func:`check_closed_form` -- your ``my_ridge(X, y, lam)`` against :func:`reglib.ridge`;
* :func:`check_shrinkage` -- your ``my_factors(X, lam)`` against
  :func:`reglib.shrinkage.shrinkage_factors`;
* :func:`check_lam_for_df` -- a penalty ``lam`` that should give ``DF_TARGET`` effective
  degrees of freedom on the standardized diabetes design;
* :func:`check_growing_coefficient` -- a counterexample ``(X, y, lam)`` in which a ridge
  coefficient is larger in size than its least-squares value;
* :func:`check_best_lam` -- the ``lam`` on a grid with the smallest expected held-out error
  when the noise sd of the held-out experiment is doubled.
"""

from __future__ import annotations

import numpy as np

from .._validation import as_matrix, as_vector, check_coef, check_lams, check_positive
from ..ridge import ridge
from ..shrinkage import effective_df, lam_for_df, shrinkage_factors
from ..stability import ridge_coef_moments
from ._check import CheckResult, check_function, check_value

__all__ = ["check_closed_form", "check_shrinkage", "check_lam_for_df", "check_growing_coefficient",
           "check_best_lam"]


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


DF_TARGET = 5
"""The degrees of freedom asked for in the exercise "How much penalty for five degrees of freedom?"."""


def check_lam_for_df(lam) -> CheckResult:
    """Check that ``lam`` gives ridge ``DF_TARGET`` (= 5) effective degrees of freedom on diabetes.

    The task is fixed, not taken from the learner: the design is the standardized diabetes
    data (:func:`reglib.data.load_diabetes` with ``standardize=True``) and the target is
    :data:`DF_TARGET`. The reference is the unique root of
    ``sum_j d_j^2 / (d_j^2 + lam) = DF_TARGET`` (:func:`reglib.shrinkage.lam_for_df`);
    ``lam`` passes within a relative tolerance of ``1e-3``.

    Parameters
    ----------
    lam : float
        The learner's answer.

    Returns
    -------
    CheckResult
        When wrong, the message also says how many degrees of freedom ``lam`` gives.
    """
    from ..data import load_diabetes

    X = load_diabetes(standardize=True)[0]
    name = f"lam giving {DF_TARGET} effective degrees of freedom on the standardized diabetes design"
    result = check_value(lam, lam_for_df(X, DF_TARGET), name=name, rtol=1e-3, atol=0.0)
    if result.passed:
        return result
    try:
        got = effective_df(X, lam)
        extra = f"your lam gives {float(got):.4g} degrees of freedom, not {DF_TARGET}"
    except (TypeError, ValueError) as exc:
        extra = f"lam is not a valid penalty: {exc}"
    return CheckResult(name, False, list(result.messages) + [extra])


def check_growing_coefficient(X, y, lam) -> CheckResult:
    """Check a counterexample: some ridge coefficient is larger in size than least squares'.

    Passes when ``X`` has full column rank (so least squares is unique), ``lam > 0``, and
    for some feature ``j`` the minimizer of ``||y - X w||^2 + lam * ||w||^2`` has
    ``|w_j| > (1 + 1e-6) * |w_ols_j| + 1e-12``.

    Parameters
    ----------
    X : array_like, shape (n, p)
        The design, ``p >= 2`` and rank ``p``.
    y : array_like, shape (n,)
        The targets.
    lam : float
        The penalty, ``> 0``.

    Returns
    -------
    CheckResult
        When the answer fails, the messages say why (invalid input, or the sizes found).
    """
    name = "a ridge coefficient larger in size than its least-squares value"
    try:
        X = as_matrix(X, "X")
        y = as_vector(y, "y")
        lam = check_positive("lam", lam)
        if len(y) != X.shape[0]:
            raise ValueError(f"X has {X.shape[0]} rows but y has {len(y)} entries")
    except (TypeError, ValueError) as exc:
        return CheckResult(name, False, [f"not a valid problem: {exc}"])
    if X.shape[1] < 2:
        return CheckResult(name, False, ["use at least two features: with one, ridge = least squares / (1 + lam / ||x||^2)"])
    if np.linalg.matrix_rank(X) < X.shape[1]:
        return CheckResult(name, False, ["X must have full column rank, so that least squares is unique"])
    w_ols = np.linalg.lstsq(X, y, rcond=None)[0]
    w_lam = ridge(X, y, lam)
    grows = np.abs(w_lam) > (1 + 1e-6) * np.abs(w_ols) + 1e-12
    if np.any(grows):
        return CheckResult(name, True)
    shown = ", ".join(f"|{a:.4g}| vs |{b:.4g}|" for a, b in zip(w_lam, w_ols))
    return CheckResult(name, False, [f"every ridge coefficient is smaller in size (ridge vs least squares: {shown})"])


NOISE_FACTOR = 2.0
"""The exercise "twice the noise" multiplies the experiment's noise sd by this factor."""


def check_best_lam(lam, X, w, noise_sd, lams) -> CheckResult:
    """Check the ``lam`` of the grid ``lams`` with the smallest expected held-out error at twice the noise.

    The arguments describe the chapter's held-out experiment *as it was run* (design ``X``,
    true weights ``w``, noise sd ``noise_sd``, grid ``lams``); the exercise's noise sd,
    ``NOISE_FACTOR * noise_sd``, is applied here, so an answer computed at the old noise
    fails. For new points ``x0 ~ N(0, I)`` the expected squared prediction error of the
    ridge minimizer of ``||y - X v||^2 + lam * ||v||^2`` at noise sd ``s`` is
    ``s^2 + ||E[w_hat] - w||^2 + tr Cov[w_hat]`` (:func:`reglib.ridge_coef_moments`); the
    answer must be the grid value minimizing it at ``s = NOISE_FACTOR * noise_sd``.

    Parameters
    ----------
    lam : float
        The learner's answer, one of ``lams``.
    X : array_like, shape (n, p)
        The experiment's design.
    w : array_like, shape (p,)
        The experiment's true weights.
    noise_sd : float
        The experiment's noise standard deviation (not the doubled one), ``> 0``.
    lams : array_like, shape (k,)
        The experiment's grid of penalties, each ``>= 0``.

    Returns
    -------
    CheckResult
    """
    X = as_matrix(X, "X")
    w = check_coef(w, X.shape[1], "w")
    noise_sd = check_positive("noise_sd", noise_sd)
    lams = check_lams(lams, "lams")
    sd_new = NOISE_FACTOR * noise_sd
    errors = []
    for lam_k in lams:
        mean, cov = ridge_coef_moments(X, w, sd_new**2, lam_k)
        errors.append(sd_new**2 + np.sum((mean - w) ** 2) + np.trace(cov))
    best = float(lams[int(np.argmin(errors))])
    name = f"lam with the smallest expected held-out error at noise sd {sd_new:g} (twice {noise_sd:g})"
    result = check_value(lam, best, name=name, rtol=1e-9, atol=0.0)
    if result.passed:
        return result
    extra = f"the best lam on the grid has expected held-out error {min(errors):.4g}"
    return CheckResult(name, False, list(result.messages) + [extra])
