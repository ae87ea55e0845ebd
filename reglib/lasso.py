"""The lasso (L1 penalty): the exact LARS path, certified, with a coordinate-descent fallback.

The lasso minimizes

.. math::

    J(w) = \\lVert y - X w \\rVert_2^2 + \\lambda \\lVert w \\rVert_1 ,

(no 1/2, no 1/n). With the correlations :math:`c = X^\\top (y - X w)` a vector ``w`` is a
minimizer exactly when it satisfies the KKT conditions

.. math::

    c_j = \\tfrac{\\lambda}{2} \\operatorname{sign}(w_j) \\ \\text{ if } w_j \\ne 0, \\qquad
    |c_j| \\le \\tfrac{\\lambda}{2} \\ \\text{ if } w_j = 0 .

:func:`lasso` and :func:`lasso_path` follow the exact LARS path (:func:`lasso_knots`) down
to the requested ``lam`` and certify every answer twice: by these conditions, relative to
``lam_max`` (:func:`lasso_kkt_violation`), and by the relative duality gap, which scales
with ``lam`` (:func:`lasso_duality_gap`, :mod:`reglib.lasso_certificate`). What the path
cannot certify (degenerate designs) is re-solved by coordinate descent and feature-sign
search; an answer no method certifies comes with a ``RuntimeWarning``.
All functions fit *without* an intercept; :class:`reglib.Lasso` adds an unpenalized one.
"""

from __future__ import annotations

import warnings
from typing import NamedTuple

import numpy as np

from ._lars import interpolate as _interpolate
from ._lars import lars as _lars
from .scaling import divide, rescaled, unscale
from ._validation import as_xy, check_coef, check_int, check_lam, check_lams, check_positive
from .lasso_certificate import certified, lasso_duality_gap

__all__ = [
    "LassoKnots",
    "lasso",
    "lasso_duality_gap",
    "lasso_kkt_violation",
    "lasso_knots",
    "lasso_path",
]

_KNOT_TOL = 1e-9  # relative KKT violation above which lasso_knots warns


# --------------------------------------------------------------------------- KKT
def _kkt_scale(Xty: np.ndarray) -> float:
    """Normaliser of KKT violations: ``max_j |x_j^T y|`` (= lam_max / 2), or 1 if zero."""
    scale = float(np.max(np.abs(Xty)))
    return scale if scale > 0 else 1.0


def _kkt_abs(c: np.ndarray, w: np.ndarray, t) -> np.ndarray:
    """Absolute KKT violation(s) of ``w`` given correlations ``c`` and ``t = lam / 2``.

    Works row-wise for stacked ``c``, ``w`` of shape (k, p) and ``t`` of shape (k, 1).
    """
    on = w != 0
    viol = np.where(on, np.abs(c - t * np.sign(w)), np.maximum(np.abs(c) - t, 0.0))
    return np.max(viol, axis=-1)


def lasso_kkt_violation(X, y, w, lam) -> float:
    """Largest relative violation of the lasso's optimality (KKT) conditions at ``w``.

    For ``||y - X w||^2 + lam * ||w||_1`` and :math:`c = X^\\top (y - X w)`, the violation
    of coordinate ``j`` is :math:`|c_j - (\\lambda/2)\\operatorname{sign}(w_j)|` if
    :math:`w_j \\ne 0` and :math:`\\max(|c_j| - \\lambda/2, 0)` if :math:`w_j = 0`. The result
    is the largest of these divided by :math:`\\max_j |x_j^\\top y|` (which is
    :math:`\\lambda_{\\max}/2`, the size of the correlations at ``w = 0``), so it is
    unchanged when ``X`` or ``y`` is rescaled. It is 0 exactly at a minimizer.

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
        The relative violation (``0`` at a minimizer; a solver with tolerance ``tol``
        returns a ``w`` with violation at most ``tol``).

    Raises
    ------
    ValueError, TypeError
        On malformed or mismatched arguments, or a ``lam`` that is negative or not a number.
    """
    X, y = as_xy(X, y)
    w = check_coef(w, X.shape[1])
    lam = check_lam(lam)
    X, y, ax, ay = rescaled(X, y)  # exact powers of two: no overflow for extreme scales
    with np.errstate(over="ignore", under="ignore"):
        w = w * (ax / ay)
        lam = lam / ax / ay
    if not (np.all(np.isfinite(w)) and np.isfinite(lam)):
        raise ValueError("w and lam are too large for these X and y (the correlations overflow)")
    Xty = X.T @ y
    c = X.T @ (y - X @ w)
    return float(_kkt_abs(c, w, lam / 2.0) / _kkt_scale(Xty))


