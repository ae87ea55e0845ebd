"""Softmax and the mean softmax cross-entropy of a classifier's logits.

For logits ``z`` (one row per sample, one column per class) and labels ``y``,

    loss = -(1/n) * sum_i log softmax(z_i)[y_i],   softmax(z)_k = exp(z_k) / sum_k' exp(z_k').
"""

from __future__ import annotations

import numpy as np

__all__ = ["softmax", "softmax_cross_entropy"]


def _check_labels(y, n_samples, n_classes=None):
    y = np.asarray(y)
    if y.ndim != 1:
        raise ValueError(f"y must be a 1-D array of class labels, got shape {y.shape}")
    if y.shape[0] != n_samples:
        raise ValueError(f"y has {y.shape[0]} labels but X has {n_samples} rows")
    if y.size == 0:
        raise ValueError("y must not be empty")
    if not np.issubdtype(y.dtype, np.integer):
        if np.issubdtype(y.dtype, np.floating) and np.all(np.isfinite(y)) and np.all(y == np.round(y)):
            y = y.astype(np.int64)
        else:
            raise ValueError("y must hold integer class labels 0, 1, ..., n_classes - 1")
    if y.min() < 0 or (n_classes is not None and y.max() >= n_classes):
        raise ValueError(
            f"y must hold class labels in 0..{'n_classes - 1' if n_classes is None else n_classes - 1}, "
            f"got values from {y.min()} to {y.max()}"
        )
    return y.astype(np.int64)


def softmax(z):
    """Row-wise softmax ``exp(z_ik) / sum_k' exp(z_ik')``, computed stably.

    Parameters
    ----------
    z : array_like, shape (n_samples, n_classes)
        Logits.

    Returns
    -------
    ndarray, shape (n_samples, n_classes)
        Class probabilities; each row sums to 1.
    """
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def softmax_cross_entropy(logits, y):
    """Mean softmax cross-entropy and its gradient with respect to the logits.

    Parameters
    ----------
    logits : array_like, shape (n_samples, n_classes)
        Network outputs ``z``.
    y : array_like of int, shape (n_samples,)
        Class labels in ``0..n_classes-1``.

    Returns
    -------
    loss : float
        ``-(1/n) sum_i log softmax(z_i)[y_i]``.
    dlogits : ndarray, shape (n_samples, n_classes)
        ``(softmax(z) - onehot(y)) / n``.
    """
    logits = np.asarray(logits, dtype=float)
    if logits.ndim != 2:
        raise ValueError(f"logits must be 2-D (n_samples, n_classes), got shape {logits.shape}")
    y = _check_labels(y, logits.shape[0], logits.shape[1])
    n = logits.shape[0]
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_norm = np.log(np.exp(shifted).sum(axis=1))
    loss = float(np.mean(log_norm - shifted[np.arange(n), y]))
    dlogits = np.exp(shifted - log_norm[:, None])
    dlogits[np.arange(n), y] -= 1.0
    return loss, dlogits / n
