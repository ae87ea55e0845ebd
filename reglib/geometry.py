"""The constraint picture of the lasso and of ridge, for a problem with two features.

The penalized problems

    ``minimize ||y - X w||^2 + lam * ||w||_1``      (lasso)
    ``minimize ||y - X w||^2 + lam * ||w||_2^2``    (ridge)

have the same solutions as the *constrained* problems

    ``minimize ||y - X w||^2  subject to  ||w||_1 <= t``   (a diamond)
    ``minimize ||y - X w||^2  subject to  ||w||_2 <= t``   (a disc)

for a budget ``t`` that corresponds to ``lam`` one to one *on a given data set*
(Tibshirani 1996; Hastie, Tibshirani & Friedman, ESL, 3.4).  With two features the
constrained problem can be drawn: the loss contours are ellipses centred at the
least-squares point, and the solution is where the smallest ellipse touches the
constraint set.  This module solves the constrained problem exactly in two dimensions
and returns the penalty ``lam`` that gives the same solution, so the picture can be
checked against the penalized solvers the rest of the course uses.
"""

from __future__ import annotations

import numpy as np

from ._validation import (
    as_array,
    as_matrix,
    as_vector,
    check_choice,
    check_int,
    check_positive,
    check_same_length,
)

__all__ = [
    "two_feature_problem",
    "loss_grid",
    "norm_ball",
    "constrained_minimizer",
    "corner_cones",
    "ends_at_corner",
]

_NORMS = ("l1", "l2")


def _as_two_feature_problem(X, y) -> tuple[np.ndarray, np.ndarray]:
    """Validate a 2-feature least-squares problem with linearly independent columns."""
    X = as_matrix(X, "X")
    y = as_vector(y, "y")
    check_same_length(X, y)
    if X.shape[1] != 2:
        raise ValueError(
            f"X must have exactly 2 columns (the constraint picture is 2-D), got shape {X.shape}"
        )
    gram = X.T @ X
    # Relative test for a singular Gram matrix (collinear or zero columns).
    if np.linalg.cond(gram) > 1e12:
        raise ValueError(
            "X must have two linearly independent columns (X^T X is singular), "
            f"got X^T X = {gram.tolist()}"
        )
    return X, y


def two_feature_problem(w_ols, rho, norms=(1.0, 1.0)) -> tuple[np.ndarray, np.ndarray]:
    """A least-squares problem with two features of correlation ``rho`` and given norms.

    Returns ``X`` (2 x 2) and ``y`` (2,) such that ``X^T X = G`` with
    ``G = [[a^2, rho a b], [rho a b, b^2]]`` for ``norms = (a, b)``, and the least-squares
    solution is exactly ``w_ols``, so the loss is the quadratic

        ``||y - X w||^2 = (w - w_ols)^T G (w - w_ols)``

    whose contours are ellipses centred at ``w_ols``.  With equal norms their axes are the
    directions ``(1, 1)`` and ``(1, -1)`` whatever ``rho``; with unequal norms the
    correlation turns them.

    Parameters
    ----------
    w_ols : array_like, shape (2,)
        The least-squares point (centre of the loss contours).
    rho : float
        Correlation of the two features, ``-1 < rho < 1``.
    norms : array_like, shape (2,)
        Euclidean norms ``||x_1||, ||x_2||`` of the two features, both ``> 0``.

    Returns
    -------
    X : numpy.ndarray, shape (2, 2)
        Upper Cholesky factor of ``G``.
    y : numpy.ndarray, shape (2,)
        ``X @ w_ols``.

    Raises
    ------
    TypeError
        If ``rho`` is not a real number or ``w_ols`` or ``norms`` is not numeric.
    ValueError
        If ``w_ols`` or ``norms`` does not have 2 finite entries, a norm is not positive,
        or ``|rho| >= 1``.
    """
    w_ols = as_vector(w_ols, "w_ols")
    if w_ols.shape != (2,):
        raise ValueError(f"w_ols must have exactly 2 entries, got shape {w_ols.shape}")
    norms = as_vector(norms, "norms")
    if norms.shape != (2,) or np.any(norms <= 0):
        raise ValueError(f"norms must be 2 positive numbers, got {norms.tolist()}")
    rho = _real(rho, "rho")
    if not -1.0 < rho < 1.0:
        raise ValueError(f"rho must be a correlation strictly between -1 and 1, got {rho!r}")
    gram = np.outer(norms, norms) * np.array([[1.0, rho], [rho, 1.0]])
    X = np.linalg.cholesky(gram).T  # upper factor R with R^T R = gram
    return X, X @ w_ols


def _real(value, name: str) -> float:
    """A real number (bools and strings refused), finite."""
    numeric = (int, float, np.integer, np.floating)
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numeric):
        raise TypeError(f"{name} must be a real number, got {value!r} ({type(value).__name__})")
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(f"{name} must be a finite real number, got {value!r}")
    return value


