"""Penalty form versus constraint form of ridge regression.

The penalized problem and the constrained problem

.. math::

    \\text{(P)}\\quad \\min_w \\lVert y - X w \\rVert^2 + \\lambda \\lVert w \\rVert^2
    \\qquad\\qquad
    \\text{(C)}\\quad \\min_w \\lVert y - X w \\rVert^2
    \\ \\text{ subject to }\\ \\lVert w \\rVert^2 \\le t

have the same solutions, with different parameters: the solution ``w(lam)`` of (P) solves
(C) for the budget ``t = ||w(lam)||^2`` (:func:`ridge_budget`), and conversely, when the
budget is active (smaller than the squared norm of the least-squares solution), the
solution of (C) is ``w(lam)`` for the unique ``lam`` with ``||w(lam)||^2 = t``
(:func:`lam_for_budget`).  :func:`constrained_least_squares` solves (C) directly, by
accelerated projected gradient descent (FISTA with adaptive restart), without ever forming
a penalty, so the correspondence can be checked numerically.

With the singular value decomposition ``X = U diag(d) V^T`` and ``c = U^T y``,

.. math:: \\lVert w(\\lambda) \\rVert^2 = \\sum_j \\frac{d_j^2 c_j^2}{(d_j^2 + \\lambda)^2},

a strictly decreasing function of ``lam`` (unless ``X^T y = 0``), from the squared norm of
the minimum-norm least-squares solution at ``lam = 0`` down to 0 as ``lam -> inf``.
"""

from __future__ import annotations

import warnings

import numpy as np

from ._validation import as_xy, check_coef, check_int, check_lam, check_positive

__all__ = ["ridge_budget", "lam_for_budget", "constrained_least_squares"]


def _budget_terms(X, y):
    """Singular values ``d`` (those above round-off) and ``d * (U^T y)``."""
    U, d, _ = np.linalg.svd(X, full_matrices=False)
    keep = d > d.max(initial=0.0) * max(X.shape) * np.finfo(float).eps
    return d[keep], d[keep] * (U[:, keep].T @ y)


def _norm2_at(d, dc, lam):
    return float(np.sum((dc / (d**2 + lam)) ** 2))


def ridge_budget(X, y, lam):
    """The budget ``t(lam) = ||w(lam)||^2`` at which the constraint form matches ridge.

    ``w(lam)`` minimizes ``||y - X w||^2 + lam * ||w||^2``; the same vector minimizes
    ``||y - X w||^2`` subject to ``||w||^2 <= t(lam)``.  Computed from the SVD of ``X``:
    ``t(lam) = sum_j d_j^2 c_j^2 / (d_j^2 + lam)^2`` with ``c = U^T y``.  At ``lam = 0``
    this is the squared norm of the minimum-norm least-squares solution.

    Parameters
    ----------
    X : array_like, shape (n, p)
        Design matrix (finite values).
    y : array_like, shape (n,)
        Targets (finite values).
    lam : float
        Penalty strength, ``lam >= 0``.

    Returns
    -------
    float
        The budget ``t(lam) >= 0``.

    Raises
    ------
    TypeError
        If ``lam`` is not a real number.
    ValueError
        On malformed ``X``/``y`` (shape, empty, NaN/inf) or ``lam < 0``.
    """
    X, y = as_xy(X, y)
    lam = check_lam(lam)
    U, d, _ = np.linalg.svd(X, full_matrices=False)
    keep = d > d.max(initial=0.0) * max(X.shape) * np.finfo(float).eps  # drop round-off
    d, c = d[keep], U[:, keep].T @ y              # singular values d_j and c = U^T y
    return float(np.sum((d * c / (d**2 + lam)) ** 2))  # sum_j d_j^2 c_j^2 / (d_j^2 + lam)^2


