"""Checkers for the exercises of chapter 1, *The regularized cost*.

All hand exercises use one tiny problem, :func:`hand_example`, small enough to do with
pencil and paper:

.. math::

    X = \\begin{pmatrix} 1 & 2 \\\\ 0 & 1 \\\\ 1 & 0 \\end{pmatrix}, \\quad
    y = \\begin{pmatrix} 3 \\\\ 1 \\\\ 2 \\end{pmatrix}, \\quad
    w = \\begin{pmatrix} 1 \\\\ 0.5 \\end{pmatrix}, \\quad \\lambda = 2 .

The weight-decay exercises add a step size, :data:`HAND_ETA`; the AdamW exercise uses a
second problem with orthogonal columns, :func:`adamw_example`.

Every reference value is computed (by :mod:`reglib` or a linear solve), never typed in.
"""

from __future__ import annotations

import numpy as np

from ..constraint import ridge_budget
from ..gradient import max_stable_step, weight_decay_gd
from ..penalties import cost as _cost
from ..ridge import ridge
from ._check import CheckResult, _compare, check_function

__all__ = [
    "HAND_ETA",
    "hand_example",
    "adamw_example",
    "check_hand_cost",
    "check_hand_budget",
    "check_stable_step",
    "check_weight_decay_step",
    "check_decay_first_step",
    "check_decay_first_limit",
    "check_adamw_limit",
]

#: The step size of the "decay first, then step" exercise on :func:`hand_example`.
HAND_ETA = 0.1


def hand_example() -> dict:
    """The small problem of the hand exercises.

    Returns
    -------
    dict
        ``X`` (3, 2), ``y`` (3,), ``w`` (2,) as float arrays and ``lam`` (float); a new
        copy on every call.
    """
    return {
        "X": np.array([[1.0, 2.0], [0.0, 1.0], [1.0, 0.0]]),
        "y": np.array([3.0, 1.0, 2.0]),
        "w": np.array([1.0, 0.5]),
        "lam": 2.0,
    }


def adamw_example() -> dict:
    """The problem of the AdamW exercise: orthogonal columns, so the cost separates.

    Returns
    -------
    dict
        ``X = diag(2, 1, 0.5)``, ``y = (0.6, -0.05, 0.04)`` (float arrays) and
        ``lam = 5.0``; a new copy on every call.  The least-squares weights are
        ``y_j / X_jj = (0.3, -0.05, 0.08)`` and AdamW's box is ``|w_j| <= 1 / (2 lam)``.
    """
    return {
        "X": np.diag([2.0, 1.0, 0.5]),
        "y": np.array([0.6, -0.05, 0.04]),
        "lam": 5.0,
    }


def _check_number(answer, expected, name, hints=()):
    """Compare a scalar (or array) answer; ``hints`` are ``(wrong_value, message)`` pairs."""
    problem = _compare(answer, expected, rtol=1e-6, atol=1e-9)
    if problem is None:
        return CheckResult(name, True, [])
    messages = [problem]
    for wrong, hint in hints:
        if _compare(answer, wrong, rtol=1e-6, atol=1e-9) is None:
            messages.append(hint)
    return CheckResult(name, False, messages)


def check_hand_cost(answer) -> CheckResult:
    """Check the regularized cost ``||y - X w||^2 + lam * ||w||^2`` of :func:`hand_example`.

    Parameters
    ----------
    answer : float
        The learner's value of the cost.
    """
    ex = hand_example()
    loss = _cost(ex["X"], ex["y"], ex["w"], penalty=None)
    hints = [
        (loss + ex["lam"], "that is Loss + lam, the seed's formula: the penalty is lam * ||w||^2"),
        (loss, "that is the loss alone: add the penalty lam * ||w||^2"),
        (loss + ex["lam"] * np.sum(np.abs(ex["w"])), "that uses the L1 penalty; this exercise asks for L2"),
        (loss + ex["lam"] * np.linalg.norm(ex["w"]), "the L2 penalty is the squared norm sum_j w_j^2"),
    ]
    expected = _cost(ex["X"], ex["y"], ex["w"], lam=ex["lam"], penalty="l2")
    return _check_number(answer, expected, "regularized cost of the hand example", hints)


def check_hand_budget(answer) -> CheckResult:
    """Check the budget ``t = ||w_ridge(lam)||^2`` of :func:`hand_example` (its X, y, lam).

    Parameters
    ----------
    answer : float
        The learner's budget ``t`` for which the constraint ``||w||^2 <= t`` gives the
        same solution as the penalty ``lam * ||w||^2``.
    """
    ex = hand_example()
    expected = ridge_budget(ex["X"], ex["y"], ex["lam"])
    w_ridge = ridge(ex["X"], ex["y"], ex["lam"])
    hints = [
        (float(np.linalg.norm(w_ridge)), "t bounds the squared norm ||w||^2, not the norm"),
        (ex["lam"], "t is not lam: it is the squared norm of the ridge solution at that lam"),
    ]
    return _check_number(answer, expected, "budget t(lam) of the hand example", hints)


def check_stable_step(answer) -> CheckResult:
    """Check the largest stable step size ``1 / (d_max^2 + lam)`` for :func:`hand_example`.

    Parameters
    ----------
    answer : float
        The learner's bound on ``eta`` (using the example's ``X`` and ``lam``).
    """
    ex = hand_example()
    expected = max_stable_step(ex["X"], ex["lam"])
    top = 1.0 / expected - ex["lam"]
    hints = [
        (1.0 / top, "the penalty also curves the cost: include lam in d_max^2 + lam"),
        (2.0 / (top + ex["lam"]), "this objective has no 1/2: its Hessian is 2 (X^T X + lam I)"),
    ]
    return _check_number(answer, expected, "largest stable step size of the hand example", hints)