def loss_grid(X, y, w1, w2) -> np.ndarray:
    """The squared-error loss ``||y - X w||^2`` on a grid of ``w = (w1, w2)``.

    Parameters
    ----------
    X : array_like, shape (n_samples, 2)
    y : array_like, shape (n_samples,)
    w1, w2 : array_like, 1-D
        Grid values of the first and second coefficient.

    Returns
    -------
    numpy.ndarray, shape (len(w2), len(w1))
        ``Z[i, k] = ||y - X @ [w1[k], w2[i]]||^2``, ready for
        ``ax.contour(w1, w2, Z)``.

    Raises
    ------
    TypeError, ValueError
        On non-numeric, non-finite or wrongly shaped input, or if ``X`` does not have
        exactly two linearly independent columns.
    """
    X, y = _as_two_feature_problem(X, y)
    w1 = as_vector(w1, "w1")
    w2 = as_vector(w2, "w2")
    W1, W2 = np.meshgrid(w1, w2)
    gram = X.T @ X
    g = X.T @ y
    return (
        y @ y
        - 2.0 * (g[0] * W1 + g[1] * W2)
        + gram[0, 0] * W1**2
        + 2.0 * gram[0, 1] * W1 * W2
        + gram[1, 1] * W2**2
    )


def norm_ball(t, norm: str = "l1", num: int = 201) -> np.ndarray:
    """Points on the boundary of the 2-D ball ``{w : ||w|| <= t}``, as a closed curve.

    Parameters
    ----------
    t : float
        The radius (budget), ``t > 0``.
    norm : {"l1", "l2"}
        ``"l1"``: the diamond ``|w1| + |w2| = t``; ``"l2"``: the circle ``w1^2 + w2^2 = t^2``.
    num : int
        Number of points (``>= 5``); the first and last coincide.

    Returns
    -------
    numpy.ndarray, shape (num, 2)
    """
    t = check_positive("t", t)
    norm = check_choice(norm, _NORMS, "norm")
    num = check_int(num, "num", minimum=5)
    theta = np.linspace(0.0, 2.0 * np.pi, num)
    pts = np.column_stack([np.cos(theta), np.sin(theta)])
    if norm == "l1":
        pts /= np.abs(pts).sum(axis=1, keepdims=True)
    return t * pts


def constrained_minimizer(X, y, t, norm: str = "l1") -> tuple[np.ndarray, float]:
    """Exact minimizer of ``||y - X w||^2`` subject to ``||w||_1 <= t`` or ``||w||_2 <= t``.

    Two features only: the problem the constraint picture draws.

    * If the least-squares point already satisfies the constraint, it is the answer and
      the budget is not binding (``lam = 0``).
    * ``"l1"``: otherwise the minimizer lies on the diamond's boundary, four segments; the
      convex quadratic is minimized on each segment in closed form (clamped to the
      segment) and the best is kept.  A clamped end point is a corner, an *exact* zero.
    * ``"l2"``: otherwise the minimizer is the ridge solution ``(X^T X + lam I)^{-1} X^T y``
      whose norm equals ``t``; ``lam`` is found by bisection on this decreasing norm.

    The returned ``lam`` is the penalty whose penalized problem,
    ``||y - X w||^2 + lam * ||w||_1`` (``"l1"``) or ``||y - X w||^2 + lam * ||w||_2^2``
    (``"l2"``), has the same minimizer (Lagrange multiplier; from the optimality
    conditions ``X^T (y - X w) = (lam / 2) s`` with ``s`` a subgradient of ``||w||_1``, resp.
    ``X^T (y - X w) = lam w``).

    Parameters
    ----------
    X : array_like, shape (n_samples, 2)
        Design with two linearly independent columns.
    y : array_like, shape (n_samples,)
    t : float
        The budget, ``t > 0``.
    norm : {"l1", "l2"}

    Returns
    -------
    w : numpy.ndarray, shape (2,)
        The constrained minimizer.
    lam : float
        The equivalent penalty (0.0 when the constraint is not binding).

    Raises
    ------
    TypeError, ValueError
        On bad input (see :func:`loss_grid`), a non-positive ``t`` or an unknown ``norm``.
    """
    X, y = _as_two_feature_problem(X, y)
    t = check_positive("t", t)
    norm = check_choice(norm, _NORMS, "norm")
    w_ols = np.linalg.lstsq(X, y, rcond=None)[0]
    if norm == "l1":
        if np.abs(w_ols).sum() <= t:
            return w_ols, 0.0
        w = _l1_boundary_minimizer(X, y, t)
        lam = 2.0 * float(np.max(np.abs(X.T @ (y - X @ w))))
        return w, lam
    if np.linalg.norm(w_ols) <= t:
        return w_ols, 0.0
    return _l2_boundary_minimizer(X, y, t)


