"""The minibatch SGD loop shared by the classifier and the regression network.

Three independent random streams drive training, split from the caller's ``rng`` by
``rng.spawn(3)``: one draws the initial weights, one the order of the minibatches, one the
dropout masks.  Two runs from the same ``rng`` that differ only in ``p`` (or ``lam``)
therefore start from the same weights and visit the same minibatches in the same order;
only the masks (and the penalty) differ.
"""

from __future__ import annotations

import numpy as np

from .mlp import _backward, _forward, init_mlp

__all__ = ["split_rng", "minibatches", "sgd_steps"]


def split_rng(rng):
    """The three streams of a training run: ``(init_rng, order_rng, mask_rng)``.

    Parameters
    ----------
    rng : numpy.random.Generator
        The caller's generator; it is advanced by the spawn (not used otherwise).

    Returns
    -------
    tuple of numpy.random.Generator
        Independent children of ``rng``, from ``rng.spawn(3)``.
    """
    init_rng, order_rng, mask_rng = rng.spawn(3)
    return init_rng, order_rng, mask_rng


def minibatches(n, batch_size, order_rng):
    """Row indices of one epoch's minibatches: a fresh permutation cut into pieces.

    Parameters
    ----------
    n : int
        Number of training rows.
    batch_size : int
        Rows per minibatch (the last one may be smaller).
    order_rng : numpy.random.Generator
        Source of the permutation.

    Returns
    -------
    list of ndarray
        The index arrays, together a permutation of ``0..n-1``.
    """
    order = order_rng.permutation(n)
    return [order[start:start + batch_size] for start in range(0, n, batch_size)]


def sgd_steps(sizes, X, target, loss_grad, *, rng, p, p_input, lam, epochs, batch_size, lr,
              after_epoch=None):
    """Train by minibatch SGD on ``mean loss + lam * sum_l ||W_l||_F^2`` (biases free).

    Each step draws fresh masks and takes ``W <- W - lr * (dL/dW + 2 lam W)`` and
    ``b <- b - lr * dL/db`` (arguments are not validated: the public trainers do that).

    Parameters
    ----------
    sizes : tuple of int
        Layer sizes for :func:`reglib.init_mlp`.
    X, target : ndarray
        Training inputs and targets (labels or values).
    loss_grad : callable
        ``loss_grad(output, target_batch)``: gradient of the mean loss w.r.t. the output.
    rng : numpy.random.Generator
        Split by :func:`split_rng` into initialization, batch order and masks.
    p, p_input, lam, epochs, batch_size, lr
        As in :func:`reglib.train_mlp`.
    after_epoch : callable, optional
        ``after_epoch(epoch, params)``, called after every epoch.

    Returns
    -------
    list of (ndarray, ndarray)
        The trained parameters.
    """
    init_rng, order_rng, mask_rng = split_rng(rng)
    params = init_mlp(sizes, init_rng)
    for epoch in range(1, epochs + 1):
        for idx in minibatches(X.shape[0], batch_size, order_rng):
            out, cache = _forward(params, X[idx], p, mask_rng, True, p_input)
            grads = _backward(params, cache, loss_grad(out, target[idx]))
            params = [(W - lr * (dW + 2.0 * lam * W), b - lr * db)
                      for (W, b), (dW, db) in zip(params, grads)]
        if after_epoch is not None:
            after_epoch(epoch, params)
    return params
