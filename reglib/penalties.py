"""The regularized cost and its penalties.

Throughout the course the cost of weights ``w`` on data ``(X, y)`` is

.. math::

    J(w) = \\lVert y - X w \\rVert_2^2 + \\lambda \\, R(w),

with no 1/2 and no 1/n in front of the squared loss, and ``R`` the L2 penalty
``sum_j w_j^2`` (ridge) or the L1 penalty ``sum_j |w_j|`` (lasso).
"""

from __future__ import annotations

import numpy as np

from ._validation import as_array, as_vector, as_xy, check_choice, check_coef, check_lam

__all__ = ["cost", "l1", "l2", "soft_threshold"]


def l1(w) -> float:
    """L1 penalty ``sum_j |w_j|``.

    Parameters
    ----------
    w : array_like, shape (p,)
        Weights.

    Returns
    -------
    float
        :math:`\\lVert w \\rVert_1 = \\sum_j |w_j|`.
    """
    w = as_vector(w, "w")
    return float(np.sum(np.abs(w)))


def l2(w) -> float:
    """L2 penalty ``sum_j w_j^2`` (the *squared* Euclidean norm).

    Parameters
    ----------
    w : array_like, shape (p,)
        Weights.

    Returns
    -------
    float
        :math:`\\lVert w \\rVert_2^2 = \\sum_j w_j^2`.
    """
    w = as_vector(w, "w")
    return float(w @ w)


def cost(X, y, w, lam=0.0, penalty="l2") -> float:
    """Regularized least-squares cost ``||y - X w||^2 + lam * penalty(w)``.

    .. math::

        J(w) = \\lVert y - X w \\rVert_2^2 + \\lambda R(w), \\qquad
        R(w) = \\sum_j w_j^2 \\ (\\text{"l2"}) \\quad\\text{or}\\quad
        R(w) = \\sum_j |w_j| \\ (\\text{"l1"}).

    Parameters
    ----------
    X : array_like, shape (n, p)
        Design matrix.
    y : array_like, shape (n,)
        Targets.
    w : array_like, shape (p,)
        Weights.
    lam : float, default 0.0
        Regularization strength, ``>= 0``.
    penalty : {"l2", "l1", None}, default "l2"
        Which penalty ``R``; ``None`` gives the plain squared loss (``lam`` is ignored).

    Returns
    -------
    float
        The cost :math:`J(w)`.

    Raises
    ------
    ValueError, TypeError
        On malformed or mismatched arguments, a negative ``lam`` or an unknown penalty.
    """
    X, y = as_xy(X, y)
    w = check_coef(w, X.shape[1])
    lam = check_lam(lam)
    check_choice(penalty, ("l2", "l1", None), "penalty")
    r = y - X @ w
    loss = float(r @ r)
    if penalty is None:
        return loss
    if penalty == "l1":
        return loss + lam * float(np.sum(np.abs(w)))     # lam * ||w||_1
    return loss + lam * float(w @ w)                     # lam * ||w||_2^2


def soft_threshold(z, t):
    """Soft-thresholding operator ``sign(z) * max(|z| - t, 0)``, elementwise.

    It is the minimizer of ``(u - z)^2 + 2 t |u|`` over ``u``, which is why it is the
    coordinate update of the lasso (with ``t = lam / 2`` for a unit-norm column).

    Parameters
    ----------
    z : float or array_like
        Values to shrink.
    t : float or array_like
        Threshold(s), ``>= 0``, broadcastable against ``z``.

    Returns
    -------
    float or numpy.ndarray
        Same shape as ``np.broadcast(z, t)``; a float when both inputs are scalars.
        Zeros are always ``+0.0`` (never ``-0.0``).

    Raises
    ------
    ValueError, TypeError
        If ``z`` or ``t`` is not finite and real, or ``t`` is negative.
    """
    scalar = np.ndim(z) == 0 and np.ndim(t) == 0
    z_arr = as_array(z, "z", allow_empty=True)
    if np.ndim(t) == 0:
        t_arr = np.asarray(check_lam(t, "t"))
    else:
        t_arr = as_array(t, "t", allow_empty=True)
        if np.any(t_arr < 0):
            raise ValueError(f"t must be non-negative, got minimum {float(t_arr.min())!r}")
    try:
        # "+ 0.0" turns the -0.0 of a shrunk negative z into +0.0
        out = np.sign(z_arr) * np.maximum(np.abs(z_arr) - t_arr, 0.0) + 0.0
    except ValueError:
        raise ValueError(
            f"z and t must be broadcastable, got shapes {z_arr.shape} and {t_arr.shape}"
        ) from None
    return float(out) if scalar else out