def _reference_step(w, X, y, lam, eta):
    return weight_decay_gd(X, y, lam, eta, 1, w0=w)[1]


def check_weight_decay_step(step) -> CheckResult:
    """Check a function ``step(w, X, y, lam, eta)`` returning one weight-decay update.

    The expected update is gradient descent on ``||y - X w||^2 + lam * ||w||^2``:
    ``(1 - 2 eta lam) w + 2 eta X^T (y - X w)``.  It is compared with
    :func:`reglib.gradient.weight_decay_gd` on several random problems (fixed seed),
    including ``lam = 0`` and ``p = 1``.

    Parameters
    ----------
    step : callable
        The learner's function.
    """
    rng = np.random.default_rng(20160905)
    cases = []
    for n, p, lam, eta in [(5, 2, 1.0, 0.01), (8, 3, 0.0, 0.02), (6, 1, 3.0, 0.05), (10, 4, 0.5, 0.001)]:
        cases.append(
            dict(w=rng.normal(size=p), X=rng.normal(size=(n, p)), y=rng.normal(size=n), lam=lam, eta=eta)
        )
    return check_function(step, _reference_step, cases, name="one weight-decay step")


def _decay_first_step(w, X, y, lam, eta):
    v = (1.0 - 2.0 * eta * lam) * np.asarray(w, dtype=float)  # decay first ...
    return v + 2.0 * eta * X.T @ (y - X @ v)  # ... then a loss-gradient step at v


def _step_cases():
    rng = np.random.default_rng(20160906)
    cases = []
    for n, p, lam, eta in [(5, 2, 1.0, 0.01), (8, 3, 0.5, 0.02), (6, 1, 3.0, 0.05), (10, 4, 2.0, 0.03)]:
        cases.append(
            dict(w=rng.normal(size=p), X=rng.normal(size=(n, p)), y=rng.normal(size=n), lam=lam, eta=eta)
        )
    return cases


def check_decay_first_step(step) -> CheckResult:
    """Check ``step(w, X, y, lam, eta)`` for the iteration "decay first, then step".

    The expected update shrinks first, ``v = (1 - 2 eta lam) w``, then takes a gradient
    step on the loss ``||y - X w||^2`` *at the decayed weights*:
    ``v + 2 eta X^T (y - X v)``.  (Gradient descent on the L2 cost, weight decay, takes
    that loss gradient at ``w`` instead; the checker rejects it.)  Compared on several
    random problems (fixed seed), all with ``lam > 0``.

    Parameters
    ----------
    step : callable
        The learner's function.
    """
    return check_function(step, _decay_first_step, _step_cases(), name="one 'decay first, then step' update")


def check_decay_first_limit(answer) -> CheckResult:
    """Check the limit of "decay first, then step" on :func:`hand_example` with :data:`HAND_ETA`.

    Its fixed point solves ``((1 - 2 eta lam) X^T X + lam I) w = X^T y``, not the ridge
    equations ``(X^T X + lam I) w = X^T y``.

    Parameters
    ----------
    answer : array_like, shape (2,)
        The learner's fixed point.
    """
    ex = hand_example()
    X, y, lam, eta = ex["X"], ex["y"], ex["lam"], HAND_ETA
    shrink = 1.0 - 2.0 * eta * lam
    expected = np.linalg.solve(shrink * X.T @ X + lam * np.eye(2), X.T @ y)
    w_ridge = ridge(X, y, lam)
    hints = [
        (w_ridge, "that is the ridge solution, the limit of weight decay (loss gradient at the "
                  "undecayed w); this iteration takes it at the decayed weights"),
        (shrink * w_ridge, "not the ridge solution scaled by 1 - 2 eta lam: write the fixed-point "
                           "equation w = (1 - 2 eta lam) w + 2 eta X^T (y - X (1 - 2 eta lam) w)"),
        (np.linalg.lstsq(X, y, rcond=None)[0], "that is least squares: the decay still acts"),
        (shrink * expected, "that is the decayed point v = (1 - 2 eta lam) w; the question asks for w"),
    ]
    return _check_number(answer, expected, "limit of 'decay first, then step' on the hand example", hints)


def check_adamw_limit(answer) -> CheckResult:
    """Check the predicted limit of full-batch AdamW on :func:`adamw_example`.

    With orthogonal columns the cost separates and the fixed point of full-batch AdamW with
    decay ``w <- (1 - 2 eta lam) w - eta * m_hat / sqrt(v_hat)`` is the least-squares
    solution clipped to the box ``|w_j| <= 1 / (2 lam)``.

    Parameters
    ----------
    answer : array_like, shape (3,)
        The learner's prediction.
    """
    ex = adamw_example()
    X, y, lam = ex["X"], ex["y"], ex["lam"]
    w_ls = np.linalg.lstsq(X, y, rcond=None)[0]
    box = 1.0 / (2.0 * lam)
    expected = np.clip(w_ls, -box, box)
    hints = [
        (np.sign(w_ls) * box, "only a weight whose least-squares value lies outside the box is "
                              "stopped at its edge; the others are not pinned"),
        (ridge(X, y, lam), "that is the ridge solution, the limit of Adam with lam ||w||^2 in the loss"),
        (w_ls, "that is least squares: the decoupled decay does stop large weights"),
        (np.clip(w_ls, -2 * box, 2 * box), "with the decay factor 1 - 2 eta lam the box is "
                                           "|w_j| <= 1 / (2 lam), not 1 / lam"),
    ]
    return _check_number(answer, expected, "limit of full-batch AdamW on the orthogonal example", hints)