# ------------------------------------------------------------- coordinate descent
def _objective(G, Xty, w, t):
    """``||y - Xw||^2 + 2 t ||w||_1`` up to the constant ``||y||^2`` (Gram form)."""
    return float(w @ (G @ w) - 2.0 * (Xty @ w) + 2.0 * t * np.sum(np.abs(w)))


def _finish(G, Xty, w, t, scale, tol, max_steps=None):
    """Exact finishing step: feature-sign search (Lee et al. 2007) from ``w``.

    On the current support with signs ``s`` the objective is the smooth quadratic
    ``w^T G w - 2 (X^T y - t s)^T w``; its minimizer on the support is found by a
    linear solve, and a discrete line search towards it (stopping at sign changes)
    never increases the objective. Inactive features whose correlation exceeds ``t``
    are added one at a time. Returns ``(w, ok)`` with ``ok`` the KKT verdict.
    """
    p = w.shape[0]
    w = w.copy()
    if max_steps is None:
        max_steps = 4 * p + 20
    for _ in range(max_steps):
        c = Xty - G @ w
        if _kkt_abs(c, w, t) / scale <= tol:
            return w, True
        theta = np.sign(w)
        on = w != 0
        # optimality on the support first; otherwise add the worst inactive feature
        gap_on = np.abs(c - t * theta)[on]
        if not on.any() or np.max(gap_on, initial=0.0) / scale <= tol:
            off = np.flatnonzero(~on)
            if off.size == 0:
                return w, False
            k = off[np.argmax(np.abs(c[off]))]
            if abs(c[k]) <= t:
                return w, False  # nothing to add but KKT fails: rounding-limited
            theta[k] = np.sign(c[k])
            on[k] = True
        A = np.flatnonzero(on)
        s = theta[A]
        GA = G[np.ix_(A, A)]
        z, _, rank, _ = np.linalg.lstsq(GA, Xty[A] - t * s, rcond=None)
        if rank < A.size and _reduce_support(G, Xty, w, t):
            continue  # the support was too large for its rank: it has shrunk, start over
        wA = w[A]
        crossing = np.flatnonzero((np.sign(z) != s) & (wA != 0))
        if crossing.size == 0 and np.all(np.sign(z) == s):
            w[A] = z  # same orthant: z minimizes the objective there
            continue
        # candidates: z, and each point of the segment w_A -> z where a coefficient
        # reaches zero (set exactly to zero); the first crossing never increases the
        # objective (the segment up to it stays in the orthant), keep the best
        alphas = wA[crossing] / (wA[crossing] - z[crossing])
        order = np.argsort(alphas)
        candidates = [(float(alphas[i]), int(crossing[i])) for i in order] + [(1.0, -1)]
        best_w, best_f = None, np.inf
        for alpha, i in candidates:
            cand = w.copy()
            seg = wA + alpha * (z - wA)
            if i >= 0:
                seg[i] = 0.0
            cand[A] = seg
            f = _objective(G, Xty, cand, t)
            if best_w is None or f < best_f:
                best_w, best_f = cand, f
        if np.array_equal(best_w, w):
            return w, False
        w = best_w
    return w, _kkt_abs(Xty - G @ w, w, t) / scale <= tol


