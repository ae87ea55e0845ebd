"""The lasso (L1 penalty): coordinate descent for one ``lam``, LARS for the whole path.

The lasso minimizes

.. math::

    J(w) = \\lVert y - X w \\rVert_2^2 + \\lambda \\lVert w \\rVert_1 ,

(no 1/2, no 1/n). With the correlations :math:`c = X^\\top (y - X w)` a vector ``w`` is a
minimizer exactly when it satisfies the KKT conditions

.. math::

    c_j = \\tfrac{\\lambda}{2} \\operatorname{sign}(w_j) \\ \\text{ if } w_j \\ne 0, \\qquad
    |c_j| \\le \\tfrac{\\lambda}{2} \\ \\text{ if } w_j = 0 .

Every solver here stops on (and :func:`lasso_kkt_violation` measures) these conditions.
All functions fit *without* an intercept; :class:`reglib.Lasso` adds an unpenalized one.
"""

from __future__ import annotations

import warnings
from typing import NamedTuple

import numpy as np

from ._validation import as_xy, check_coef, check_int, check_lam, check_lams, check_positive

__all__ = ["LassoKnots", "lasso", "lasso_kkt_violation", "lasso_knots", "lasso_path"]

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


def _solve_gram(G, Xty, lam, w, tol, max_iter, max_steps, lars=None):
    """One lasso fit on the Gram form, as robust as possible; returns (w, converged).

    Coordinate descent first (it usually settles the support fast and the exact
    finishing step does the rest). If that has not converged after a few sweeps --
    near-degenerate designs, where coordinate descent crawls -- the exact finite
    methods take over: the LARS path at this ``lam`` and feature-sign search from the
    best points so far. Coordinate descent only resumes if they fail too.
    """
    t, scale = lam / 2.0, _kkt_scale(Xty)

    def viol(v):
        return _kkt_abs(Xty - G @ v, v, t) / scale

    first = min(max_iter, 100)
    w, ok = _coordinate_descent(G, Xty, lam, w, tol, first)
    if ok:
        return w, True
    points = [w]
    if lars is None:
        lars = _lars(G, Xty, max_steps)[:2]
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


def lasso(X, y, lam, *, w0=None, tol=1e-9, max_iter=10_000):
    """Lasso minimizer of ``||y - X w||^2 + lam * ||w||_1`` by cyclic coordinate descent.

    .. math::

        \\hat w = \\arg\\min_w \\lVert y - X w \\rVert_2^2 + \\lambda \\sum_j |w_j| .

    Each coordinate update is exact: with the partial residual
    :math:`r_{(j)} = y - \\sum_{k \\ne j} x_k w_k`,

    .. math::

        w_j \\leftarrow \\frac{S(x_j^\\top r_{(j)},\\, \\lambda/2)}{\\lVert x_j \\rVert^2},
        \\qquad S(z, t) = \\operatorname{sign}(z)\\max(|z| - t, 0)

    (:func:`reglib.soft_threshold`). Sweeps stop when the relative KKT violation
    (:func:`lasso_kkt_violation`) is at most ``tol``. Once the support stops changing,
    the KKT equations on it are solved directly (feature-sign search, Lee et al. 2007),
    so the answer is exact up to rounding. On near-degenerate designs (nearly collinear
    columns, ``n < p``), where coordinate descent crawls, the exact LARS path
    (:func:`lasso_path`) and feature-sign search take over after 100 sweeps.

    Parameters
    ----------
    X : array_like, shape (n, p)
        Design matrix (no column of ones: there is no intercept here).
    y : array_like, shape (n,)
        Targets.
    lam : float
        Regularization strength, ``>= 0``. For ``lam >= 2 max_j |x_j^T y|`` the answer is
        ``w = 0``; for ``lam = 0`` it is the minimum-norm least-squares solution.
    w0 : array_like, shape (p,), optional
        Starting point (warm start); zeros by default.
    tol : float, default 1e-9
        Target relative KKT violation, ``> 0``.
    max_iter : int, default 10000
        Maximum number of sweeps over the coordinates.

    Returns
    -------
    numpy.ndarray, shape (p,)
        The minimizer :math:`\\hat w`.

    Raises
    ------
    ValueError, TypeError
        On NaN/inf, wrong dimensions, empty or mismatched ``X``/``y``, a ``lam`` that is
        negative or not a number, a bad ``w0``, ``tol`` or ``max_iter``.

    Warns
    -----
    RuntimeWarning
        If ``max_iter`` sweeps end before the KKT conditions hold to ``tol``.

    See Also
    --------
    lasso_path : exact solutions for many ``lam`` (LARS).
    reglib.Lasso : the estimator with an unpenalized intercept.
    """
    X, y = as_xy(X, y)
    lam = check_lam(lam)
    p = X.shape[1]
    w = np.zeros(p) if w0 is None else check_coef(w0, p, "w0").copy()
    tol = check_positive("tol", tol)
    max_iter = check_int(max_iter, "max_iter", minimum=1)
    Xty = X.T @ y
    if lam == 0.0:
        return _least_squares(X, y)
    if lam >= 2.0 * np.max(np.abs(Xty)):
        return np.zeros(p)
    G = X.T @ X
    w, converged = _solve_gram(G, Xty, lam, w, tol, max_iter, _max_steps(*X.shape))
    t, scale = lam / 2.0, _kkt_scale(Xty)
    if not converged:
        warnings.warn(
            f"lasso: coordinate descent stopped after max_iter={max_iter} sweeps with "
            f"relative KKT violation {_kkt_abs(Xty - G @ w, w, t) / scale:.2e}"
            f" > tol={tol:.1e}",
            RuntimeWarning,
            stacklevel=2,
        )
    return w


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


