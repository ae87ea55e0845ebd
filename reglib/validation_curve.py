"""Training and validation error of ridge or the lasso along a grid of ``lam`` values.

One split, one curve: the data are divided once into a training part and a validation
part; for every ``lam`` the model is fitted on the training part only and its mean squared
error is measured on both parts. Plotted against ``lam`` the training error rises
monotonically while the validation error is (typically) U-shaped. Cross-validation
(:mod:`reglib.cv`) averages this validation curve over several splits.
"""

from __future__ import annotations

import numpy as np

from . import _validation as _v
from .lasso import lasso_path
from .preprocessing import standardize as _standardize
from .ridge import ridge_path

__all__ = ["validation_curve", "fit_path"]

_PATHS = {"ridge": ridge_path, "lasso": lasso_path}


def _as_vector(y, n: int, name: str = "y", per: str = "row of X") -> np.ndarray:
    arr = _v.as_vector(y, name)
    if arr.shape[0] != n:
        raise ValueError(f"{name} must have one entry per {per} ({n}), got {arr.shape[0]}")
    return arr


def _check_model(model) -> str:
    if not isinstance(model, str) or model not in _PATHS:
        raise ValueError(f"model must be 'ridge' or 'lasso', got {model!r}")
    return model


def _check_path_args(X, y, lams, model, standardize, fit_intercept) -> tuple:
    """Validate the arguments shared by :func:`fit_path` and ``cv.cv_errors``."""
    X = _v.as_matrix(X)
    return (X, _as_vector(y, X.shape[0]), _v.check_lams(lams), _check_model(model),
            _v.check_bool(standardize, "standardize"),
            _v.check_bool(fit_intercept, "fit_intercept"))


def fit_path(X, y, lams, model: str = "ridge", *, standardize: bool = True, fit_intercept: bool = True):
    """Fit ridge or the lasso for every ``lam``; return a predictor for new rows.

    For each ``lam`` the fitted model minimizes, over ``w`` (and ``b`` when
    ``fit_intercept``), on the transformed training data ``Z``::

        ridge:  ||y - b - Z w||^2 + lam * ||w||_2^2
        lasso:  ||y - b - Z w||^2 + lam * ||w||_1

    with the intercept ``b`` never penalized. The transformation ``Z`` is learned from
    the training ``X`` alone (:func:`reglib.preprocessing.standardize`): with
    ``fit_intercept`` each column is centered by its mean, and with ``standardize``
    also divided by its (population) standard deviation. Without an intercept nothing is
    centered and ``standardize`` divides each column by its root mean square
    ``sqrt(mean(x_j^2))``. Columns with zero spread are left unscaled.

    Parameters
    ----------
    X : array_like, shape (n, p)
        Training inputs.
    y : array_like, shape (n,)
        Training targets.
    lams : array_like, shape (m,)
        Non-negative regularization strengths.
    model : {"ridge", "lasso"}
        Which penalty.
    standardize : bool
        Learn per-column scales from ``X`` (the training data only).
    fit_intercept : bool
        Fit an unpenalized intercept by centering ``X`` and ``y``.

    Returns
    -------
    predict : callable
        ``predict(X_new)`` returns an array of shape (m, n_new): row ``i`` holds the
        predictions of the model fitted with ``lams[i]``.
    """
    X, y, lams, model, standardize, fit_intercept = _check_path_args(
        X, y, lams, model, standardize, fit_intercept)

    p = X.shape[1]
    shift = X.mean(axis=0) if fit_intercept else np.zeros(p)
    if standardize:
        # column scales from the training rows: the standard deviation when centering,
        # the root mean square sqrt(mean(x_j^2)) when not (zero spread -> scale 1)
        Z, shift, scale = _standardize(X, mean=shift)
    else:
        scale = np.ones(p)
        Z = X - shift
    y_shift = float(y.mean()) if fit_intercept else 0.0
    W = np.asarray(_PATHS[model](Z, y - y_shift, lams), dtype=float)  # (m, p)

    def predict(X_new):
        X_new = _v.as_matrix(X_new, "X_new")
        if X_new.shape[1] != p:
            raise ValueError(f"X_new must have {p} columns like the training X, got {X_new.shape[1]}")
        return W @ ((X_new - shift) / scale).T + y_shift

    return predict


def validation_curve(
    X_train,
    y_train,
    X_val,
    y_val,
    lams,
    model: str = "ridge",
    *,
    standardize: bool = True,
    fit_intercept: bool = True,
):
    """Training and validation mean squared error for every ``lam`` on one split.

    For each ``lam`` the model of :func:`fit_path` is fitted on ``(X_train, y_train)``
    (standardization and centering are learned from the training part only) and scored
    by the mean squared error ``mean((y - y_hat)^2)`` on both parts.

    Parameters
    ----------
    X_train, y_train : array_like, shapes (n_train, p) and (n_train,)
        The data the model is fitted on.
    X_val, y_val : array_like, shapes (n_val, p) and (n_val,)
        Held-out data, used only to measure the error.
    lams : array_like, shape (m,)
        Non-negative regularization strengths.
    model : {"ridge", "lasso"}
        Which penalty.
    standardize, fit_intercept : bool
        As in :func:`fit_path`.

    Returns
    -------
    train_mse, val_mse : ndarray, shape (m,)
        Mean squared errors on the training and on the validation part.
    """
    X_train = _v.as_matrix(X_train, "X_train")
    y_train = _as_vector(y_train, X_train.shape[0], "y_train", "row of X_train")
    X_val = _v.as_matrix(X_val, "X_val")
    y_val = _as_vector(y_val, X_val.shape[0], "y_val", "row of X_val")
    if X_val.shape[1] != X_train.shape[1]:
        raise ValueError(
            f"X_val must have as many columns as X_train ({X_train.shape[1]}), got {X_val.shape[1]}"
        )
    predict = fit_path(X_train, y_train, lams, model, standardize=standardize, fit_intercept=fit_intercept)
    train_mse = np.mean((y_train - predict(X_train)) ** 2, axis=1)
    val_mse = np.mean((y_val - predict(X_val)) ** 2, axis=1)
    return train_mse, val_mse