def _reduce_support(G, Xty, w, t):
    """In place: while the support's Gram block is singular, move along its null space.

    Along a null direction ``d`` of ``G_AA`` the objective changes linearly
    (by ``-2 alpha d^T (X_A^T y - t s)``), so moving in the non-increasing orientation
    until a coefficient reaches zero shrinks the support without raising the objective.
    Afterwards ``G_AA`` is non-singular (at most rank-many nonzeros). Returns whether
    ``w`` changed.
    """
    changed = False
    for _ in range(w.shape[0]):
        A = np.flatnonzero(w)
        if A.size < 2:
            return changed
        GA = G[np.ix_(A, A)]
        evals, evecs = np.linalg.eigh(GA)
        if evals[0] > 1e-13 * max(evals[-1], 0.0) * A.size:
            return changed
        d = evecs[:, 0]
        s = np.sign(w[A])
        slope = float(d @ (Xty[A] - t * s))
        if slope < 0 or (slope == 0 and not np.any(np.sign(d) == -s)):
            d = -d
        hits = np.flatnonzero(np.sign(d) == -s)
        if hits.size == 0:
            return changed
        alphas = -w[A][hits] / d[hits]
        k = int(np.argmin(alphas))
        w[A] = w[A] + alphas[k] * d
        w[A[hits[k]]] = 0.0
        w[A[(np.sign(w[A]) == -s)]] = 0.0  # rounding: never leave the orthant
        changed = True
    return changed


def _coordinate_descent(G, Xty, lam, w, tol, max_iter):
    """Cyclic coordinate descent on the Gram form; returns (w, converged)."""
    t = lam / 2.0
    p = w.shape[0]
    scale = _kkt_scale(Xty)
    diag = np.diag(G).copy()
    cols = [G[:, j] for j in range(p)]
    c = Xty - G @ w
    support = w != 0
    next_finish = 0
    for sweep in range(max_iter):
        biggest = 0.0
        for j in range(p):
            gjj = diag[j]
            if gjj <= 0.0:
                continue
            wj = w[j]
            z = c[j] + gjj * wj
            if z > t:
                new = (z - t) / gjj
            elif z < -t:
                new = (z + t) / gjj
            else:
                new = 0.0
            delta = new - wj
            if delta != 0.0:
                c -= cols[j] * delta
                w[j] = new
                if abs(delta) > biggest:
                    biggest = abs(delta)
        c = Xty - G @ w  # refresh: no drift in the stopping test
        if _kkt_abs(c, w, t) / scale <= tol:
            return w, True
        new_support = w != 0
        stalled = biggest <= 4 * np.finfo(float).eps * max(float(np.max(np.abs(w))), 1e-300)
        # once the support settles (or progress stalls), finish exactly on it
        if stalled or (np.array_equal(new_support, support) and sweep >= next_finish):
            finished, ok = _finish(G, Xty, w, t, scale, tol, 2 * int(np.count_nonzero(w)) + 10)
            if ok:
                return finished, True
            w = finished
            c = Xty - G @ w
            if stalled:
                return w, False
            next_finish = sweep + 1 + 2 * (sweep + 1)  # back off geometrically
        support = w != 0
    return w, False


def _least_squares(X, y):
    """Minimum-norm least squares (``lam = 0``), with one step of iterative refinement.

    The refinement step makes ``X^T (y - X w)`` (the lasso's KKT residual at ``lam = 0``)
    small even when ``X`` is badly conditioned.
    """
    w = np.linalg.lstsq(X, y, rcond=None)[0]
    return w + np.linalg.lstsq(X, y - X @ w, rcond=None)[0]


