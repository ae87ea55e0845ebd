"""A small numpy classifier: an MLP trained on the mean softmax cross-entropy, with dropout
and an optional L2 penalty on the weights.

Training minimizes

    (1/n) * sum_i -log softmax(z_i)[y_i]  +  lam * sum_l ||W_l||_F^2 ,

(``z_i`` the logits of sample ``i``; biases are not penalized) by minibatch SGD, with
inverted dropout on the hidden units (``p``) and optionally on the inputs (``p_input``).
Under plain SGD the penalty is weight decay: each step is
``W <- (1 - 2 lr lam) W - lr dL/dW``, both terms evaluated at the current ``W`` (chapter 1).
``lam`` multiplies the *mean* loss; in the course's summed convention
``sum_i loss_i + lam' ||W||^2`` it is ``lam' = n lam``.  Initialization, batch order and masks
come from three separate streams (:func:`reglib.mlp_sgd.split_rng`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ._validation import as_matrix, check_lam, check_positive, check_probability, check_rng
from .mlp import _check_pos_int, _forward, _one_blas_thread, mlp_forward
from .mlp_sgd import sgd_steps
from .softmax import _check_labels, softmax, softmax_cross_entropy

__all__ = ["MLP", "train_mlp"]


@dataclass
class MLP:
    """A trained classifier: its parameters, its regularization and its training history.

    Attributes
    ----------
    params : list of (W, b)
        The weights and biases.
    p : float
        Drop probability of the hidden units used in training.
    p_input : float
        Drop probability of the inputs used in training.
    lam : float
        Strength of the L2 penalty ``lam * sum_l ||W_l||_F^2`` used in training.
    history : dict of str to ndarray
        ``epoch`` and, measured in evaluation mode after those epochs, ``train_loss``,
        ``train_acc`` and, when test data was given, ``test_loss`` and ``test_acc``.
    """

    params: list
    p: float = 0.0
    p_input: float = 0.0
    lam: float = 0.0
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


def _check_hidden(hidden):
    if isinstance(hidden, (int, np.integer)) and not isinstance(hidden, bool):
        hidden = (hidden,)
    if not isinstance(hidden, (list, tuple)):
        raise TypeError(f"hidden must be a sequence of positive integers, got {type(hidden).__name__}")
    return tuple(_check_pos_int(h, "every hidden width") for h in hidden)


def train_mlp(X, y, hidden=(64,), p=0.0, *, rng, epochs=30, batch_size=32, lr=0.1,
              p_input=0.0, lam=0.0, X_test=None, y_test=None, n_classes=None, eval_every=1):
    """Train an MLP classifier by minibatch SGD, with dropout and an optional L2 penalty.

    Minimizes ``(1/n) sum_i -log softmax(z_i)[y_i] + lam * sum_l ||W_l||_F^2`` (biases not
    penalized).  Each epoch visits the training rows in a new random order, in minibatches
    of ``batch_size``; each step draws fresh dropout masks and takes
    ``W <- W - lr * (dL/dW + 2 lam W)``.  ``rng`` is split into three streams
    (initialization, batch order, masks), so runs from equal generators that differ only
    in ``p``, ``p_input`` or ``lam`` share their initial weights and their minibatches.

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
        Split into the streams of the initial weights, the batch order and the masks
        (keyword only).
    epochs : int, default 30
        Passes over the training data.
    batch_size : int, default 32
        Rows per SGD step.
    lr : float, default 0.1
        Learning rate.
    p_input : float, default 0.0
        Drop probability of the inputs during training.
    lam : float, default 0.0
        Strength of the L2 penalty on the weights (weight decay ``2 lr lam`` per step).
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
        dropout-free network; the losses without the penalty).
    """
    X = as_matrix(X)
    y = _check_labels(y, X.shape[0], n_classes)
    hidden = _check_hidden(hidden)
    p, p_input = check_probability(p), check_probability(p_input, "p_input")
    lam = check_lam(lam)
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

    hist = {key: [] for key in ("epoch", "train_loss", "train_acc", "test_loss", "test_acc")}

    def record(epoch, params):
        if epoch % eval_every == 0 or epoch == epochs:
            hist["epoch"].append(epoch)
            for part, (Xe, ye) in (("train", (X, y)), ("test", (X_test, y_test))):
                if Xe is not None:
                    loss, acc = _evaluate(params, Xe, ye)
                    hist[part + "_loss"].append(loss)
                    hist[part + "_acc"].append(acc)

    with _one_blas_thread():
        params = sgd_steps((X.shape[1], *hidden, k), X, y, _ce_grad, rng=rng, p=p,
                           p_input=p_input, lam=lam, epochs=epochs, batch_size=batch_size,
                           lr=lr, after_epoch=record)
    history = {key: np.asarray(v) for key, v in hist.items() if v}
    return MLP(params=params, p=p, p_input=p_input, lam=lam, history=history)