def _lars(G, Xty, max_steps):
    """LARS with the lasso modification on the Gram form.

    Works with ``t = lam / 2`` and returns ``(ts, W, events, complete)``.
    """
    p = Xty.shape[0]
    c = Xty.copy()
    w = np.zeros(p)
    t = float(np.max(np.abs(c)))
    ts, Ws, events = [t], [w.copy()], []
    if t == 0.0:
        return np.array([0.0]), np.zeros((1, p)), events, True
    diag = np.diag(G)
    active = np.zeros(p, dtype=bool)
    ignored = diag <= 0.0  # zero columns never enter
    signs = np.zeros(p)
    A: list[int] = []
    j = int(np.argmax(np.abs(c)))
    A.append(j)
    active[j] = True
    signs[j] = np.sign(c[j])
    events.append((float(2 * t), j, "enter"))
    just_dropped, dropped_sign = -1, 0.0
    complete = False
    for _ in range(max_steps):
        Aidx = np.array(A)
        GA = G[np.ix_(Aidx, Aidx)]
        try:
            dA = np.linalg.solve(GA, signs[Aidx])
        except np.linalg.LinAlgError:
            break
        a = G[:, Aidx] @ dA
        # next entry: |c_j - gamma a_j| reaches t - gamma from below
        cand = ~active & ~ignored
        gamma_in, j_in, s_in = np.inf, -1, 0.0
        if np.any(cand):
            with np.errstate(divide="ignore", invalid="ignore"):
                den1, den2 = 1.0 - a, 1.0 + a
                g1 = np.where(cand & (den1 > 0), np.maximum(t - c, 0.0) / den1, np.inf)
                g2 = np.where(cand & (den2 > 0), np.maximum(t + c, 0.0) / den2, np.inf)
            if just_dropped >= 0:
                # it sits on the boundary it just left: only the opposite side can be hit
                # in this segment (the gap to its own side is linear and zero now)
                if dropped_sign > 0:
                    g1[just_dropped] = np.inf
                else:
                    g2[just_dropped] = np.inf
            k1, k2 = int(np.argmin(g1)), int(np.argmin(g2))
            if g1[k1] <= g2[k2]:
                gamma_in, j_in, s_in = g1[k1], k1, 1.0
            else:
                gamma_in, j_in, s_in = g2[k2], k2, -1.0
        # next exit: an active coefficient crosses zero
        gamma_out, j_out = np.inf, -1
        sd = signs[Aidx] * dA
        wrong = sd < 0
        if np.any(wrong):
            with np.errstate(divide="ignore"):
                gd = np.where(wrong, np.maximum(-w[Aidx] / dA, 0.0), np.inf)
            k = int(np.argmin(gd))
            gamma_out, j_out = gd[k], int(Aidx[k])
        gamma = min(gamma_in, gamma_out, t)
        w[Aidx] += gamma * dA
        if gamma >= t:  # reached lam = 0
            t = 0.0
            c = Xty - G[:, Aidx] @ w[Aidx]
            ts.append(t)
            Ws.append(w.copy())
            complete = True
            break
        t -= gamma
        if gamma_out <= gamma_in:
            w[j_out] = 0.0
            A.remove(j_out)
            active[j_out] = False
            dropped_sign = signs[j_out]
            signs[j_out] = 0.0
            just_dropped = j_out
            events.append((float(2 * t), j_out, "leave"))
            if not A:  # cannot happen on an exact path (w = 0 only for t >= t_max)
                break
        else:
            # the entering column must not be (numerically) in the span of the active ones
            gjA = G[j_in, Aidx]
            try:
                proj = gjA @ np.linalg.solve(GA, gjA)
            except np.linalg.LinAlgError:
                proj = diag[j_in]
            if diag[j_in] - proj <= 1e-10 * diag[j_in]:
                ignored[j_in] = True
            else:
                A.append(j_in)
                active[j_in] = True
                signs[j_in] = s_in
                events.append((float(2 * t), int(j_in), "enter"))
            just_dropped = -1
        c = Xty - G[:, np.array(A)] @ w[np.array(A)] if A else Xty - G @ w
        ts.append(t)
        Ws.append(w.copy())
    return np.array(ts), np.array(Ws), events, complete