def _solve_gram(G, Xty, lam, w, tol, max_iter, lars):
    """Fallback lasso fit on the Gram form, for what the exact path cannot certify.

    Coordinate descent first (it usually settles the support fast and the exact
    finishing step does the rest). If that has not converged after a few sweeps --
    near-degenerate designs, where coordinate descent crawls -- feature-sign search takes
    over from the best of that point and the LARS path's value at this ``lam``
    (``lars = (ts, W)``). Coordinate descent only resumes if they fail too. Returns
    ``(w, converged)`` with ``converged`` the verdict of the KKT test to ``tol``.
    """
    t, scale = lam / 2.0, _kkt_scale(Xty)

    def viol(v):
        return _kkt_abs(Xty - G @ v, v, t) / scale

    first = min(max_iter, 100)
    w, ok = _coordinate_descent(G, Xty, lam, w, tol, first)
    if ok:
        return w, True
    points = [w]
    w_lars, inside = _interpolate(lars[0], lars[1], np.array([t]))
    if inside[0]:
        points.append(w_lars[0])
    for start in sorted(points, key=viol):
        if viol(start) <= tol:
            return start, True
        finished, ok = _finish(G, Xty, start, t, scale, tol, max_steps=10 * w.shape[0] + 50)
        if ok:
            return finished, True
        points.append(finished)
    best = min(points, key=viol)
    if max_iter > first:
        w, ok = _coordinate_descent(G, Xty, lam, best.copy(), tol, max_iter - first)
        if ok or viol(w) <= viol(best):
            return w, ok
    return best, False


def _polish(X, y, w, t):
    """Solve the KKT equations on the support and signs of ``w`` afresh (QR of ``X_A``).

    On the support ``A`` with signs ``s`` the minimizer solves
    ``X_A^T X_A w_A = X_A^T y - t s``; with ``X_A = Q R`` that is
    ``R w_A = Q^T y - t R^{-T} s`` (no squared condition number). Returns ``None`` if the
    support is rank deficient or the solution leaves the orthant of ``s``.
    """
    A = np.flatnonzero(w)
    if A.size == 0 or A.size > X.shape[0]:
        return None
    s = np.sign(w[A])
    Q, R = np.linalg.qr(X[:, A])
    with np.errstate(all="ignore"):
        try:
            u = np.linalg.solve(R.T, s)
            wA = np.linalg.solve(R, Q.T @ y - t * u)
        except np.linalg.LinAlgError:
            return None
    if not np.all(np.isfinite(wA)) or np.any(np.sign(wA) != s):
        return None
    out = np.zeros_like(w)
    out[A] = wA
    return out


def _objective_x(X, y, w, t) -> float:
    r = y - X @ w
    return float(r @ r + 2.0 * t * np.sum(np.abs(w)))


def _certified_solve(X, y, G, Xty, lam, start, tol, max_iter, lars, extra=()):
    """The certified minimizer at ``lam > 0`` (scaled problem), trying in turn: ``start``
    (the exact path's value), its polished version, the fallback solver from the best
    candidate so far (and from ``extra`` starting points). Returns ``(w, ok, rel_gap)``.
    """
    t = lam / 2.0
    tried = []

    def check(w):
        ok, rel, floor = certified(X, y, w[None, :], np.array([t]), tol)
        tried.append((bool(ok[0]), _objective_x(X, y, w, t), float(rel[0]), w))
        return bool(ok[0])

    if start is not None and check(start):
        return start, True, tried[-1][2]
    candidates = [] if start is None else [start]
    candidates += [v for v in extra if v is not None]
    for v in list(candidates):
        polished = _polish(X, y, v, t)
        if polished is not None and check(polished):
            return polished, True, tried[-1][2]
    # fallback: KKT to a tolerance that also scales with lam (rounding permitting)
    kkt_tol = max(min(tol, tol * t / _kkt_scale(Xty)), 1e-15)
    begin = min(tried, key=lambda e: e[1])[3] if tried else np.zeros(X.shape[1])
    for v in [begin] + [v for v in extra if v is not None]:
        w, _ = _solve_gram(G, Xty, lam, v.copy(), kkt_tol, max_iter, lars)
        if check(w):
            return w, True, tried[-1][2]
        polished = _polish(X, y, w, t)
        if polished is not None and check(polished):
            return polished, True, tried[-1][2]
    ok, f, rel, w = min(tried, key=lambda e: e[1])
    return w, False, rel


