"""Nested cross-validation: an honest error estimate of "choose lam by CV, then refit".

The cross-validated error at the chosen ``lam`` is optimistic: ``lam`` was picked for
doing well on those very folds. Nested CV treats the whole procedure as the model.
Outer loop: hold out fold ``o``; on the other rows run an inner ``k_inner``-fold CV
(:func:`reglib.cv.cv_path`), choose ``lam`` (minimum or one-standard-error rule), refit
on all of those rows and score the held-out fold. The mean of the outer errors
estimates the error of the procedure (ESL sec. 7.10; Varma & Simon 2006).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from . import _validation as _v
from .cv import cv_path, kfold_indices, one_standard_error
from .validation_curve import _check_path_args, validation_curve

__all__ = ["NestedCV", "nested_cv"]


class NestedCV(NamedTuple):
    """The result of :func:`nested_cv`, one entry per outer fold.

    Attributes
    ----------
    errors : numpy.ndarray, shape (k_outer,)
        Mean squared error of the refitted model on each held-out outer fold.
    lams : numpy.ndarray, shape (k_outer,)
        The ``lam`` the inner CV chose on each outer training part.
    inner_errors : numpy.ndarray, shape (k_outer,)
        The inner CV error at that ``lam`` (the optimistic number one would report).
    """

    errors: np.ndarray
    lams: np.ndarray
    inner_errors: np.ndarray


def nested_cv(X, y, lams, model: str = "ridge", *, k_outer: int = 5, k_inner: int = 5,
              rule: str = "min", rng: np.random.Generator, standardize: bool = True) -> NestedCV:
    """Outer-CV error of choosing ``lam`` by inner CV and refitting.

    The model minimizes ``||y - b - Z w||^2 + lam * penalty(w)`` (ridge: ``||w||_2^2``,
    lasso: ``||w||_1``; ``b`` unpenalized, ``Z`` standardized on the rows it is fitted
    on), as in :func:`reglib.validation_curve.fit_path`.

    Parameters
    ----------
    X : array_like, shape (n, p)
    y : array_like, shape (n,)
    lams : array_like, shape (m,)
        The candidate strengths.
    model : {"ridge", "lasso"}
    k_outer, k_inner : int
        Numbers of outer and inner folds (each at least 2).
    rule : {"min", "1se"}
        Choose the minimizer of the inner CV error or the one-standard-error ``lam``.
    rng : numpy.random.Generator
        Deals the outer folds first, then each inner split in turn.
    standardize : bool

    Returns
    -------
    NestedCV
        ``errors.mean()`` is the nested-CV estimate of the procedure's error.
    """
    X, y, lams, model, standardize, _ = _check_path_args(X, y, lams, model, standardize, True)
    rule = _v.check_choice(rule, ("min", "1se"), "rule")
    rng = _v.check_rng(rng)
    n = X.shape[0]
    k_outer = _v.check_int(k_outer, "k_outer", minimum=2)
    k_inner = _v.check_int(k_inner, "k_inner", minimum=2)
    out = np.empty((3, k_outer))
    for o, test in enumerate(kfold_indices(n, k_outer, rng)):
        train = np.ones(n, dtype=bool)
        train[test] = False
        mean, se = cv_path(X[train], y[train], lams, model, k=k_inner, rng=rng,
                           standardize=standardize)
        i = int(np.argmin(mean))
        lam = lams[i] if rule == "min" else one_standard_error(lams, mean, se)
        j = int(np.flatnonzero(lams == lam)[0])
        _, err = validation_curve(X[train], y[train], X[test], y[test], [lam], model,
                                  standardize=standardize)
        out[:, o] = err[0], lam, mean[j]
    return NestedCV(out[0], out[1], out[2])