def _interpolate(ts, W, t_req):
    """Path values at ``t_req`` (any order) from knots ``ts`` (non-increasing).

    Returns ``(coefs, inside)``; ``inside`` is False for values below the last knot.
    """
    neg = -ts
    pos = np.searchsorted(neg, -t_req, side="left")  # first knot with ts <= t_req
    K = ts.shape[0]
    out = np.zeros((t_req.shape[0], W.shape[1]))
    inside = pos < K
    mid = inside & (pos > 0)
    if np.any(mid):
        hi = pos[mid] - 1
        lo = pos[mid]
        span = ts[hi] - ts[lo]
        with np.errstate(divide="ignore", invalid="ignore"):
            frac = np.where(span > 0, (ts[hi] - t_req[mid]) / span, 1.0)
        out[mid] = W[hi] + frac[:, None] * (W[lo] - W[hi])
    exact = inside & (pos == 0)  # t_req >= first knot: w = 0 (W[0] is zero)
    out[exact] = W[0]
    out[~inside] = W[-1]
    return out, inside


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
        On malformed or mismatched ``X``/``y``.

    Warns
    -----
    RuntimeWarning
        If the design is degenerate (e.g. exactly collinear columns) and some knot does
        not satisfy the KKT conditions to 1e-9, or the path stops before ``lam = 0``.
        :func:`lasso_path` stays exact in that case (it falls back to coordinate descent).
    """
    X, y = as_xy(X, y)
    G = X.T @ X
    Xty = X.T @ y
    ts, W, events, complete = _lars(G, Xty, _max_steps(*X.shape))
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
    return LassoKnots(lams=2.0 * ts, coefs=W, events=events, order=order)


def _max_steps(n, p) -> int:
    return 8 * (p + min(n, p)) + 50


def lasso_path(X, y, lams, *, tol=1e-9):
    """Exact lasso minimizers for many ``lam``, from the LARS path.

    For each ``lam`` in ``lams`` this returns the minimizer of

    .. math::

        \\lVert y - X w \\rVert_2^2 + \\lambda \\lVert w \\rVert_1 .

    The knots are computed once (:func:`lasso_knots`), the path is interpolated
    linearly between them at each requested ``lam``, and every returned row is checked
    against the KKT conditions (:func:`lasso_kkt_violation`). Any ``lam`` the LARS path
    cannot certify (degenerate designs: exactly or nearly collinear columns, ties) is
    solved by coordinate descent (:func:`lasso`) warm-started at the path's value.

    Parameters
    ----------
    X : array_like, shape (n, p)
        Design matrix (no intercept column).
    y : array_like, shape (n,)
        Targets.
    lams : array_like, shape (k,)
        Regularization strengths, each ``>= 0``, in any order.
    tol : float, default 1e-9
        Relative KKT violation accepted for each row.

    Returns
    -------
    numpy.ndarray, shape (k, p)
        Row ``i`` is the lasso minimizer for ``lams[i]`` (rows in the order given).

    Raises
    ------
    ValueError, TypeError
        As :func:`lasso`, and if ``lams`` is not a non-empty 1-D sequence.
    """
    X, y = as_xy(X, y)
    lams = check_lams(lams)
    tol = check_positive("tol", tol)
    G = X.T @ X
    Xty = X.T @ y
    ts, W, _, _ = _lars(G, Xty, _max_steps(*X.shape))
    t_req = lams / 2.0
    out, inside = _interpolate(ts, W, t_req)
    C = Xty[None, :] - out @ G
    viol = _kkt_abs(C, out, t_req[:, None]) / _kkt_scale(Xty)
    redo = np.flatnonzero((viol > tol) | ~inside)
    if redo.size:
        # largest lam first, each warm-started from the path (or the previous solution)
        for i in redo[np.argsort(-lams[redo], kind="stable")]:
            if lams[i] == 0.0:
                out[i] = _least_squares(X, y)
                continue
            w, ok = _solve_gram(G, Xty, float(lams[i]), out[i].copy(), tol, 10_000, 0, (ts, W))
            if not ok:
                warnings.warn(
                    f"lasso_path: the KKT conditions do not hold to tol={tol:.1e} "
                    f"at lam={lams[i]:.3g} (relative violation "
                    f"{_kkt_abs(Xty - G @ w, w, lams[i] / 2) / _kkt_scale(Xty):.1e})",
                    RuntimeWarning,
                    stacklevel=2,
                )
            out[i] = w
    return out