def _lam_zero(X, y, G, Xty, tol, lars_end=None):
    """The lasso's answer at ``lam = 0`` (scaled problem): see :func:`lasso`.

    Full column rank: the unique least-squares solution. Otherwise the end of the LARS
    path (the limit of the lasso minimizer as ``lam -> 0+``), re-solved by least squares
    on its support and checked to be a least-squares solution. ``lars_end`` is the
    path's ``(W[-1], complete)`` if already computed. Returns ``(w, ok)``.
    """
    n, p = X.shape
    w_ls = _least_squares(X, y)
    if p <= n and np.linalg.matrix_rank(X) == p:
        return w_ls, True
    if lars_end is None:
        ts, W, _, complete = _lars(G, Xty, _max_steps(n, p), 0.0)
        lars_end = (W[-1], complete)
    w, complete = lars_end
    if complete:
        A = np.flatnonzero(w)
        w = np.zeros(p)
        if A.size:
            w[A] = _least_squares(X[:, A], y)
        r, r_ls = y - X @ w, y - X @ w_ls
        rr, rr_ls = float(r @ r), float(r_ls @ r_ls)
        kkt = np.max(np.abs(X.T @ r)) / _kkt_scale(Xty)
        if kkt <= tol and rr <= rr_ls * (1 + 1e-9) + 1e-12 * float(y @ y):
            return w, True
    return w_ls, False


def _max_steps(n, p) -> int:
    return 8 * (p + min(n, p)) + 50


#: Relative size below which lam cannot be told from 0 against lam_max in float64.
_EPS = np.finfo(float).eps


