"""Early stopping: gradient descent on least squares as a spectral filter.

Gradient descent from ``w_0 = 0`` on the unpenalized cost ``||y - X w||^2`` (no 1/2, no
1/n) with step ``eta`` is

    ``w_{k+1} = w_k + 2 eta X^T (y - X w_k)``.

With the thin SVD ``X = U diag(d) V^T`` every iterate is a filtered least-squares fit,

    ``w_k = sum_j g_j(k) (u_j^T y / d_j) v_j``,   ``g_j(k) = 1 - (1 - 2 eta d_j^2)^k``,

next to ridge's ``w(lam) = sum_j d_j^2 / (d_j^2 + lam) (u_j^T y / d_j) v_j``.  For
``2 eta d_j^2`` small, ``(1 - 2 eta d_j^2)^k ~ exp(-2 eta k d_j^2)``, and both filters pass
a direction once ``d_j^2`` is large compared with ``1 / (2 eta k)``: stopping after ``k``
steps acts like ridge with ``lam = 1 / (2 eta k)`` (:func:`matched_lam`).  Directions with
``d_j = 0`` are never moved (factor 0).
"""

from __future__ import annotations

import numbers
import warnings

import numpy as np

from ._validation import as_matrix, as_vector, as_xy, check_int, check_positive

__all__ = ["gd_filter_factors", "gd_path", "matched_lam", "patience_stop"]


def _as_steps(ks):
    """``ks`` as a 1-D int array of step counts ``>= 0``, and whether it was one number."""
    if isinstance(ks, (numbers.Integral, np.integer)) and not isinstance(ks, (bool, np.bool_)):
        return np.array([check_int(ks, "ks", minimum=0)]), True
    if isinstance(ks, (str, bytes)) or ks is None or isinstance(ks, (bool, np.bool_)):
        raise TypeError(f"ks must be an integer or a 1-D sequence of integers, got {ks!r}")
    raw = np.asarray(ks)
    if raw.dtype.kind == "f" and np.all(np.isfinite(raw)) and np.all(raw == np.round(raw)):
        raw = raw.astype(int)  # 2.0 or [2.0, 5.0]: whole numbers given as floats
    if raw.dtype.kind not in "iu":
        raise TypeError(f"ks must hold integers (step counts), got {ks!r}")
    if raw.ndim == 0:
        return np.array([check_int(int(raw), "ks", minimum=0)]), True
    if raw.ndim != 1 or raw.size == 0:
        raise ValueError(f"ks must be a non-empty 1-D sequence, got shape {raw.shape}")
    if np.any(raw < 0):
        raise ValueError(f"ks must be >= 0, got minimum {int(raw.min())}")
    return raw.astype(int), False


def _singular_values(X):
    """Singular values of ``X``, with those below ``max(n, p) * eps * d_max`` set to 0."""
    d = np.linalg.svd(X, compute_uv=False)
    tol = d.max(initial=0.0) * max(X.shape) * np.finfo(float).eps
    return np.where(d > tol, d, 0.0)


def _warn_if_diverging(eta, d):
    """Warn when ``eta * d_max^2 >= 1``: then ``|1 - 2 eta d_max^2| >= 1`` and GD does not converge."""
    top = eta * d.max(initial=0.0) ** 2
    if top >= 1:
        warnings.warn(f"eta * d_max^2 = {top:.3g} >= 1: gradient descent does not converge "
                      "(the top direction's factor 1 - 2 eta d_max^2 has magnitude >= 1); "
                      "use eta < 1 / d_max^2", RuntimeWarning, stacklevel=3)


def _factors(d, eta, ks):
    """``1 - (1 - 2 eta d^2)^k`` for every k (rows) and d (columns); 0 where d = 0."""
    r = 1.0 - 2.0 * eta * d**2
    with np.errstate(over="ignore", invalid="ignore"):
        g = 1.0 - r[None, :] ** ks[:, None].astype(float)
    return np.where(d[None, :] > 0, g, 0.0)


def gd_filter_factors(X, eta, ks):
    """Filter factors ``1 - (1 - 2 eta d_j^2)^k`` of gradient descent after ``k`` steps.

    Gradient descent from zero on ``||y - X w||^2`` with step ``eta`` gives fitted values
    ``X w_k = sum_j u_j g_j(k) (u_j^T y)`` with ``g_j(k) = 1 - (1 - 2 eta d_j^2)^k``
    (``X = U diag(d) V^T``).  For ``0 < eta < 1 / d_max^2`` every factor lies in
    ``[0, 2)`` and tends to 1; for ``eta < 1 / (2 d_max^2)`` it rises monotonically from 0
    to 1 (above that the large directions overshoot and oscillate).  For
    ``eta >= 1 / d_max^2`` gradient descent does not converge: a ``RuntimeWarning`` says so
    (the factors are still returned, and grow without bound).  Singular values below
    ``max(n, p) * eps * d_max`` count as 0 (factor 0), as in :func:`gd_path`.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
        The design matrix.
    eta : float
        Step size, ``> 0``.
    ks : int or array_like of int, shape (n_ks,)
        Numbers of steps, each ``>= 0``.

    Returns
    -------
    g : ndarray, shape (min(n, p),) or (n_ks, min(n, p))
        One factor per singular value (largest first); one row per ``k`` for an array.

    Raises
    ------
    TypeError
        If ``eta`` is not a real number or ``ks`` does not hold integers.
    ValueError
        If ``X`` is invalid, ``eta <= 0``, or a ``k`` is negative.
    """
    X = as_matrix(X, "X")
    eta = check_positive("eta", eta)
    steps, single = _as_steps(ks)
    d = _singular_values(X)
    _warn_if_diverging(eta, d)
    g = _factors(d, eta, steps)
    return g[0] if single else g


