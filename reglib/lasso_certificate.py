"""The certificate of a lasso solution: its duality gap, relative to the objective.

For ``P(w) = ||y - X w||^2 + lam ||w||_1`` with ``t = lam / 2``, residual ``r = y - X w``
and correlations ``c = X^T r``, the point ``theta = s r`` with
``s = min(1, t / max_j |c_j|)`` is feasible for the dual problem
``max ||y||^2 - ||y - theta||^2  s.t.  ||X^T theta||_inf <= t``, so the duality gap

.. math::

    \\operatorname{gap}(w) = P(w) - D(\\theta)
        = (1 - s)^2 \\lVert r \\rVert^2 + 2 \\sum_j |w_j| \\bigl(t - s\\,\\operatorname{sign}(w_j) c_j\\bigr)

is an upper bound on ``P(w) - min P``. Every term is non-negative, so it is evaluated
without cancellation. ``gap / P(w)`` bounds the *relative* excess of the objective: it
scales with ``lam`` (a point that is optimal "to 1e-9 of lam_max" but 18% above the
optimum at a tiny ``lam`` has a relative gap of about 0.18).
"""

from __future__ import annotations

import numpy as np

from .scaling import rescaled
from ._validation import as_xy, check_coef, check_lam

__all__ = ["lasso_duality_gap"]

_EPS = np.finfo(float).eps


def _gap(t, C, W, absW, rr, cmax, shift):
    """Duality gap at the dual point ``s r``, with every ``|c_j|`` lowered by ``shift``."""
    with np.errstate(divide="ignore", invalid="ignore"):
        s = np.where(cmax > t, t / np.where(cmax > 0, cmax, 1.0), 1.0)
    terms = t[:, None] - s[:, None] * (np.sign(W) * C + shift)
    return (1.0 - s) ** 2 * rr + 2.0 * np.sum(absW * np.maximum(terms, 0.0), axis=1)


def gap_rows(X, y, W, t):
    """Relative gaps, their optimistic (rounding-aware) versions and relative KKT violations.

    ``X``, ``y`` should be well scaled (see :mod:`reglib.scaling`); ``W`` has shape
    (k, p) and ``t`` (= lam / 2) shape (k,). Returns three arrays of shape (k,):
    ``gap / P``; the smallest ``gap / P`` consistent with the rounding error ``e_j`` of
    each computed correlation (every ``|c_j|`` moved by ``e_j`` in the favourable
    direction; at ``lam`` far below ``lam_max`` the dual point is only known to that
    accuracy); and the KKT violation divided by ``max_j |x_j^T y|`` (as
    :func:`reglib.lasso_kkt_violation`), each coordinate's lowered by that ``e_j``.
    """
    n, p = X.shape
    R = y[None, :] - W @ X.T
    C = R @ X
    absW = np.abs(W)
    absC = np.abs(C)
    rr = np.einsum("ij,ij->i", R, R)
    P = rr + 2.0 * t * np.sum(absW, axis=1)
    absX = np.abs(X)
    # rounding error of each computed c_j = x_j^T (y - X w), from the sizes of its terms
    E = 2.0 * _EPS * np.sqrt(n + p) * ((absW @ absX.T + np.abs(y)[None, :]) @ absX)
    gap = _gap(t, C, W, absW, rr, np.max(absC, axis=1), 0.0)
    gap_low = _gap(t, C, W, absW, rr, np.max(np.maximum(absC - E, 0.0), axis=1), E)
    on = W != 0
    viol = np.where(on, np.abs(C - t[:, None] * np.sign(W)), np.maximum(absC - t[:, None], 0.0))
    scale = float(np.max(np.abs(X.T @ y)))
    scale = scale if scale > 0 else 1.0
    with np.errstate(divide="ignore", invalid="ignore"):
        rel = np.where(P > 0, gap / P, 0.0)
        rel_low = np.where(P > 0, gap_low / P, 0.0)
    kkt_low = np.max(np.maximum(viol - E, 0.0), axis=1) / scale
    return rel, rel_low, kkt_low


def certified(X, y, W, t, tol):
    """Boolean mask: rows whose relative gap and relative KKT violation are both
    ``<= tol`` up to rounding (their rounding-aware versions are); plus the relative gaps
    and their rounding-aware versions."""
    rel, rel_low, kkt_low = gap_rows(X, y, W, t)
    ok = (rel_low <= tol + 8 * _EPS) & (kkt_low <= tol) & np.all(np.isfinite(W), axis=1)
    return ok, rel, rel_low


def lasso_duality_gap(X, y, w, lam) -> float:
    """Relative duality gap of ``w`` for the lasso ``||y - X w||^2 + lam ||w||_1``.

    Returns ``gap(w) / P(w)`` (module docstring), an upper bound on
    ``(P(w) - min P) / P(w)``: ``0`` at a minimizer up to rounding, and unchanged when
    ``X`` or ``y`` is rescaled. Unlike :func:`reglib.lasso_kkt_violation`, which is
    relative to ``lam_max``, it stays meaningful for ``lam`` far below ``lam_max``. It is
    ``1`` for any ``w`` at ``lam = 0`` unless ``X^T (y - X w) = 0`` (the dual point is 0
    there), so it certifies ``lam > 0`` only.

    Parameters
    ----------
    X : array_like, shape (n, p)
    y : array_like, shape (n,)
    w : array_like, shape (p,)
        Candidate weights.
    lam : float
        Regularization strength, ``>= 0``.

    Returns
    -------
    float
        The relative gap, in ``[0, 1]`` up to rounding (``0`` if ``P(w) = 0``).

    Raises
    ------
    ValueError, TypeError
        On malformed or mismatched arguments, or a ``lam`` that is negative or not a number.
    """
    X, y = as_xy(X, y)
    w = check_coef(w, X.shape[1])
    lam = check_lam(lam)
    Xs, ys, ax, ay = rescaled(X, y)
    with np.errstate(over="ignore", under="ignore"):
        ws = w * (ax / ay)
        t = lam / ax / ay / 2.0
    if not np.all(np.isfinite(ws)) or not np.isfinite(t):
        raise ValueError("w and lam are too large for these X and y (the objective overflows)")
    rel, _, _ = gap_rows(Xs, ys, ws[None, :], np.array([t]))
    return float(rel[0])