def lasso(X, y, lam, *, w0=None, tol=1e-9, max_iter=10_000):
    """Lasso minimizer of ``||y - X w||^2 + lam * ||w||_1``, certified by its duality gap.

    .. math::

        \\hat w = \\arg\\min_w \\lVert y - X w \\rVert_2^2 + \\lambda \\sum_j |w_j| .

    The exact LARS path (:func:`lasso_knots`) is followed from ``lam_max`` down to
    ``lam`` only (so one ``lam`` never costs more than the path to it), and its end point
    is checked by two certificates: the relative KKT violation
    (:func:`lasso_kkt_violation`, relative to ``lam_max``) and the relative duality gap
    (:func:`lasso_duality_gap`, an upper bound on ``(J(w) - min J) / J(w)`` that scales
    with ``lam``). A point that fails them is re-solved on its support, then by cyclic
    coordinate descent with exact coordinate updates

    .. math::

        w_j \\leftarrow \\frac{S(x_j^\\top r_{(j)},\\, \\lambda/2)}{\\lVert x_j \\rVert^2},
        \\qquad S(z, t) = \\operatorname{sign}(z)\\max(|z| - t, 0)

    (:func:`reglib.soft_threshold`, with partial residual
    :math:`r_{(j)} = y - \\sum_{k \\ne j} x_k w_k`) and feature-sign search (Lee et al.
    2007). ``X`` and ``y`` are rescaled internally by powers of two (exact), so
    scales like 1e160 or 1e-170 neither overflow nor underflow.

    Parameters
    ----------
    X : array_like, shape (n, p)
        Design matrix (no column of ones: there is no intercept here).
    y : array_like, shape (n,)
        Targets.
    lam : float
        Regularization strength, ``>= 0``. For ``lam >= 2 max_j |x_j^T y|`` the answer is
        ``w = 0``. For ``lam = 0`` the answer is the end of the lasso path (the limit of
        the minimizer as ``lam -> 0+``): when ``X`` has full column rank the unique
        least-squares solution; otherwise (e.g. ``n < p``) the least-squares solution
        the LARS path ends at, which in general position is the one of minimum L1 norm
        and has at most ``n`` nonzeros. :func:`lasso_path` returns the same point. A
        ``lam`` below ``2.2e-16 * lam_max`` (machine epsilon) cannot be told from 0 in
        float64 and gets the same answer as ``lam = 0``.
    w0 : array_like, shape (p,), optional
        An extra starting point for the fallback solver (used only if the path's
        answer fails its certificates).
    tol : float, default 1e-9
        Certificate tolerance, ``> 0``: both the relative KKT violation and the relative
        duality gap must be ``<= tol`` up to the rounding error of the correlations
        ``X^T (y - X w)`` they are computed from (each is also evaluated with every
        correlation moved by its rounding bound in the favourable direction). That
        rounding limit is about ``1e-16 * lam_max / lam`` for the gap (more on
        ill-conditioned supports), so below it a tiny ``tol`` is met "up to rounding".
    max_iter : int, default 10000
        Maximum number of coordinate-descent sweeps of the fallback solver.

    Returns
    -------
    numpy.ndarray, shape (p,)
        The minimizer :math:`\\hat w`.

    Raises
    ------
    ValueError, TypeError
        On NaN/inf, wrong dimensions, empty or mismatched ``X``/``y``, a ``lam`` that is
        negative or not a number, a bad ``w0``, ``tol`` or ``max_iter``, or a minimizer
        outside the range of float64.

    Warns
    -----
    RuntimeWarning
        If no method certifies its answer (degenerate designs with a too small
        ``tol`` or ``max_iter``); the best point found is returned and the warning gives
        its relative duality gap.

    See Also
    --------
    lasso_path : exact solutions for many ``lam`` (LARS).
    reglib.Lasso : the estimator with an unpenalized intercept.
    """
    X, y = as_xy(X, y)
    lam = check_lam(lam)
    p = X.shape[1]
    w0 = None if w0 is None else check_coef(w0, p, "w0")
    tol = check_positive("tol", tol)
    max_iter = check_int(max_iter, "max_iter", minimum=1)
    Xs, ys, ax, ay = rescaled(X, y)
    lam_s = divide(lam, ax, ay)
    Xty = Xs.T @ ys
    if lam_s >= 2.0 * np.max(np.abs(Xty)):
        return np.zeros(p)
    G = Xs.T @ Xs
    if lam_s <= _EPS * 2.0 * np.max(np.abs(Xty)):
        # lam below rounding of lam_max: the KKT conditions cannot tell it from 0 in
        # float64, so the answer is the path's end point, as for lam = 0 (and lasso_path)
        w, ok = _lam_zero(Xs, ys, G, Xty, tol)
        if not ok:
            _warn_lam_zero("lasso")
        return unscale(w, ay, ax, "the lasso minimizer")
    t = lam_s / 2.0
    ts, W, _, complete = _lars(G, Xty, _max_steps(*X.shape), t)
    start = W[-1] if complete else None
    extra = ()
    if w0 is not None:
        with np.errstate(all="ignore"):
            extra = (w0 * (ax / ay),)
        extra = tuple(v for v in extra if np.all(np.isfinite(v)))
    w, ok, rel = _certified_solve(Xs, ys, G, Xty, lam_s, start, tol, max_iter, (ts, W), extra)
    if not ok:
        warnings.warn(
            f"lasso: no solver certified its answer at lam={lam:.3g} (after max_iter={max_iter} "
            f"sweeps with relative KKT violation {_kkt_abs(Xty - G @ w, w, t) / _kkt_scale(Xty):.2e}"
            f" and relative duality gap {rel:.2e}, not both <= tol={tol:.1e})",
            RuntimeWarning,
            stacklevel=2,
        )
    return unscale(w, ay, ax, "the lasso minimizer")


