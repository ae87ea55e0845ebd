"""Dropout on the inputs of a linear regression, and the ridge it equals in expectation.

Drop each entry of the design matrix independently with probability ``p`` and scale the
survivors by ``1/(1-p)``: the noisy design is ``(M * X) / (1 - p)`` with
``M_ij ~ Bernoulli(1 - p)``.  Averaged over the masks, the squared loss becomes a
*data-weighted* ridge (Wager, Wang & Liang 2013)::

    E_M ||y - (M * X) w / (1 - p)||^2
        = ||y - X w||^2 + p / (1 - p) * sum_j w_j^2 ||x_j||^2,

where ``x_j`` is column ``j`` of ``X``.  Its minimizer solves
``(X^T X + p/(1-p) diag(X^T X)) w = X^T y``.
"""

from __future__ import annotations

import numpy as np

from ._validation import as_matrix, as_xy, check_coef, check_int, check_positive, check_probability, check_rng

__all__ = [
    "dropout_penalty",
    "expected_dropout_loss",
    "sample_dropout_losses",
    "dropout_ridge",
    "dropout_sgd",
]


def dropout_penalty(X, w, p):
    """The data-weighted ridge penalty that dropout adds in expectation.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
        Design matrix.
    w : array_like, shape (n_features,)
        Weights.
    p : float
        Drop probability, ``0 <= p < 1``.

    Returns
    -------
    float
        ``p / (1 - p) * sum_j w_j^2 * ||x_j||^2`` with ``x_j = X[:, j]``.
    """
    X = as_matrix(X)
    w = check_coef(w, X.shape[1], "w")
    p = check_probability(p)
    col_sq = np.einsum("ij,ij->j", X, X)
    return float(p / (1.0 - p) * np.sum(w**2 * col_sq))


def expected_dropout_loss(X, y, w, p):
    """Closed form of the squared loss averaged over inverted-dropout masks on ``X``.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
        Design matrix.
    y : array_like, shape (n_samples,)
        Targets.
    w : array_like, shape (n_features,)
        Weights.
    p : float
        Drop probability, ``0 <= p < 1``.

    Returns
    -------
    float
        ``E_M ||y - (M * X) w / (1 - p)||^2 = ||y - X w||^2 + p/(1-p) sum_j w_j^2 ||x_j||^2``
        where the entries of ``M`` are independent Bernoulli(``1 - p``).

    See Also
    --------
    sample_dropout_losses : Monte Carlo draws of the same loss.
    """
    X, y = as_xy(X, y)
    w = check_coef(w, X.shape[1], "w")
    r = y - X @ w
    return float(r @ r) + dropout_penalty(X, w, p)


def sample_dropout_losses(X, y, w, p, rng, n_masks=1000):
    """Monte Carlo draws of the dropout loss ``||y - (M * X) w / (1 - p)||^2``.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
        Design matrix.
    y : array_like, shape (n_samples,)
        Targets.
    w : array_like, shape (n_features,)
        Weights.
    p : float
        Drop probability, ``0 <= p < 1``.
    rng : numpy.random.Generator
        Source of the masks.
    n_masks : int, default 1000
        Number of independent masks ``M`` (each of shape ``X.shape``).

    Returns
    -------
    ndarray, shape (n_masks,)
        One loss per mask; their mean estimates :func:`expected_dropout_loss`.
    """
    X, y = as_xy(X, y)
    w = check_coef(w, X.shape[1], "w")
    p = check_probability(p)
    rng = check_rng(rng)
    n_masks = check_int(n_masks, "n_masks", minimum=1)
    n, d = X.shape
    Xw = X * w  # (n, d): the terms x_ij w_j of each prediction
    out = np.empty(n_masks)
    chunk = max(1, 2_000_000 // max(n * d, 1))  # keep each block of masks ~16 MB
    for start in range(0, n_masks, chunk):
        k = min(chunk, n_masks - start)
        keep = rng.random((k, n, d)) >= p
        y_hat = (keep * Xw).sum(axis=2) / (1.0 - p)  # (k, n)
        out[start:start + k] = ((y - y_hat) ** 2).sum(axis=1)
    return out


def dropout_ridge(X, y, p):
    """Minimizer of the expected dropout loss: a ridge weighted by the column norms.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
        Design matrix (no intercept column; center first if needed).
    y : array_like, shape (n_samples,)
        Targets.
    p : float
        Drop probability, ``0 <= p < 1``.

    Returns
    -------
    ndarray, shape (n_features,)
        ``w`` solving ``(X^T X + p/(1-p) diag(X^T X)) w = X^T y``, the minimizer of
        ``||y - X w||^2 + p/(1-p) sum_j w_j^2 ||x_j||^2``.
    """
    X, y = as_xy(X, y)
    p = check_probability(p)
    G = X.T @ X
    A = G + p / (1.0 - p) * np.diag(np.diag(G))
    return np.linalg.solve(A, X.T @ y)


def dropout_sgd(X, y, p, rng, lr=None, n_steps=2000, w0=None):
    """Gradient descent on the dropout loss with a fresh mask at every step.

    Each step draws ``M`` (entries Bernoulli(``1 - p``)), forms
    ``X_tilde = (M * X) / (1 - p)`` and takes
    ``w <- w + lr * 2 * X_tilde^T (y - X_tilde w)``, the gradient of
    ``||y - X_tilde w||^2``.  The iterates fluctuate around the minimizer of the
    expected loss (:func:`dropout_ridge`); only their average is close to it.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
        Design matrix.
    y : array_like, shape (n_samples,)
        Targets.
    p : float
        Drop probability, ``0 <= p < 1``.
    rng : numpy.random.Generator
        Source of the masks.
    lr : float, optional
        Step size; default ``0.1 / ||X||_2^2``. The scaled design ``X_tilde`` can be much
        larger than ``X`` when ``p`` is large, so steps that are stable without dropout
        may diverge with it; the default is conservative.
    n_steps : int, default 2000
        Number of steps.
    w0 : array_like, shape (n_features,), optional
        Starting point; default zeros.

    Returns
    -------
    ndarray, shape (n_steps + 1, n_features)
        The iterates, starting with ``w0``.
    """
    X, y = as_xy(X, y)
    p = check_probability(p)
    rng = check_rng(rng)
    n_steps = check_int(n_steps, "n_steps", minimum=1)
    lr = 0.1 / np.linalg.norm(X, 2) ** 2 if lr is None else check_positive("lr", lr)
    d = X.shape[1]
    w = np.zeros(d) if w0 is None else check_coef(w0, d, "w0").copy()
    path = np.empty((n_steps + 1, d))
    path[0] = w
    block = max(1, min(n_steps, 1_000_000 // X.size))  # draw masks for many steps at once
    for start in range(0, n_steps, block):
        scaled = X * (rng.random((min(block, n_steps - start),) + X.shape) >= p) / (1.0 - p)
        for t, Xt in enumerate(scaled, start=start):
            w = w + 2.0 * lr * (Xt.T @ (y - Xt @ w))
            path[t + 1] = w
    return path
