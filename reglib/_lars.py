"""The LARS-lasso homotopy (Efron et al. 2004) on the Gram form, with O(k^2) updates.

Private engine of :mod:`reglib.lasso`. It follows the lasso minimizer of
``||y - X w||^2 + 2 t ||w||_1`` from ``t = max_j |x_j^T y|`` (``w = 0``) down to a
requested ``t_stop >= 0``, keeping the inverse of the
active Gram block up to date by rank-one updates (bordering when a feature enters, a
Schur-complement downdate when one leaves), so that a step costs ``O(p k)`` rather than
``O(k^3)`` for ``k`` active features; it is recomputed afresh every 128 updates.
"""

from __future__ import annotations

import numpy as np


_REFRESH = 128  # rank-one updates of the inverse between fresh inversions


def lars(G, Xty, max_steps, t_stop=0.0):
    """LARS with the lasso modification, from ``t_max`` down to ``t_stop`` (``t = lam / 2``).

    Returns ``(ts, W, events, complete)``: the knot values of ``t`` (non-increasing; the
    last one is ``t_stop`` when reached, a knot or not), the coefficients there, the
    ``(lam, j, "enter"|"leave")`` events, and whether ``t_stop`` was reached.
    """
    p = Xty.shape[0]
    c = Xty.copy()
    w = np.zeros(p)
    t = float(np.max(np.abs(c)))
    ts, Ws, events = [t], [w.copy()], []
    if t == 0.0 or t <= t_stop:
        return np.array([t]), np.zeros((1, p)), events, True
    diag = np.diag(G)
    active = np.zeros(p, dtype=bool)
    ignored = diag <= 0.0  # zero columns never enter
    signs = np.zeros(p)
    j = int(np.argmax(np.abs(c)))
    A = [j]
    active[j] = True
    signs[j] = np.sign(c[j])
    cap = min(p, 64)
    GA = np.empty((p, cap))  # columns G[:, A], in the order of A
    GA[:, 0] = G[:, j]
    Mbuf = np.empty((cap, cap))  # Mbuf[:k, :k] is the inverse of G[A, A]
    Mbuf[0, 0] = 1.0 / diag[j]
    updates = 0
    events.append((float(2 * t), j, "enter"))
    just_dropped, dropped_sign = -1, 0.0
    complete = False
    for _ in range(max_steps):
        k = len(A)
        Aidx = np.array(A)
        if updates >= _REFRESH:
            try:
                Mbuf[:k, :k] = np.linalg.inv(GA[Aidx, :k])
            except np.linalg.LinAlgError:
                break
            updates = 0
        M = Mbuf[:k, :k]
        dA = M @ signs[Aidx]  # G_AA^{-1} s_A
        a = GA[:, :k] @ dA
        # next entry: |c_j - gamma a_j| reaches t - gamma from below
        cand = ~active & ~ignored
        gamma_in, j_in, s_in = np.inf, -1, 0.0
        if np.any(cand):
            with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
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
        gamma_out, j_out, q_out = np.inf, -1, -1
        wrong = signs[Aidx] * dA < 0
        if np.any(wrong):
            with np.errstate(divide="ignore"):
                gd = np.where(wrong, np.maximum(-w[Aidx] / dA, 0.0), np.inf)
            q_out = int(np.argmin(gd))
            gamma_out, j_out = gd[q_out], int(Aidx[q_out])
        gamma = min(gamma_in, gamma_out, t - t_stop)
        w[Aidx] += gamma * dA
        if gamma >= t - t_stop:  # reached t_stop
            t = t_stop
            ts.append(t)
            Ws.append(w.copy())
            complete = True
            break
        t -= gamma
        leaving = gamma_out <= gamma_in
        if leaving:
            w[j_out] = 0.0
        c = Xty - GA[:, :k] @ w[Aidx]  # fresh correlations (the entering one has w = 0)
        if leaving:
            A.pop(q_out)
            active[j_out] = False
            dropped_sign = signs[j_out]
            signs[j_out] = 0.0
            just_dropped = j_out
            events.append((float(2 * t), j_out, "leave"))
            if not A:  # cannot happen on an exact path (w = 0 only for t >= t_max)
                break
            # inverse of G_AA without row/column q: Schur complement downdate
            m = np.delete(M[:, q_out], q_out)
            mqq = M[q_out, q_out]
            Mbuf[q_out : k - 1, :k] = Mbuf[q_out + 1 : k, :k]
            Mbuf[:k - 1, q_out : k - 1] = Mbuf[:k - 1, q_out + 1 : k]
            Mbuf[: k - 1, : k - 1] -= np.multiply.outer(m, m / mqq)
            GA[:, q_out : k - 1] = GA[:, q_out + 1 : k]
            updates += 1
        else:
            # the entering column must not be (numerically) in the span of the active ones
            b = GA[j_in, :k]
            u = M @ b
            d2 = diag[j_in] - b @ u
            if d2 <= 1e-10 * diag[j_in]:
                ignored[j_in] = True
            else:
                if k == cap:
                    cap = min(p, 2 * cap)
                    GA = np.concatenate([GA, np.empty((p, cap - k))], axis=1)
                    grown = np.empty((cap, cap))
                    grown[:k, :k] = M
                    Mbuf = grown
                Mbuf[:k, :k] += np.multiply.outer(u, u / d2)
                Mbuf[:k, k] = Mbuf[k, :k] = -u / d2
                Mbuf[k, k] = 1.0 / d2
                GA[:, k] = G[:, j_in]
                A.append(j_in)
                active[j_in] = True
                signs[j_in] = s_in
                events.append((float(2 * t), int(j_in), "enter"))
                updates += 1
            just_dropped = -1
        ts.append(t)
        Ws.append(w.copy())
    return np.array(ts), np.array(Ws), events, complete


def interpolate(ts, W, t_req):
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