def _warn_lam_zero(who):
    warnings.warn(
        f"{who}: at lam = 0 the LARS path could not reach a certified least-squares "
        "solution (degenerate design); returning the minimum-norm least-squares solution",
        RuntimeWarning,
        stacklevel=3,
    )


# ----------------------------------------------------------------------- LARS
class LassoKnots(NamedTuple):
    """The knots of the exact lasso path (see :func:`lasso_knots`).

    Attributes
    ----------
    lams : numpy.ndarray, shape (K,)
        The knot values of ``lam``, decreasing; ``lams[0] = 2 max_j |x_j^T y|`` (the
        smallest ``lam`` giving ``w = 0``) and, for a complete path, ``lams[-1] = 0``.
    coefs : numpy.ndarray, shape (K, p)
        The minimizer at each knot; between knots the path is linear in ``lam``.
    events : list of (float, int, str)
        ``(lam, j, action)`` in path order, ``action`` being ``"enter"`` (feature ``j``
        becomes nonzero below ``lam``) or ``"leave"`` (it returns to zero at ``lam``).
    order : list of int
        Features in the order in which they first enter.
    """

    lams: np.ndarray
    coefs: np.ndarray
    events: list
    order: list


def lasso_knots(X, y):
    """Knots of the exact lasso path, by LARS with the lasso modification.

    The minimizer of ``||y - X w||^2 + lam * ||w||_1`` is piecewise linear in ``lam``.
    Starting from ``w = 0`` at ``lam_max = 2 max_j |x_j^T y|``, LARS (Efron et al. 2004)
    follows it down to ``lam = 0``: along each piece the active coefficients keep
    :math:`x_j^\\top (y - X w) = (\\lambda/2)\\operatorname{sign}(w_j)`, and a knot is
    where an inactive feature's correlation reaches :math:`\\lambda/2` (it *enters*) or
    an active coefficient reaches zero (it *leaves*: the lasso modification).

    Parameters
    ----------
    X : array_like, shape (n, p)
    y : array_like, shape (n,)

    Returns
    -------
    LassoKnots
        ``(lams, coefs, events, order)``: knot values (decreasing), coefficients at the
        knots, the ``(lam, j, "enter"|"leave")`` events and the entry order of features.

    Raises
    ------
    ValueError, TypeError
        On malformed or mismatched ``X``/``y``, or knots outside the range of float64.

    Warns
    -----
    RuntimeWarning
        If the design is degenerate (e.g. exactly collinear columns) and some knot does
        not satisfy the KKT conditions to 1e-9, or the path stops before ``lam = 0``.
        :func:`lasso_path` stays exact in that case (it falls back to coordinate descent).
    """
    X, y = as_xy(X, y)
    Xs, ys, ax, ay = rescaled(X, y)
    G = Xs.T @ Xs
    Xty = Xs.T @ ys
    ts, W, events, complete = _lars(G, Xty, _max_steps(*X.shape), 0.0)
    C = Xty[None, :] - W @ G
    bad = _kkt_abs(C, W, ts[:, None]) / _kkt_scale(Xty) > _KNOT_TOL
    if np.any(bad) or not complete:
        warnings.warn(
            "lasso_knots: degenerate design (collinear columns or ties); "
            f"{int(np.sum(bad))} knot(s) fail the KKT check"
            + ("" if complete else " and the path stops before lam = 0"),
            RuntimeWarning,
            stacklevel=2,
        )
    order: list[int] = []
    for _, j, action in events:
        if action == "enter" and j not in order:
            order.append(j)
    with np.errstate(over="ignore"):
        lams = 2.0 * ts * ax * ay
    if not np.all(np.isfinite(lams)):
        raise ValueError("the knots of lam are outside the range of float64 for these X and y")
    events = [(float(lam * ax * ay), j, action) for lam, j, action in events]
    return LassoKnots(lams=lams, coefs=unscale(W, ay, ax, "the path"), events=events, order=order)