def lam_for_budget(X, y, t):
    """The penalty strength ``lam`` whose ridge solution has squared norm ``t``.

    Inverts :func:`ridge_budget`: returns ``lam >= 0`` with ``||w(lam)||^2 = t``, where
    ``w(lam)`` minimizes ``||y - X w||^2 + lam * ||w||^2``.  When the budget is not active
    (``t`` at least the squared norm of the minimum-norm least-squares solution) the
    constraint ``||w||^2 <= t`` does not bind and ``0.0`` is returned.  The root of the
    decreasing function ``lam -> ||w(lam)||^2 - t`` is found by bisection on
    ``[0, ||X^T y|| / sqrt(t)]`` (at the right end ``||w||^2 <= ||X^T y||^2 / lam^2 = t``)
    to full floating-point precision.

    Parameters
    ----------
    X : array_like, shape (n, p)
        Design matrix (finite values).
    y : array_like, shape (n,)
        Targets (finite values).
    t : float
        The budget, ``t > 0``.

    Returns
    -------
    float
        ``lam >= 0``.

    Raises
    ------
    TypeError
        If ``t`` is not a real number.
    ValueError
        On malformed ``X``/``y`` or ``t <= 0`` (a zero budget needs ``lam = inf``).
    """
    X, y = as_xy(X, y)
    t = check_positive("t", t)  # t = 0 would force w = 0, i.e. lam = inf
    d, dc = _budget_terms(X, y)
    if _norm2_at(d, dc, 0.0) <= t:
        return 0.0
    lo, hi = 0.0, float(np.linalg.norm(X.T @ y)) / np.sqrt(t)
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if mid in (lo, hi):
            break
        if _norm2_at(d, dc, mid) > t:
            lo = mid
        else:
            hi = mid
    return 0.5 * (lo + hi)


def constrained_least_squares(X, y, t, *, w0=None, tol=1e-12, max_iter=20000):
    """Minimize ``||y - X w||^2`` subject to ``||w||^2 <= t``, without a penalty.

    Accelerated projected gradient descent (FISTA with adaptive restart): a gradient step
    on the loss with step ``1 / (2 d_max^2)``, then the Euclidean projection onto the ball,
    ``w -> w * min(1, sqrt(t) / ||w||)``.  The loss is convex and the ball is convex, so
    every local minimum is global and the iteration converges to a minimizer.

    Parameters
    ----------
    X : array_like, shape (n, p)
        Design matrix (finite values).
    y : array_like, shape (n,)
        Targets (finite values).
    t : float
        The budget, ``t >= 0``.
    w0 : array_like, shape (p,), optional
        Starting point (projected onto the ball first); zeros by default.
    tol : float, default 1e-12
        Stop when an iteration moves ``w`` by less than ``tol * max(1, ||w||)``.
    max_iter : int, default 20000
        Iteration cap; a ``RuntimeWarning`` is issued if it is reached.

    Returns
    -------
    w : ndarray, shape (p,)
        The constrained minimizer.

    Raises
    ------
    TypeError
        If ``t`` or ``tol`` is not a real number or ``max_iter`` is not an integer.
    ValueError
        On malformed ``X``/``y``, ``t < 0``, ``tol <= 0``, ``max_iter < 1`` or a ``w0``
        of the wrong shape or with NaN/inf.
    """
    X, y = as_xy(X, y)
    t = check_lam(t, "t")  # the same check as lam: a finite real number >= 0
    tol = check_positive("tol", tol)
    max_iter = check_int(max_iter, "max_iter", minimum=1)
    p = X.shape[1]
    radius = np.sqrt(t)

    def project(v):
        norm = np.linalg.norm(v)
        return v if norm <= radius else v * (radius / norm)

    w = np.zeros(p) if w0 is None else project(check_coef(w0, p, "w0"))

    lipschitz = 2.0 * np.linalg.norm(X, 2) ** 2
    if lipschitz == 0.0:  # X = 0: every feasible w is optimal
        return w
    step = 1.0 / lipschitz
    Xty = X.T @ y
    v, momentum = w.copy(), 1.0
    for _ in range(max_iter):
        grad = 2.0 * (X.T @ (X @ v) - Xty)
        w_new = project(v - step * grad)
        if np.dot(v - w_new, w_new - w) > 0:  # adaptive restart: momentum points uphill
            momentum, v = 1.0, w.copy()
            continue
        momentum_new = 0.5 * (1.0 + np.sqrt(1.0 + 4.0 * momentum**2))
        v = w_new + ((momentum - 1.0) / momentum_new) * (w_new - w)
        moved = np.linalg.norm(w_new - w)
        w, momentum = w_new, momentum_new
        if moved <= tol * max(1.0, np.linalg.norm(w)):
            return w
    warnings.warn(
        f"constrained_least_squares did not converge in {max_iter} iterations; "
        "increase max_iter or tol",
        RuntimeWarning,
        stacklevel=2,
    )
    return w