def corner_cones(X, t) -> np.ndarray:
    """The least-squares points whose L1-constrained solution is a corner of the diamond.

    For ``minimize ||y - X w||^2 subject to ||w||_1 <= t`` with ``G = X^T X``, the loss is
    ``(w - b)^T G (w - b) + const`` around the least-squares point ``b``.  The solution is
    the corner ``v = s t e_k`` (sign ``s``, axis ``k``) exactly when the KKT conditions hold
    there: ``u = G (b - v)`` has ``s u_k >= |u_other|`` (then ``lam = 2 s u_k``).  So the
    points ``b`` that end at ``v`` form the cone ``v + G^{-1} {u : s u_k >= |u_other|}``,
    spanned from its apex ``v`` by ``G^{-1}`` applied to the two edge directions of that
    set of ``u``.

    Parameters
    ----------
    X : array_like, shape (n_samples, 2)
        Design with two linearly independent columns.
    t : float
        The budget, ``t > 0``.

    Returns
    -------
    numpy.ndarray, shape (4, 3, 2)
        For the corners ``(t, 0), (0, t), (-t, 0), (0, -t)``: the apex and two direction
        vectors ``d1, d2``; the cone is ``{apex + a d1 + c d2 : a, c >= 0}``.
    """
    X, _ = _as_two_feature_problem(X, np.zeros(np.shape(X)[0]))
    t = check_positive("t", t)
    gram = X.T @ X
    cones = np.empty((4, 3, 2))
    for i, (k, s) in enumerate([(0, 1.0), (1, 1.0), (0, -1.0), (1, -1.0)]):
        apex = np.zeros(2)
        apex[k] = s * t
        edges = np.full((2, 2), s)          # u_k = s, u_other = +-1: s u_k = |u_other|
        edges[:, 1 - k] = (1.0, -1.0)
        cones[i, 0] = apex
        cones[i, 1:] = np.linalg.solve(gram, edges.T).T
    return cones


def ends_at_corner(X, w_ols, t) -> np.ndarray:
    """Whether the L1-constrained solution for least-squares point(s) ``w_ols`` is a corner.

    Same geometry as :func:`corner_cones` (the problem ``||y - X w||^2`` restricted to
    ``||w||_1 <= t``, with ``X`` fixing the shape ``G = X^T X`` of the contours and
    ``w_ols`` their centre): ``True`` exactly when the solution has a coordinate equal to 0
    while the other has absolute value ``t``.

    Parameters
    ----------
    X : array_like, shape (n_samples, 2)
    w_ols : array_like, shape (2,) or (m, 2)
    t : float

    Returns
    -------
    bool or numpy.ndarray of bool, shape (m,)
    """
    X, _ = _as_two_feature_problem(X, np.zeros(np.shape(X)[0]))
    t = check_positive("t", t)
    b = as_array(w_ols, "w_ols")
    if b.shape[-1:] != (2,) or b.ndim > 2:
        raise ValueError(f"w_ols must have shape (2,) or (m, 2), got {b.shape}")
    gram = X.T @ X
    out = np.zeros(b.shape[:-1], dtype=bool)
    for k, s in [(0, 1.0), (1, 1.0), (0, -1.0), (1, -1.0)]:
        apex = np.zeros(2)
        apex[k] = s * t
        u = (b - apex) @ gram                # G (b - apex), G symmetric
        out |= s * u[..., k] >= np.abs(u[..., 1 - k])
    return out if out.ndim else bool(out)


def _l1_boundary_minimizer(X: np.ndarray, y: np.ndarray, t: float) -> np.ndarray:
    """Minimize ``||y - Xw||^2`` over the boundary of the diamond of radius ``t``."""
    corners = t * np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0], [0.0, -1.0]])
    best_w, best_loss = None, np.inf
    for k in range(4):
        start, end = corners[k], corners[(k + 1) % 4]
        direction = end - start
        r0 = y - X @ start
        Xd = X @ direction
        s = float(Xd @ r0) / float(Xd @ Xd)
        if s <= 0.0:
            w = start.copy()  # a corner: one coordinate is exactly 0
        elif s >= 1.0:
            w = end.copy()
        else:
            w = start + s * direction
        loss = float(np.sum((y - X @ w) ** 2))
        if loss < best_loss:
            best_w, best_loss = w, loss
    return best_w


def _l2_boundary_minimizer(X: np.ndarray, y: np.ndarray, t: float) -> tuple[np.ndarray, float]:
    """Ridge solution with ``||w||_2 = t``, and its ``lam`` (bisection)."""
    d, V = np.linalg.eigh(X.T @ X)
    c = V.T @ (X.T @ y)

    def norm_at(lam: float) -> float:
        return float(np.linalg.norm(c / (d + lam)))

    lo, hi = 0.0, float(np.linalg.norm(c)) / t  # norm_at(hi) <= ||c|| / hi = t
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if norm_at(mid) > t:
            lo = mid
        else:
            hi = mid
        if hi - lo <= 1e-15 * hi:
            break
    lam = 0.5 * (lo + hi)
    return V @ (c / (d + lam)), lam