def lasso_path(X, y, lams, *, tol=1e-9):
    """Exact, certified lasso minimizers for many ``lam``, from the LARS path.

    For each ``lam`` in ``lams`` this returns the minimizer of

    .. math::

        \\lVert y - X w \\rVert_2^2 + \\lambda \\lVert w \\rVert_1 .

    The LARS path (:func:`lasso_knots`) is followed once, from ``lam_max`` down to the
    smallest requested ``lam`` only, and interpolated linearly between its knots at each
    requested ``lam``. Every row is certified as in :func:`lasso` (relative KKT violation
    and relative duality gap ``<= tol``); a row the path cannot certify (degenerate
    designs: exactly or nearly collinear columns, ties) is re-solved as :func:`lasso`
    does. At ``lam = 0`` the row is the path's end, the same point as ``lasso(X, y, 0)``
    (see there: the unique least-squares solution under full column rank, else the
    least-squares solution the path ends at, of minimum L1 norm in general position).

    Parameters
    ----------
    X : array_like, shape (n, p)
        Design matrix (no intercept column).
    y : array_like, shape (n,)
        Targets.
    lams : array_like, shape (k,)
        Regularization strengths, each ``>= 0``, in any order.
    tol : float, default 1e-9
        Certificate tolerance for each row (as in :func:`lasso`).

    Returns
    -------
    numpy.ndarray, shape (k, p)
        Row ``i`` is the lasso minimizer for ``lams[i]`` (rows in the order given).

    Raises
    ------
    ValueError, TypeError
        As :func:`lasso`, and if ``lams`` is not a non-empty 1-D sequence of numbers
        (booleans are refused).

    Warns
    -----
    RuntimeWarning
        For a row no method certifies (with its relative duality gap).
    """
    X, y = as_xy(X, y)
    lams = check_lams(lams)
    tol = check_positive("tol", tol)
    n, p = X.shape
    Xs, ys, ax, ay = rescaled(X, y)
    lam_s = np.array([divide(lam, ax, ay) for lam in lams])
    G = Xs.T @ Xs
    Xty = Xs.T @ ys
    t_req = lam_s / 2.0
    # as in lasso: a lam below rounding of lam_max gets the lam = 0 answer (the path's end)
    positive = t_req > _EPS * np.max(np.abs(Xty))
    t_stop = float(np.min(t_req[positive])) if np.all(positive) else 0.0
    ts, W, _, complete = _lars(G, Xty, _max_steps(n, p), t_stop)
    out, inside = _interpolate(ts, W, t_req)
    if not complete:
        inside[:] = inside & (t_req >= ts[-1])
    zero = ~positive
    if np.any(zero):
        w0, ok = _lam_zero(Xs, ys, G, Xty, tol, (W[-1], complete))
        if not ok:
            _warn_lam_zero("lasso_path")
        out[zero] = w0
    rows = np.flatnonzero(positive & np.isfinite(t_req))
    out[~np.isfinite(t_req)] = 0.0  # lam / scale overflowed: far above lam_max
    if rows.size:
        ok, _, _ = certified(Xs, ys, out[rows], t_req[rows], tol)
        for i in rows[~ok | ~inside[rows]]:
            start = out[i] if inside[i] else None
            w, good, rel = _certified_solve(Xs, ys, G, Xty, 2 * t_req[i], start, tol, 10_000, (ts, W))
            if not good:
                warnings.warn(
                    f"lasso_path: no solver certified the row at lam={lams[i]:.3g} "
                    f"to tol={tol:.1e} (relative duality gap {rel:.1e})",
                    RuntimeWarning,
                    stacklevel=2,
                )
            out[i] = w
    return unscale(out, ay, ax, "the lasso path")
