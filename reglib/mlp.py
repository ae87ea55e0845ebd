"""The layers of a tiny multilayer perceptron in numpy: initialization, forward, backward.

The network is ``X -> [affine -> ReLU -> dropout] * L -> affine``, its output the logits
of a classifier (:mod:`reglib.mlp_train`) or the prediction of a regression
(:mod:`reglib.mlp_regression`).  Its parameters are a list of ``(W, b)`` pairs.  Dropout
uses :func:`reglib.dropout` (drop probability ``p``, survivors scaled by ``1/(1-p)``) on
every hidden layer in training, optionally also on the inputs (``p_input``); evaluation
is the plain network.
"""

from __future__ import annotations

import contextlib

import numpy as np

from .dropout import dropout
from ._validation import as_matrix, check_bool, check_int, check_probability, check_rng

__all__ = ["init_mlp", "mlp_forward", "mlp_backward"]


def _one_blas_thread():
    """Context that runs BLAS on one thread, if threadpoolctl is installed.

    The matrices of this tiny network are small: multithreaded BLAS spends more time
    synchronizing than computing (several times slower on a shared 2-core machine).
    """
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - threadpoolctl ships with scikit-learn
        return contextlib.nullcontext()
    return threadpool_limits(limits=1, user_api="blas")


def _check_pos_int(value, name):
    return check_int(value, name, minimum=1)


def _check_params(params):
    if not isinstance(params, (list, tuple)) or len(params) < 1:
        raise TypeError("params must be a non-empty list of (W, b) pairs, as made by init_mlp")
    for k, pair in enumerate(params):
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            raise TypeError(f"params[{k}] must be a (W, b) pair")
        W, b = pair
        if np.ndim(W) != 2 or np.ndim(b) != 1 or np.shape(W)[1] != np.shape(b)[0]:
            raise ValueError(f"params[{k}] must be (W, b) with W of shape (m, k) and b of shape (k,)")
        if k > 0 and np.shape(params[k - 1][0])[1] != np.shape(W)[0]:
            raise ValueError(f"params[{k}] does not fit the output size of params[{k - 1}]")
    return params


def init_mlp(sizes, rng):
    """Random initial parameters for an MLP with the given layer sizes.

    Hidden layers (followed by ReLU) get He initialization ``W ~ N(0, 2 / fan_in)``,
    the output layer ``W ~ N(0, 1 / fan_in)``; biases start at zero.

    Parameters
    ----------
    sizes : sequence of int
        ``(n_inputs, hidden_1, ..., hidden_L, n_classes)``, at least two entries.
    rng : numpy.random.Generator
        Source of the random weights.

    Returns
    -------
    list of (ndarray, ndarray)
        ``[(W_1, b_1), ..., (W_{L+1}, b_{L+1})]`` with ``W_l`` of shape
        ``(sizes[l-1], sizes[l])``.
    """
    if not isinstance(sizes, (list, tuple)) or len(sizes) < 2:
        raise ValueError("sizes must be a list like (n_inputs, hidden..., n_classes) with at least 2 entries")
    sizes = [check_int(s, "every entry of sizes", minimum=1) for s in sizes]
    rng = check_rng(rng)
    params = []
    for l, (m, k) in enumerate(zip(sizes[:-1], sizes[1:])):
        gain = 2.0 if l < len(sizes) - 2 else 1.0
        params.append((rng.normal(0.0, np.sqrt(gain / m), size=(m, k)), np.zeros(k)))
    return params


def mlp_forward(params, X, p=0.0, rng=None, training=False, p_input=0.0):
    """Forward pass, with inverted dropout on the hidden units when ``training``.

    Parameters
    ----------
    params : list of (W, b)
        As made by :func:`init_mlp`.
    X : array_like, shape (n_samples, n_inputs)
        Inputs.
    p : float, default 0.0
        Drop probability of every hidden unit (used only when ``training``).
    rng : numpy.random.Generator, optional
        Source of the dropout masks; required when ``training`` and ``p > 0`` or
        ``p_input > 0``.
    training : bool, default False
        Apply dropout (training, or Monte Carlo dropout) or not (evaluation).
    p_input : float, default 0.0
        Drop probability of the inputs (used only when ``training``).

    Returns
    -------
    logits : ndarray, shape (n_samples, n_classes)
        Output of the last affine layer.
    cache : list
        What :func:`mlp_backward` needs: for each layer its input, and for each hidden
        layer its pre-activation and dropout scale (``mask / (1 - p)``, or 1).
    """
    params = _check_params(params)
    X = as_matrix(X)
    if X.shape[1] != params[0][0].shape[0]:
        raise ValueError(f"X has {X.shape[1]} columns but the network expects {params[0][0].shape[0]}")
    p, p_input = check_probability(p), check_probability(p_input, "p_input")
    training = check_bool(training, "training")
    if training and (p > 0 or p_input > 0):
        rng = check_rng(rng)
    return _forward(params, X, p, rng, training, p_input)


def _forward(params, X, p, rng, training, p_input):
    h = X
    if training and p_input > 0:
        h = dropout(h, p_input, rng, training=True)
    cache = []
    for W, b in params[:-1]:
        z = h @ W + b
        a = np.maximum(z, 0.0)
        if training and p > 0:
            a, mask = dropout(a, p, rng, training=True, return_mask=True)
            scale = mask / (1.0 - p)  # d(dropout(a)) / da, for the backward pass
        else:
            scale = None
        cache.append((h, z, scale))
        h = a
    W, b = params[-1]
    cache.append((h, None, None))
    return h @ W + b, cache


def mlp_backward(params, cache, dlogits):
    """Backward pass: gradients of a loss with respect to every ``W`` and ``b``.

    Parameters
    ----------
    params : list of (W, b)
        The parameters used in the forward pass.
    cache : list
        The cache returned by :func:`mlp_forward`.
    dlogits : array_like, shape (n_samples, n_classes)
        Gradient of the loss with respect to the logits.

    Returns
    -------
    list of (ndarray, ndarray)
        ``[(dL/dW_1, dL/db_1), ...]``, same shapes as ``params``.
    """
    params = _check_params(params)
    if len(cache) != len(params):
        raise ValueError("cache does not belong to these params (wrong number of layers)")
    g = np.asarray(dlogits, dtype=float)
    if g.ndim != 2 or g.shape != (cache[-1][0].shape[0], params[-1][0].shape[1]):
        raise ValueError(f"dlogits must have shape (n_samples, n_classes), got {g.shape}")
    return _backward(params, cache, g)


def _backward(params, cache, g):
    grads = [None] * len(params)
    h, _, _ = cache[-1]
    grads[-1] = (h.T @ g, g.sum(axis=0))  # output layer: z = h W + b
    g = g @ params[-1][0].T  # gradient w.r.t. the (dropped-out) hidden units
    for l in range(len(params) - 2, -1, -1):
        h, z, scale = cache[l]
        if scale is not None:
            g = g * scale  # through dropout: mask / (1 - p)
        g = g * (z > 0)  # through the ReLU
        grads[l] = (h.T @ g, g.sum(axis=0))
        if l > 0:
            g = g @ params[l][0].T
    return grads
