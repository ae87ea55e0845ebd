"""Dropout of activations (inverted dropout).

In training each unit's activation is kept with probability ``1 - p`` and zeroed with
probability ``p`` (``p`` is the *drop* probability, as in PyTorch), and survivors are
scaled by ``1 / (1 - p)`` so that the expected output equals the input. At evaluation
time dropout is the identity. Dropout acts on activations (units), not on weights
(zeroing weights is DropConnect).
"""

from __future__ import annotations

import numpy as np

from ._validation import as_array, check_bool, check_probability, check_rng

__all__ = ["dropout"]


def dropout(a, p, rng, training=True, *, return_mask=False):
    """Inverted dropout of activations ``a``.

    In training,

    .. math::

        \\operatorname{dropout}(a)_i = \\frac{m_i\\, a_i}{1 - p}, \\qquad
        m_i \\sim \\operatorname{Bernoulli}(1 - p) \\text{ independently},

    so :math:`\\mathbb E[\\operatorname{dropout}(a)] = a`. In evaluation
    (``training=False``) it returns ``a`` unchanged (a copy).

    Parameters
    ----------
    a : array_like
        Activations, any shape.
    p : float
        Drop probability, in ``[0, 1)``.
    rng : numpy.random.Generator
        Source of randomness (``np.random.default_rng(seed)``); the same generator state
        gives the same mask.
    training : bool, default True
        Apply dropout (``True``) or the identity (``False``).
    return_mask : bool, default False
        Also return the boolean keep-mask ``m`` (all True in evaluation), e.g. for
        back-propagation.

    Returns
    -------
    out : numpy.ndarray
        Same shape as ``a``.
    mask : numpy.ndarray of bool
        Only if ``return_mask``: which units were kept.

    Raises
    ------
    ValueError
        If ``a`` holds NaN/inf or ``p`` is outside ``[0, 1)``.
    TypeError
        If ``a`` or ``p`` is not numeric, ``rng`` is not a ``numpy.random.Generator``, or
        ``training``/``return_mask`` is not a bool.
    """
    a = as_array(a, "a", allow_empty=True)
    p = check_probability(p, "p")
    rng = check_rng(rng, "rng")
    training = check_bool(training, "training")
    return_mask = check_bool(return_mask, "return_mask")
    if not training or p == 0.0:
        mask = np.ones(a.shape, dtype=bool)
        out = a
    else:
        mask = rng.random(a.shape) >= p
        out = np.where(mask, a / (1.0 - p), 0.0)
    return (out, mask) if return_mask else out
