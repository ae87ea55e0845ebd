"""Weight decay: gradient descent on the L2-penalized least-squares cost.

The cost is the book's ridge objective, with no 1/2 and no 1/n,

.. math:: J(w) = \\lVert y - X w \\rVert^2 + \\lambda \\lVert w \\rVert^2,
          \\qquad \\nabla J(w) = -2 X^\\top (y - X w) + 2 \\lambda w,

so one gradient step with step size ``eta`` is

.. math:: w \\leftarrow w - \\eta \\nabla J(w)
          = (1 - 2 \\eta \\lambda)\\, w + 2 \\eta X^\\top (y - X w):

the current weights scaled ("decayed") by the factor ``1 - 2 eta lam``, plus a plain
gradient step on the loss taken at the same, undecayed ``w``: one step on ``J``, not "decay
first, then step" (which would take the loss gradient at the decayed weights and has a
different limit).  For ``eta * lam > 1/2`` the factor is negative.  Writing ``d_1 >= d_2 >= ...`` for the singular values of ``X``, the
error ``w_k - w_ridge`` is multiplied at each step by ``I - 2 eta (X^T X + lam I)``, whose
eigenvalues are ``1 - 2 eta (d_j^2 + lam)``.  The iteration therefore converges to the
ridge solution for every start exactly when

.. math:: 0 < \\eta < \\frac{1}{d_1^2 + \\lambda}

(with ``lam = 0`` and a rank-deficient ``X`` the component of ``w0`` in the null space of
``X`` is never changed).  :func:`max_stable_step` returns that bound.
"""

from __future__ import annotations

import numpy as np

from ._validation import as_matrix, as_xy, check_coef, check_int, check_lam, check_positive

__all__ = ["weight_decay_gd", "max_stable_step"]


def weight_decay_gd(X, y, lam, eta, n_steps, w0=None):
    """Run gradient descent (weight decay) on ``||y - X w||^2 + lam * ||w||^2``.

    Each step is

    .. math:: w_{k+1} = (1 - 2 \\eta \\lambda)\\, w_k + 2 \\eta X^\\top (y - X w_k),

    which is exactly ``w_k - eta * grad J(w_k)`` for the cost above.  The iterates converge
    to the ridge solution ``(X^T X + lam I)^{-1} X^T y`` if and only if
    ``0 < eta < 1 / (d_max^2 + lam)``, where ``d_max`` is the largest singular value of
    ``X`` (see :func:`max_stable_step`).  A larger ``eta`` is accepted, and the returned
    trajectory then shows the divergence (its entries grow geometrically and may overflow
    to ``inf``).

    Parameters
    ----------
    X : array_like, shape (n, p)
        Design matrix (finite values).
    y : array_like, shape (n,)
        Targets (finite values).
    lam : float
        Penalty strength, ``lam >= 0``.
    eta : float
        Step size (learning rate), ``eta > 0``.
    n_steps : int
        Number of gradient steps, ``n_steps >= 0``.
    w0 : array_like, shape (p,), optional
        Starting weights; zeros by default.

    Returns
    -------
    W : ndarray, shape (n_steps + 1, p)
        The trajectory: ``W[0] = w0`` and ``W[k]`` is the weight vector after ``k`` steps.

    Raises
    ------
    TypeError
        If ``lam`` or ``eta`` is not a real number, ``n_steps`` is not an integer, or an
        array holds something other than real numbers.
    ValueError
        If ``X`` is not 2-D or ``y`` not 1-D, their lengths differ, either is empty or has
        NaN/inf; if ``lam < 0``, ``eta <= 0`` (or not finite), ``n_steps < 0``; if ``w0``
        does not have length ``p`` or is not finite.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[1.0, 0.0], [0.0, 2.0]]); y = np.array([1.0, 2.0])
    >>> W = weight_decay_gd(X, y, lam=1.0, eta=0.1, n_steps=200)
    >>> np.allclose(W[-1], np.linalg.solve(X.T @ X + np.eye(2), X.T @ y))
    True
    """
    X, y = as_xy(X, y)
    lam = check_lam(lam)
    eta = check_positive("eta", eta)
    n_steps = check_int(n_steps, "n_steps", minimum=0)
    p = X.shape[1]
    w = np.zeros(p) if w0 is None else check_coef(w0, p, "w0")

    W = np.empty((n_steps + 1, p))
    W[0] = w
    Xty = X.T @ y
    decay = 1.0 - 2.0 * eta * lam
    with np.errstate(over="ignore", invalid="ignore"):  # divergence is reported as inf/nan
        for k in range(n_steps):
            w = decay * w + 2.0 * eta * (Xty - X.T @ (X @ w))
            W[k + 1] = w
    return W


def max_stable_step(X, lam):
    """The largest step size for which weight decay converges: ``1 / (d_max^2 + lam)``.

    Gradient descent on ``||y - X w||^2 + lam * ||w||^2`` (see :func:`weight_decay_gd`)
    converges from every start if and only if ``0 < eta < max_stable_step(X, lam)``;
    ``d_max`` is the largest singular value of ``X`` (so ``d_max^2`` is the largest
    eigenvalue of ``X^T X``).  At ``eta = max_stable_step(X, lam) / 2`` every error component
    ``w_k - w_ridge`` shrinks at each step by at least the factor
    ``1 - (mu_min + lam) / (d_max^2 + lam)``, where ``mu_min`` is the smallest eigenvalue of
    ``X^T X``.

    Parameters
    ----------
    X : array_like, shape (n, p)
        Design matrix (finite values, not empty).
    lam : float
        Penalty strength, ``lam >= 0``.

    Returns
    -------
    float
        The bound ``1 / (d_max^2 + lam)``; ``inf`` when ``X`` is all zeros and ``lam = 0``.

    Raises
    ------
    TypeError
        If ``lam`` is not a real number.
    ValueError
        If ``X`` is not a non-empty finite 2-D array or ``lam < 0``.
    """
    X = as_matrix(X)
    lam = check_lam(lam)
    top = np.linalg.norm(X, 2) ** 2 + lam
    return float(np.inf) if top == 0 else float(1.0 / top)

