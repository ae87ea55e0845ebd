"""K-fold cross-validation of ridge or the lasso along a grid of ``lam`` values.

The rows are shuffled once with a seeded ``rng`` and dealt into ``k`` folds of (nearly)
equal size. Each fold in turn is held out: the model is fitted on the other ``k - 1``
folds -- standardization and centering included, learned from those folds only -- and
its mean squared error is measured on the held-out fold. :func:`cv_path` returns the mean
of the ``k`` fold errors for every ``lam`` and its standard error; :func:`one_standard_error`
picks the most regularized ``lam`` whose mean error is within one standard error of the
minimum (Hastie, Tibshirani & Friedman, *ESL*, sec. 7.10).
"""

from __future__ import annotations

import numpy as np

from . import _validation as _v
from .validation_curve import _as_vector, _check_path_args, validation_curve

__all__ = ["kfold_indices", "cv_errors", "cv_path", "one_standard_error"]


def _check_k(k, n: int) -> int:
    k = _v.check_int(k, "k")
    if k < 2:
        raise ValueError(f"k must be at least 2 (one fold to fit on, one to validate), got {k}")
    if k > n:
        raise ValueError(f"k must be at most the number of samples n = {n}, got {k}")
    return k


def kfold_indices(n: int, k: int, rng: np.random.Generator) -> list:
    """Split ``range(n)`` at random into ``k`` folds of (nearly) equal size.

    The indices are permuted once with ``rng.permutation(n)`` and cut into ``k``
    contiguous blocks; the first ``n % k`` folds get one extra index.

    Parameters
    ----------
    n : int
        Number of samples (at least 2).
    k : int
        Number of folds, ``2 <= k <= n``.
    rng : numpy.random.Generator
        Source of the random permutation.

    Returns
    -------
    folds : list of ndarray
        ``k`` sorted integer arrays; together they hold every index exactly once.
    """
    n = _v.check_int(n, "n")
    if n < 2:
        raise ValueError(f"n must be at least 2 to split into folds, got {n}")
    k = _check_k(k, n)
    rng = _v.check_rng(rng)
    perm = rng.permutation(n)
    return [np.sort(block) for block in np.array_split(perm, k)]


def cv_errors(
    X,
    y,
    lams,
    model: str = "ridge",
    *,
    k: int = 5,
    rng: np.random.Generator,
    standardize: bool = True,
    fit_intercept: bool = True,
) -> np.ndarray:
    """Validation mean squared error of every fold for every ``lam``.

    Fold ``f`` (from :func:`kfold_indices` with the same ``rng``) is held out; the model
    of :func:`reglib.validation_curve.fit_path` -- which minimizes
    ``||y - b - Z w||^2 + lam * penalty(w)`` with the intercept ``b`` unpenalized -- is
    fitted on the remaining rows, with the scaling ``Z`` and the centering learned from
    those rows only, and scored by ``mean((y_f - y_hat_f)^2)`` on fold ``f``.

    Parameters
    ----------
    X : array_like, shape (n, p)
    y : array_like, shape (n,)
    lams : array_like, shape (m,)
        Non-negative regularization strengths.
    model : {"ridge", "lasso"}
    k : int
        Number of folds, ``2 <= k <= n``.
    rng : numpy.random.Generator
        Shuffles the rows before they are dealt into folds.
    standardize : bool
        Scale the columns by their standard deviation on the training folds.
    fit_intercept : bool
        Fit an unpenalized intercept (center ``X`` and ``y`` on the training folds).

    Returns
    -------
    errors : ndarray, shape (k, m)
        ``errors[f, i]`` is the validation MSE on fold ``f`` at ``lams[i]``.
    """
    X, y, lams, model, standardize, fit_intercept = _check_path_args(
        X, y, lams, model, standardize, fit_intercept)
    k = _check_k(k, X.shape[0])
    n = X.shape[0]
    folds = kfold_indices(n, k, rng)
    errors = np.empty((k, lams.size))
    for f, val in enumerate(folds):
        train = np.ones(n, dtype=bool)
        train[val] = False
        _, errors[f] = validation_curve(
            X[train], y[train], X[val], y[val], lams, model,
            standardize=standardize, fit_intercept=fit_intercept,
        )
    return errors


def cv_path(
    X,
    y,
    lams,
    model: str = "ridge",
    *,
    k: int = 5,
    rng: np.random.Generator,
    standardize: bool = True,
    fit_intercept: bool = True,
):
    """K-fold cross-validated mean squared error, and its standard error, for every ``lam``.

    With fold errors ``E[f, i]`` from :func:`cv_errors`::

        mean[i] = (1/k) * sum_f E[f, i]
        se[i]   = std(E[:, i], ddof=1) / sqrt(k)

    (the unweighted mean over folds and the standard error used by ESL, sec. 7.10).

    Parameters
    ----------
    X, y, lams, model, k, rng, standardize, fit_intercept
        As in :func:`cv_errors`.

    Returns
    -------
    mean : ndarray, shape (m,)
        Cross-validated mean squared error at each ``lam``.
    se : ndarray, shape (m,)
        Its standard error across the ``k`` folds.
    """
    errors = cv_errors(
        X, y, lams, model, k=k, rng=rng, standardize=standardize, fit_intercept=fit_intercept
    )
    k = errors.shape[0]
    return errors.mean(axis=0), errors.std(axis=0, ddof=1) / np.sqrt(k)


def one_standard_error(lams, mean, se) -> float:
    """The one-standard-error rule: the largest ``lam`` within one SE of the best.

    With ``i* = argmin(mean)`` (the first minimizer if there are ties), return
    ``max{ lams[i] : mean[i] <= mean[i*] + se[i*] }`` -- the most regularized model
    whose cross-validated error is within one standard error of the minimum.

    Parameters
    ----------
    lams : array_like, shape (m,)
        Non-negative regularization strengths (any order).
    mean : array_like, shape (m,)
        Cross-validated error at each ``lam`` (finite).
    se : array_like, shape (m,)
        Its standard error (finite, non-negative).

    Returns
    -------
    lam : float
        The chosen regularization strength.
    """
    lams = _v.check_lams(lams)
    mean = _as_vector(mean, lams.size, "mean", "lam")
    se = _as_vector(se, lams.size, "se", "lam")
    if np.any(se < 0):
        raise ValueError(f"se must be non-negative, got min(se) = {se.min():g}")
    best = int(np.argmin(mean))
    within = mean <= mean[best] + se[best]
    return float(np.max(lams[within]))
