"""A small numpy regression network with dropout, and Monte Carlo dropout predictions.

Training minimizes the mean squared error plus an optional L2 penalty on the weights,

    (1/n) * sum_i (y_i - f(x_i))^2  +  lam * sum_l ||W_l||_F^2 ,

by minibatch SGD with inverted dropout (drop probability ``p``) on every hidden layer;
``f`` is ``x -> [affine -> ReLU -> dropout] * L -> affine`` with one output.  Monte Carlo
dropout keeps the masks on at prediction time: each pass is one thinned network, and the
spread of the passes is read as the model's uncertainty (Gal & Ghahramani 2016).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._validation import as_matrix, as_xy, check_lam, check_positive, check_probability, check_rng
from .mlp import _check_pos_int, _one_blas_thread, mlp_forward
from .mlp_sgd import sgd_steps
from .mlp_train import _check_hidden

__all__ = ["MLPRegressor", "train_mlp_regressor"]


@dataclass
class MLPRegressor:
    """A trained regression network.

    Attributes
    ----------
    params : list of (W, b)
        The weights and biases (the last layer has one output).
    p : float
        Drop probability of the hidden units used in training (and by :meth:`mc_predict`).
    """

    params: list
    p: float = 0.0

    def predict(self, X):
        """Prediction of the plain network (dropout off), shape (n,)."""
        return mlp_forward(self.params, X)[0][:, 0]

    def mc_predict(self, X, rng, n_samples=100):
        """Monte Carlo dropout: ``n_samples`` predictions with fresh masks each.

        Parameters
        ----------
        X : array_like, shape (n, n_inputs)
            Inputs.
        rng : numpy.random.Generator
            Source of the masks.
        n_samples : int, default 100
            Number of stochastic forward passes.

        Returns
        -------
        ndarray, shape (n_samples, n)
            One row per thinned network; the mean over axis 0 is the MC prediction and
            the standard deviation its spread.
        """
        n_samples = _check_pos_int(n_samples, "n_samples")
        X = as_matrix(X)
        rng = check_rng(rng)
        with _one_blas_thread():
            out, _ = mlp_forward(self.params, np.tile(X, (n_samples, 1)), p=self.p, rng=rng,
                                 training=True)
        return out[:, 0].reshape(n_samples, X.shape[0])


def _mse_grad(out, y):
    """Gradient of ``(1/n) sum (out - y)^2`` w.r.t. ``out`` of shape (n, 1)."""
    return 2.0 * (out - y[:, None]) / len(y)


def train_mlp_regressor(X, y, hidden=(50,), p=0.0, *, rng, epochs=500, batch_size=32,
                        lr=0.01, lam=0.0):
    """Train a regression MLP by minibatch SGD on the mean squared error, with dropout.

    Minimizes ``(1/n) sum_i (y_i - f(x_i))^2 + lam * sum_l ||W_l||_F^2`` (biases not
    penalized); each step draws fresh dropout masks on the hidden units.  ``rng`` is split
    into initialization, batch order and masks as in :func:`reglib.train_mlp`.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_inputs)
        Training inputs.
    y : array_like, shape (n_samples,)
        Training targets.
    hidden : sequence of int, default (50,)
        Widths of the hidden layers.
    p : float, default 0.0
        Drop probability of every hidden unit during training.
    rng : numpy.random.Generator
        Source of the initial weights, the batch order and the masks (keyword only).
    epochs : int, default 500
        Passes over the training data.
    batch_size : int, default 32
        Rows per SGD step.
    lr : float, default 0.01
        Learning rate.
    lam : float, default 0.0
        Strength of the L2 penalty on the weights.

    Returns
    -------
    MLPRegressor
    """
    X, y = as_xy(X, y)
    hidden = _check_hidden(hidden)
    p = check_probability(p)
    lam = check_lam(lam)
    rng = check_rng(rng)
    epochs = _check_pos_int(epochs, "epochs")
    batch_size = _check_pos_int(batch_size, "batch_size")
    lr = check_positive("lr", lr)
    with _one_blas_thread():
        params = sgd_steps((X.shape[1], *hidden, 1), X, y, _mse_grad, rng=rng, p=p, p_input=0.0,
                           lam=lam, epochs=epochs, batch_size=batch_size, lr=lr)
    return MLPRegressor(params=params, p=p)
