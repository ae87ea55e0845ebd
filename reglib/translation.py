"""The course's ``lam`` and ``p`` in the units of the libraries people use.

The course minimizes ``||y - X w||^2 + lam * penalty(w)`` (a *sum* of squared errors, no
1/2, no 1/n) and calls ``p`` the drop probability. Libraries scale both differently; each
function below converts a library's setting to the course's, with ``n`` the number of
training rows. The derivations, and a check of every row, are on the book's page
"From the course to the libraries".
"""

from __future__ import annotations

from ._validation import _as_real, check_int, check_lam, check_probability

__all__ = ["lam_from_sklearn", "elastic_net_lams", "lam_from_weight_decay",
           "lam_from_keras_l2", "drop_probability"]


def lam_from_sklearn(alpha, n, model):
    """The course's ``lam`` for scikit-learn's ``Ridge(alpha)`` or ``Lasso(alpha)``.

    ``Ridge`` minimizes ``||y - X w||^2 + alpha ||w||_2^2``, so ``lam = alpha``; ``Lasso``
    minimizes ``(1 / (2 n)) ||y - X w||^2 + alpha ||w||_1``, and multiplying by ``2 n``
    gives ``lam = 2 n alpha``.

    Parameters
    ----------
    alpha : float
        scikit-learn's ``alpha`` (>= 0).
    n : int
        Number of training rows (>= 1).
    model : {"ridge", "lasso"}

    Returns
    -------
    float
    """
    alpha = check_lam(alpha, "alpha")
    n = check_int(n, "n", minimum=1)
    if model == "ridge":
        return alpha
    if model == "lasso":
        return 2.0 * n * alpha
    raise ValueError(f"model must be 'ridge' or 'lasso', got {model!r}")


def elastic_net_lams(alpha, l1_ratio, n):
    """The course's ``(lam1, lam2)`` for scikit-learn's ``ElasticNet(alpha, l1_ratio)``.

    scikit-learn minimizes
    ``(1 / (2 n)) ||y - X w||^2 + alpha r ||w||_1 + (alpha (1 - r) / 2) ||w||_2^2`` with
    ``r = l1_ratio``; times ``2 n`` this is the course's elastic net
    ``||y - X w||^2 + lam1 ||w||_1 + lam2 ||w||_2^2`` with ``lam1 = 2 n alpha r`` and
    ``lam2 = n alpha (1 - r)``.

    Returns
    -------
    (float, float)
    """
    alpha = check_lam(alpha, "alpha")
    r = _as_real(l1_ratio, "l1_ratio", "a number in [0, 1]")
    if not 0.0 <= r <= 1.0:
        raise ValueError(f"l1_ratio must be a number in [0, 1], got {r!r}")
    n = check_int(n, "n", minimum=1)
    return 2.0 * n * alpha * r, n * alpha * (1.0 - r)


def lam_from_weight_decay(weight_decay, n):
    """The course's ``lam`` for coupled weight decay on a mean squared error.

    PyTorch's ``SGD`` and ``Adam`` with ``weight_decay=wd`` add ``wd * w`` to the gradient
    of the loss, i.e. they minimize ``(1/n) ||y - X w||^2 + (wd / 2) ||w||^2`` (the loss
    ``nn.MSELoss()`` averages). Times ``n``: ``lam = n wd / 2``. (``AdamW`` decouples the
    decay from the gradient and minimizes no such objective.)

    Returns
    -------
    float
    """
    wd = check_lam(weight_decay, "weight_decay")
    n = check_int(n, "n", minimum=1)
    return n * wd / 2.0


def lam_from_keras_l2(l2, n):
    """The course's ``lam`` for Keras ``kernel_regularizer=l2(c)`` with a mean loss.

    Keras adds ``c * sum(w ** 2)`` to the loss, here ``(1/n) ||y - X w||^2``; times ``n``:
    ``lam = n c``.

    Returns
    -------
    float
    """
    c = check_lam(l2, "l2")
    n = check_int(n, "n", minimum=1)
    return n * c


def drop_probability(keep_prob):
    """The drop probability ``p = 1 - keep_prob`` of an older ``keep_prob`` setting.

    TensorFlow 1's ``tf.nn.dropout(x, keep_prob)`` keeps each unit with probability
    ``keep_prob``; PyTorch's ``nn.Dropout(p)``, Keras' ``Dropout(rate)`` and the course
    name the probability of *dropping* it.

    Returns
    -------
    float
    """
    keep = _as_real(keep_prob, "keep_prob", "a probability in (0, 1]")
    if not 0.0 < keep <= 1.0:
        raise ValueError(f"keep_prob must be a probability in (0, 1], got {keep!r}")
    return check_probability(1.0 - keep, "1 - keep_prob")
