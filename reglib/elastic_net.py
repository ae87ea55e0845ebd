"""The elastic net, solved as a lasso on augmented data.

The elastic net (Zou & Hastie 2005) minimizes

.. math::

    \\lVert y - X w \\rVert_2^2 + \\lambda_1 \\lVert w \\rVert_1
    + \\lambda_2 \\lVert w \\rVert_2^2 .

With :math:`\\tilde X = [X; \\sqrt{\\lambda_2} I]` and :math:`\\tilde y = [y; 0]`,
:math:`\\lVert \\tilde y - \\tilde X w \\rVert^2 = \\lVert y - Xw \\rVert^2 + \\lambda_2
\\lVert w \\rVert^2`, so it is the lasso with strength ``lam1`` on ``(X~, y~)``.
scikit-learn's ``ElasticNet(alpha, l1_ratio)`` minimizes the objective divided by ``2n``
with ``alpha * l1_ratio = lam1 / (2n)`` and ``alpha * (1 - l1_ratio) = lam2 / n``, i.e.
``alpha = lam1 / (2n) + lam2 / n`` and ``l1_ratio = lam1 / (lam1 + 2 lam2)``.
"""

from __future__ import annotations

import numpy as np

from . import _validation as _v
from .cv import kfold_indices
from .lasso import lasso, lasso_path
from .preprocessing import standardize as _standardize

__all__ = ["elastic_net", "elastic_net_path", "elastic_net_cv_errors"]


def elastic_net(X, y, lam1, lam2):
    """Minimizer of ``||y - X w||^2 + lam1 * ||w||_1 + lam2 * ||w||_2^2`` (no intercept).

    Parameters
    ----------
    X : array_like, shape (n, p)
    y : array_like, shape (n,)
    lam1, lam2 : float
        Non-negative strengths of the L1 and the squared-L2 penalty.

    Returns
    -------
    ndarray, shape (p,)
    """
    X, y = _v.as_xy(X, y)
    lam1, lam2 = _v.check_lam(lam1, "lam1"), _v.check_lam(lam2, "lam2")
    p = X.shape[1]
    X_aug = np.vstack([X, np.sqrt(lam2) * np.eye(p)])
    return lasso(X_aug, np.concatenate([y, np.zeros(p)]), lam1)


def elastic_net_path(X, y, lam1s, lam2):
    """Elastic-net minimizers for many ``lam1`` at one ``lam2`` (exact LARS path).

    Parameters
    ----------
    X : array_like, shape (n, p)
    y : array_like, shape (n,)
    lam1s : array_like, shape (m,)
        Non-negative L1 strengths.
    lam2 : float
        Non-negative squared-L2 strength.

    Returns
    -------
    ndarray, shape (m, p)
        Row ``i`` minimizes ``||y - X w||^2 + lam1s[i] ||w||_1 + lam2 ||w||_2^2``.
    """
    X, y = _v.as_xy(X, y)
    lam1s, lam2 = _v.check_lams(lam1s, "lam1s"), _v.check_lam(lam2, "lam2")
    p = X.shape[1]
    # the lasso on augmented data: X~ = [X; sqrt(lam2) I], y~ = [y; 0]
    X_aug = np.vstack([X, np.sqrt(lam2) * np.eye(p)])
    y_aug = np.concatenate([y, np.zeros(p)])
    return lasso_path(X_aug, y_aug, lam1s)


def elastic_net_cv_errors(X, y, lam1s, lam2s, *, k: int = 5, rng: np.random.Generator,
                          standardize: bool = True) -> np.ndarray:
    """K-fold validation MSE of the elastic net over a ``(lam2, lam1)`` grid.

    In each fold the model ``||y - b - Z w||^2 + lam1 ||w||_1 + lam2 ||w||_2^2`` (``b``
    unpenalized) is fitted on the other folds, with the column means (and, with
    ``standardize``, the standard deviations) of ``Z`` and the mean of ``y`` learned
    from those rows only, and scored by the mean squared error on the fold. The folds are
    :func:`reglib.kfold_indices` with the same ``rng``, as in :func:`reglib.cv_errors`.

    Parameters
    ----------
    X : array_like, shape (n, p)
    y : array_like, shape (n,)
    lam1s : array_like, shape (m1,)
    lam2s : array_like, shape (m2,)
    k : int
    rng : numpy.random.Generator
    standardize : bool

    Returns
    -------
    errors : ndarray, shape (k, m2, m1)
        ``errors[f, j, i]``: fold ``f`` at ``lam2s[j]`` and ``lam1s[i]``.
    """
    X, y = _v.as_xy(X, y)
    lam1s, lam2s = _v.check_lams(lam1s, "lam1s"), _v.check_lams(lam2s, "lam2s")
    standardize = _v.check_bool(standardize, "standardize")
    n = X.shape[0]
    folds = kfold_indices(n, k, rng)
    errors = np.empty((len(folds), lam2s.size, lam1s.size))
    for f, val in enumerate(folds):
        train = np.ones(n, dtype=bool)
        train[val] = False
        mean = X[train].mean(axis=0)
        if standardize:
            Z, mean, scale = _standardize(X[train])
        else:
            Z, scale = X[train] - mean, np.ones(X.shape[1])
        b = y[train].mean()
        Z_val = (X[val] - mean) / scale
        for j, lam2 in enumerate(lam2s):
            W = elastic_net_path(Z, y[train] - b, lam1s, lam2)
            errors[f, j] = np.mean((y[val, None] - b - Z_val @ W.T) ** 2, axis=0)
    return errors