def gd_path(X, y, eta, ks):
    """Gradient-descent iterates ``w_k`` from ``w_0 = 0`` on ``||y - X w||^2``, in closed form.

    The iteration ``w_{k+1} = w_k + 2 eta X^T (y - X w_k)`` is not run: with
    ``X = U diag(d) V^T``,

        ``w_k = V diag(g(k) / d) U^T y``,   ``g_j(k) = 1 - (1 - 2 eta d_j^2)^k``,

    so one SVD gives every ``k`` (directions with ``d_j = 0`` stay at 0).

    Parameters
    ----------
    X : array_like, shape (n, p)
    y : array_like, shape (n,)
    eta : float
        Step size, ``> 0`` (converges for ``eta < 1 / d_max^2``; for larger values a
        ``RuntimeWarning`` says that gradient descent diverges).
    ks : int or array_like of int, shape (n_ks,)
        Numbers of steps, each ``>= 0``.

    Returns
    -------
    W : ndarray, shape (p,) or (n_ks, p)
        ``w_k`` for each ``k`` (one row per ``k`` for an array).

    Raises
    ------
    TypeError, ValueError
        As :func:`gd_filter_factors`, and for invalid or mismatched ``X``/``y``.
    """
    X, y = as_xy(X, y)
    eta = check_positive("eta", eta)
    steps, single = _as_steps(ks)
    U, d, Vt = np.linalg.svd(X, full_matrices=False)
    tol = d.max(initial=0.0) * max(X.shape) * np.finfo(float).eps
    d = np.where(d > tol, d, 0.0)
    if eta * d.max(initial=0.0) ** 2 >= 1:  # |1 - 2 eta d_max^2| >= 1
        warnings.warn(f"eta * d_max^2 = {eta * d.max() ** 2:.3g} >= 1: gradient descent "
                      "diverges; use eta < 1 / d_max^2", RuntimeWarning, stacklevel=2)
    g = _factors(d, eta, steps)
    inv_d = np.where(d > 0, 1.0 / np.where(d > 0, d, 1.0), 0.0)
    W = (g * (inv_d * (U.T @ y))[None, :]) @ Vt
    return W[0] if single else W


def matched_lam(eta, k):
    """The ridge strength that early stopping after ``k`` steps of size ``eta`` resembles.

    ``lam = 1 / (2 eta k)``: for small ``2 eta d^2`` the gradient-descent factor
    ``1 - (1 - 2 eta d^2)^k ~ 1 - exp(-d^2 / lam)`` and ridge's ``d^2 / (d^2 + lam)`` are both
    near 0 for ``d^2 << lam`` and near 1 for ``d^2 >> lam`` (course scaling: cost
    ``||y - X w||^2``, ridge ``||y - X w||^2 + lam ||w||^2``).

    Parameters
    ----------
    eta : float
        Step size, ``> 0``.
    k : int
        Number of steps, ``>= 1``.

    Returns
    -------
    float

    Raises
    ------
    TypeError
        If ``eta`` is not a real number or ``k`` not an integer.
    ValueError
        If ``eta <= 0`` or ``k < 1``.
    """
    eta = check_positive("eta", eta)
    k = check_int(k, "k", minimum=1)
    return 1.0 / (2.0 * eta * k)


def patience_stop(errors, patience):
    """Early stopping with patience: where to stop, and which iterate to keep.

    Scan the validation errors ``errors[0], errors[1], ...`` (one per evaluation) and stop
    at the first evaluation ``i`` that is ``patience`` evaluations past the best so far
    (no strict improvement in ``patience`` evaluations); keep the best one seen until then.
    If that never happens, the scan ends at the last evaluation.

    Parameters
    ----------
    errors : array_like, shape (n_evals,)
        Validation errors in the order they were measured.
    patience : int
        Evaluations without improvement allowed, ``>= 1``.

    Returns
    -------
    best : int
        Index of the smallest error among ``errors[:stop + 1]`` (the first one on ties).
    stop : int
        Index of the evaluation at which training stops.

    Raises
    ------
    TypeError
        If ``patience`` is not an integer or ``errors`` not numeric.
    ValueError
        If ``errors`` is not a finite non-empty 1-D array or ``patience < 1``.
    """
    errors = as_vector(errors, "errors")
    patience = check_int(patience, "patience", minimum=1)
    best = 0
    for i in range(1, errors.size):
        if errors[i] < errors[best]:
            best = i
        elif i - best >= patience:
            return best, i
    return best, errors.size - 1
