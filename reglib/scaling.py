"""Exact power-of-two rescaling, so that extreme scales neither overflow nor underflow.

The lasso, ridge and the Gaussian posterior are *scale-equivariant*: with
``X = a X'`` and ``y = b y'`` the minimizer for ``X, y`` is ``(b / a)`` times the one for
``X', y'`` at a rescaled ``lam``. Dividing by powers of two is exact in binary floating
point (barring subnormals), so solving the rescaled problem changes no digit of a
well-scaled one and keeps ``X^T X`` finite when ``X`` is ~1e160 or ~1e-170.

The solvers the chapters show (``reglib.ridge``, ``reglib.posterior``) call these helpers
first and last; the mathematics is what lies between the two calls.
"""

from __future__ import annotations

import numpy as np

__all__ = ["pow2_scale", "rescaled", "unscale", "ratio", "divide"]


def pow2_scale(a) -> float:
    """The power of two ``s`` with ``s / 2 <= max |a| < s`` (``1.0`` if ``a`` is all zeros)."""
    m = float(np.max(np.abs(a))) if np.size(a) else 0.0
    if m == 0.0:
        return 1.0
    return float(np.ldexp(1.0, int(np.frexp(m)[1])))


def rescaled(X, y):
    """``(X / ax, y / ay, ax, ay)`` with ``ax``, ``ay`` powers of two (:func:`pow2_scale`)."""
    ax, ay = pow2_scale(X), pow2_scale(y)
    return X / ax, y / ay, ax, ay


def unscale(w, ay, ax, name: str = "the solution"):
    """``w * (ay / ax)`` (``ay`` may be a column of factors), raising ValueError if that is outside float64's range."""
    with np.errstate(over="ignore", under="ignore"):
        ratio = ay / ax
        out = w * ratio
    if not np.all(np.isfinite(out)) or np.any((np.asarray(ratio) == 0.0) & (np.asarray(w) != 0)):
        raise ValueError(
            f"{name} is outside the range of float64 for these X and y "
            f"(max |X| ~ {ax:.1e}, max |y| ~ {ay:.1e}): rescale X or y"
        )
    return out


def ratio(nums, dens=()) -> float:
    """``prod(nums) / prod(dens)`` with no intermediate overflow or underflow.

    Mantissas and exponents are combined separately (``numpy.frexp``/``ldexp``), so only
    a *result* outside float64's range becomes ``inf`` or ``0``.
    """
    m, e = 1.0, 0
    for a in nums:
        ma, ea = np.frexp(float(a))
        m, e = m * ma, e + int(ea)
    for b in dens:
        mb, eb = np.frexp(float(b))
        m, e = m / mb, e - int(eb)
    with np.errstate(over="ignore", under="ignore"):
        return float(np.ldexp(m, e))


def divide(lam, ax: float, ay: float) -> float:
    """``lam / (ax * ay)`` (``inf`` if the result overflows)."""
    return ratio([lam], [ax, ay])
