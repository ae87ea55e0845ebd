"""A tiny multilayer perceptron in numpy, with dropout on its hidden units.

The network is ``X -> [affine -> ReLU -> dropout] * L -> affine -> softmax``.  Its
parameters are a list of ``(W, b)`` pairs.  Training minimizes the mean softmax
cross-entropy

    loss = -(1/n) * sum_i log softmax(z_i)[y_i],   z_i = logits of sample i,

by minibatch stochastic gradient descent.  Dropout uses :func:`reglib.dropout`
(drop probability ``p``, survivors scaled by ``1/(1-p)``) on every hidden layer
during training, optionally also on the inputs (``p_input``); evaluation is the
plain network, unless Monte Carlo dropout is asked for (:meth:`MLP.mc_proba`).
Every random choice (initialization, shuffling, masks) comes from the ``rng`` passed in,
so runs are deterministic.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field

import numpy as np

from .dropout import dropout
from ._validation import as_matrix, check_bool, check_int, check_positive, check_probability, check_rng

__all__ = [
    "init_mlp",
    "mlp_forward",
    "mlp_backward",
    "softmax",
    "softmax_cross_entropy",
    "train_mlp",
    "MLP",
]


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
    sizes = [_check_pos_int(s, "every entry of sizes") for s in sizes]
    rng = check_rng(rng)
    params = []
    for l, (m, k) in enumerate(zip(sizes[:-1], sizes[1:])):
        gain = 2.0 if l < len(sizes) - 2 else 1.0
        params.append((rng.normal(0.0, np.sqrt(gain / m), size=(m, k)), np.zeros(k)))
    return params


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


@dataclass
class MLP:
    """A trained network: its parameters, its dropout rates and its training history.

    Attributes
    ----------
    params : list of (W, b)
        The weights and biases.
    p : float
        Drop probability of the hidden units used in training.
    p_input : float
        Drop probability of the inputs used in training.
    history : dict of str to ndarray
        ``epoch`` and, measured in evaluation mode after those epochs, ``train_loss``,
        ``train_acc`` and, when test data was given, ``test_loss`` and ``test_acc``.
    """

    params: list
    p: float = 0.0
    p_input: float = 0.0
    history: dict = field(default_factory=dict)

    def predict_proba(self, X):
        """Class probabilities of the plain network (dropout off), shape (n, n_classes)."""
        return softmax(mlp_forward(self.params, X)[0])

    def predict(self, X):
        """Most probable class of each row of ``X`` (dropout off)."""
        return np.argmax(mlp_forward(self.params, X)[0], axis=1)

    def mc_proba(self, X, rng, n_samples=100):
        """Monte Carlo dropout: class probabilities with dropout kept on at test time.

        Parameters
        ----------
        X : array_like, shape (n, n_inputs)
            Inputs.
        rng : numpy.random.Generator
            Source of the masks.
        n_samples : int, default 100
            Number of stochastic forward passes (one mask each).

        Returns
        -------
        ndarray, shape (n_samples, n, n_classes)
            Softmax outputs of each thinned network; their mean over axis 0 is the
            MC dropout prediction.
        """
        n_samples = _check_pos_int(n_samples, "n_samples")
        X = as_matrix(X)
        rng = check_rng(rng)
        # one forward pass over n_samples stacked copies of X: one mask per copy
        big = np.tile(X, (n_samples, 1))
        with _one_blas_thread():
            z, _ = mlp_forward(self.params, big, p=self.p, rng=rng, training=True, p_input=self.p_input)
        return softmax(z).reshape(n_samples, X.shape[0], -1)


def _ce_grad(logits, y):
    """Gradient of the mean cross-entropy w.r.t. the logits, without validation."""
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    e /= e.sum(axis=1, keepdims=True)
    e[np.arange(len(y)), y] -= 1.0
    return e / len(y)


def _evaluate(params, X, y):
    logits = _forward(params, X, 0.0, None, False, 0.0)[0]
    loss, _ = softmax_cross_entropy(logits, y)
    return loss, float(np.mean(np.argmax(logits, axis=1) == y))


def train_mlp(X, y, hidden=(64,), p=0.0, *, rng, epochs=30, batch_size=32, lr=0.1,
              p_input=0.0, X_test=None, y_test=None, n_classes=None, eval_every=1):
    """Train an MLP by minibatch SGD on the mean softmax cross-entropy, with dropout.

    Each epoch visits the training rows in a new random order, in minibatches of
    ``batch_size``; each step draws fresh dropout masks and takes
    ``W <- W - lr * dL/dW`` for every layer.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_inputs)
        Training inputs.
    y : array_like of int, shape (n_samples,)
        Training labels ``0..n_classes-1``.
    hidden : sequence of int, default (64,)
        Widths of the hidden layers.
    p : float, default 0.0
        Drop probability of every hidden unit during training.
    rng : numpy.random.Generator
        Source of the initial weights, the shuffling and the masks (keyword only).
    epochs : int, default 30
        Passes over the training data.
    batch_size : int, default 32
        Rows per SGD step.
    lr : float, default 0.1
        Learning rate.
    p_input : float, default 0.0
        Drop probability of the inputs during training.
    X_test, y_test : array_like, optional
        Held-out data, evaluated alongside the training data.
    n_classes : int, optional
        Number of classes; default ``max(y) + 1``.
    eval_every : int, default 1
        Record the history every this many epochs (and after the last one).

    Returns
    -------
    MLP
        The trained network with its history (losses and accuracies of the plain,
        dropout-free network).
    """
    X = as_matrix(X)
    y = _check_labels(y, X.shape[0], n_classes)
    if isinstance(hidden, (int, np.integer)) and not isinstance(hidden, bool):
        hidden = (hidden,)
    if not isinstance(hidden, (list, tuple)):
        raise TypeError(f"hidden must be a sequence of positive integers, got {type(hidden).__name__}")
    hidden = tuple(_check_pos_int(h, "every hidden width") for h in hidden)
    p, p_input = check_probability(p), check_probability(p_input, "p_input")
    rng = check_rng(rng)
    epochs = _check_pos_int(epochs, "epochs")
    batch_size = _check_pos_int(batch_size, "batch_size")
    eval_every = _check_pos_int(eval_every, "eval_every")
    lr = check_positive("lr", lr)
    k = int(y.max()) + 1 if n_classes is None else _check_pos_int(n_classes, "n_classes")
    has_test = X_test is not None or y_test is not None
    if has_test:
        if X_test is None or y_test is None:
            raise ValueError("give both X_test and y_test, or neither")
        X_test = as_matrix(X_test, "X_test")
        if X_test.shape[1] != X.shape[1]:
            raise ValueError(f"X_test has {X_test.shape[1]} columns, X has {X.shape[1]}")
        y_test = _check_labels(y_test, X_test.shape[0], k)

    params = init_mlp((X.shape[1], *hidden, k), rng)
    with _one_blas_thread():
        params, hist = _sgd(params, X, y, X_test, y_test, p, p_input, rng, epochs, batch_size,
                            lr, eval_every)
    history = {key: np.asarray(v) for key, v in hist.items() if v}
    return MLP(params=params, p=p, p_input=p_input, history=history)


def _sgd(params, X, y, X_test, y_test, p, p_input, rng, epochs, batch_size, lr, eval_every):
    """The training loop of :func:`train_mlp` (arguments already validated)."""
    has_test = X_test is not None
    hist = {key: [] for key in ("epoch", "train_loss", "train_acc", "test_loss", "test_acc")}
    n = X.shape[0]
    for epoch in range(1, epochs + 1):
        order = rng.permutation(n)
        for start in range(0, n, batch_size):
            idx = order[start:start + batch_size]
            logits, cache = _forward(params, X[idx], p, rng, True, p_input)
            grads = _backward(params, cache, _ce_grad(logits, y[idx]))
            params = [(W - lr * dW, b - lr * db) for (W, b), (dW, db) in zip(params, grads)]
        if epoch % eval_every == 0 or epoch == epochs:
            hist["epoch"].append(epoch)
            loss, acc = _evaluate(params, X, y)
            hist["train_loss"].append(loss)
            hist["train_acc"].append(acc)
            if has_test:
                loss, acc = _evaluate(params, X_test, y_test)
                hist["test_loss"].append(loss)
                hist["test_acc"].append(acc)
    return params, hist
