"""A seeded double-descent experiment: minimum-norm least squares against tuned ridge.

Data: ``P`` features ``x ~ N(0, I_P)``, true weights ``beta`` of norm 1 in a direction drawn
uniformly at random, ``y = x^T beta + noise * eps``, ``eps ~ N(0, 1)``.  A model of size ``p``
sees only the first ``p`` features (the rest of the signal acts as extra noise) and is fitted
on ``n`` training rows by

* the minimum-norm least-squares solution ``X_p^+ y`` (:func:`reglib.min_norm`), which
  interpolates the training data once ``p >= n``, and
* ridge, minimizing ``||y - X_p w||^2 + lam ||w||^2``, for every ``lam`` of a grid.

Because ``x`` is isotropic, the test risk -- the expected squared error on a new point --
is exact without a test set: ``E (y - x^T w)^2 = ||beta - [w; 0]||^2 + noise^2``.  The
minimum-norm risk peaks at ``p = n`` (Belkin et al. 2019; Hastie, Montanari, Rosset &
Tibshirani 2022); ridge with ``lam`` tuned at each ``p`` has no peak there (Nakkiran et al. 2021).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._validation import check_int, check_lams, check_positive, check_rng

__all__ = ["DoubleDescent", "double_descent"]


@dataclass(frozen=True)
class DoubleDescent:
    """Test risks of one :func:`double_descent` run.

    Attributes
    ----------
    n_train : int
        Training rows ``n``.
    ps : ndarray of int, shape (m,)
        Model sizes.
    lams : ndarray, shape (L,)
        Ridge strengths.
    min_norm_risk : ndarray, shape (n_reps, m)
        Test risk of the minimum-norm fit, per repetition and model size.
    ridge_risk : ndarray, shape (n_reps, m, L)
        Test risk of ridge, per repetition, model size and ``lam``.
    null_risk : float
        Test risk of ``w = 0``: ``||beta||^2 + noise^2 = 1 + noise^2``.
    """

    n_train: int
    ps: np.ndarray
    lams: np.ndarray
    min_norm_risk: np.ndarray
    ridge_risk: np.ndarray
    null_risk: float

    @property
    def ratios(self) -> np.ndarray:
        """``p / n`` for every model size."""
        return self.ps / self.n_train

    @property
    def mean_min_norm(self) -> np.ndarray:
        """Minimum-norm test risk averaged over repetitions, shape (m,)."""
        return self.min_norm_risk.mean(axis=0)

    @property
    def mean_ridge(self) -> np.ndarray:
        """Ridge test risk averaged over repetitions, shape (m, L)."""
        return self.ridge_risk.mean(axis=0)

    @property
    def tuned_ridge(self) -> np.ndarray:
        """Averaged ridge risk at the best ``lam`` of the grid for each ``p`` (an oracle)."""
        return self.mean_ridge.min(axis=1)

    @property
    def tuned_lam(self) -> np.ndarray:
        """The ``lam`` of the grid with the smallest averaged risk, for each ``p``."""
        return self.lams[np.argmin(self.mean_ridge, axis=1)]


def double_descent(n_train, ps, lams, rng, *, n_features=None, noise=0.5, n_reps=20):
    """Run the double-descent experiment: test risk of min-norm and ridge fits against ``p``.

    For each repetition: draw ``X`` (``n_train`` x ``P``), a unit-norm ``beta`` in a uniformly
    random direction and ``y = X beta + noise * eps``; then for each ``p`` fit the first
    ``p`` columns by minimum-norm least squares and by ridge (objective
    ``||y - X_p w||^2 + lam ||w||^2``) for every ``lam``, and record the exact test risk
    ``||beta - [w; 0]||^2 + noise^2``.  The same ``rng`` gives the same result.

    Parameters
    ----------
    n_train : int
        Training rows ``n >= 2``.
    ps : array_like of int, shape (m,)
        Model sizes, each in ``[1, P]``.
    lams : array_like, shape (L,)
        Ridge strengths, each ``> 0``.
    rng : numpy.random.Generator
    n_features : int, optional
        Total number of features ``P`` (default ``max(ps)``).
    noise : float, default 0.5
        Noise standard deviation, ``> 0``.
    n_reps : int, default 20
        Independent repetitions (training sets), ``>= 1``.

    Returns
    -------
    DoubleDescent

    Raises
    ------
    TypeError, ValueError
        On a non-integer or too small ``n_train``/``n_reps``, model sizes outside
        ``[1, P]``, a ``lam <= 0``, ``noise <= 0`` or an ``rng`` that is not a Generator.
    """
    n = check_int(n_train, "n_train", minimum=2)
    raw = np.asarray(ps)
    if raw.dtype.kind not in "iu" or raw.ndim != 1 or raw.size == 0:
        raise TypeError(f"ps must be a non-empty 1-D sequence of integers, got {ps!r}")
    ps = raw.astype(int)
    lams = check_lams(lams)
    if np.any(lams <= 0):
        raise ValueError("lams must be > 0 (lam -> 0+ is the minimum-norm fit, computed anyway)")
    rng = check_rng(rng)
    P = int(ps.max()) if n_features is None else check_int(n_features, "n_features", minimum=1)
    if ps.min() < 1 or ps.max() > P:
        raise ValueError(f"ps must lie in [1, n_features = {P}], got {ps.min()}..{ps.max()}")
    noise = check_positive("noise", noise)
    n_reps = check_int(n_reps, "n_reps", minimum=1)

    mn = np.empty((n_reps, ps.size))
    rr = np.empty((n_reps, ps.size, lams.size))
    for r in range(n_reps):
        X = rng.standard_normal((n, P))
        beta = rng.standard_normal(P)
        beta /= np.linalg.norm(beta)
        y = X @ beta + noise * rng.standard_normal(n)
        for i, p in enumerate(ps):
            U, d, Vt = np.linalg.svd(X[:, :p], full_matrices=False)
            Uty = U.T @ y
            rest = float(beta[p:] @ beta[p:]) + noise**2
            keep = d > d[0] * max(n, p) * np.finfo(float).eps
            w = Vt[keep].T @ (Uty[keep] / d[keep])
            mn[r, i] = np.sum((beta[:p] - w) ** 2) + rest
            W = (d / (d**2 + lams[:, None]) * Uty) @ Vt  # (L, p)
            rr[r, i] = np.sum((beta[:p] - W) ** 2, axis=1) + rest
    return DoubleDescent(n, ps, lams, mn, rr, 1.0 + noise**2)
