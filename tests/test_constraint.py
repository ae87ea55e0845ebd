"""Tests for reglib.constraint (penalty form vs constraint form of ridge)."""

import warnings

import numpy as np
import pytest
from scipy.optimize import minimize

from reglib.constraint import constrained_least_squares, lam_for_budget, ridge_budget


@pytest.fixture
def data():
    rng = np.random.default_rng(3)
    X = rng.normal(size=(40, 3))
    y = X @ np.array([2.0, -1.0, 0.5]) + 0.5 * rng.normal(size=40)
    return X, y


def ridge_closed_form(X, y, lam):
    return np.linalg.solve(X.T @ X + lam * np.eye(X.shape[1]), X.T @ y)


def slsqp_constrained(X, y, t):
    res = minimize(
        lambda w: np.sum((y - X @ w) ** 2),
        np.zeros(X.shape[1]),
        jac=lambda w: -2 * X.T @ (y - X @ w),
        constraints=[{"type": "ineq", "fun": lambda w: t - w @ w, "jac": lambda w: -2 * w}],
        method="SLSQP",
        options=dict(ftol=1e-15, maxiter=1000),
    )
    return res.x


@pytest.mark.parametrize("lam", [0.0, 1.0, 30.0, 1000.0])
def test_budget_is_the_squared_norm_of_the_ridge_solution(data, lam):
    X, y = data
    w = ridge_closed_form(X, y, lam)
    assert np.isclose(ridge_budget(X, y, lam), w @ w, rtol=1e-12)


def test_budget_decreases_with_lam(data):
    X, y = data
    t = [ridge_budget(X, y, lam) for lam in np.geomspace(1e-3, 1e4, 30)]
    assert np.all(np.diff(t) < 0)


@pytest.mark.parametrize("lam", [0.5, 20.0, 400.0])
def test_lam_for_budget_inverts_ridge_budget(data, lam):
    X, y = data
    assert np.isclose(lam_for_budget(X, y, ridge_budget(X, y, lam)), lam, rtol=1e-9)


def test_inactive_budget_gives_lam_zero(data):
    X, y = data
    t_ols = ridge_budget(X, y, 0.0)
    assert lam_for_budget(X, y, t_ols) == 0.0
    assert lam_for_budget(X, y, 2 * t_ols) == 0.0


@pytest.mark.parametrize("lam", [1.0, 30.0, 1000.0])
def test_ridge_solution_solves_the_constrained_problem(data, lam):
    X, y = data
    t = ridge_budget(X, y, lam)
    w_pen = ridge_closed_form(X, y, lam)
    w_con = constrained_least_squares(X, y, t)
    assert np.allclose(w_con, w_pen, atol=1e-8)
    assert np.allclose(slsqp_constrained(X, y, t), w_pen, atol=1e-5)  # independent solver


def test_inactive_constraint_gives_least_squares(data):
    X, y = data
    w_ols = np.linalg.lstsq(X, y, rcond=None)[0]
    w_con = constrained_least_squares(X, y, 2 * (w_ols @ w_ols))
    assert np.allclose(w_con, w_ols, atol=1e-8)


def test_constrained_solution_is_feasible_and_beats_random_feasible_points(data):
    X, y = data
    t = 0.5
    w = constrained_least_squares(X, y, t)
    assert w @ w <= t * (1 + 1e-9)
    loss = np.sum((y - X @ w) ** 2)
    rng = np.random.default_rng(0)
    for _ in range(200):
        v = rng.normal(size=3)
        v *= np.sqrt(t) * rng.uniform() ** (1 / 3) / np.linalg.norm(v)
        assert np.sum((y - X @ v) ** 2) >= loss - 1e-9


def test_zero_budget_gives_zero_and_zero_design_keeps_start():
    X = np.ones((4, 2))
    assert np.allclose(constrained_least_squares(X, np.arange(4.0), 0.0), 0.0)
    w = constrained_least_squares(np.zeros((3, 2)), np.ones(3), 1.0, w0=[3.0, 4.0])
    assert np.allclose(w, [0.6, 0.8])  # projected onto the unit ball


def test_rank_deficient_design_budget_uses_min_norm_solution():
    X = np.array([[1.0, 1.0], [2.0, 2.0], [3.0, 3.0]])
    y = np.array([1.0, 2.0, 3.1])
    w_min = np.linalg.pinv(X) @ y
    assert np.isclose(ridge_budget(X, y, 0.0), w_min @ w_min)
    lam = 0.3
    t = ridge_budget(X, y, lam)
    assert np.isclose(lam_for_budget(X, y, t), lam, rtol=1e-9)


def test_non_convergence_warns(data):
    X, y = data
    with pytest.warns(RuntimeWarning, match="did not converge"):
        constrained_least_squares(X, y, 0.1, max_iter=2)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        constrained_least_squares(X, y, 0.1)


@pytest.mark.parametrize(
    "fn, kwargs, exc, match",
    [
        (ridge_budget, dict(lam=-1.0), ValueError, "lam"),
        (ridge_budget, dict(lam="a"), TypeError, "lam"),
        (lam_for_budget, dict(t=0.0), ValueError, "t must be a positive"),
        (lam_for_budget, dict(t=-2.0), ValueError, "t must be a positive"),
        (lam_for_budget, dict(t=np.nan), ValueError, "t"),
        (constrained_least_squares, dict(t=-1.0), ValueError, "t must be"),
        (constrained_least_squares, dict(t=1.0, tol=0.0), ValueError, "tol"),
        (constrained_least_squares, dict(t=1.0, max_iter=0), ValueError, "max_iter"),
        (constrained_least_squares, dict(t=1.0, max_iter=1.5), TypeError, "max_iter"),
        (constrained_least_squares, dict(t=1.0, w0=[1.0]), ValueError, "w0"),
        (constrained_least_squares, dict(t=1.0, y=np.ones(3)), ValueError, "same number"),
    ],
)
def test_bad_input_is_rejected(data, fn, kwargs, exc, match):
    X, y = data
    args = dict(X=X, y=y)
    args.update(kwargs)
    with pytest.raises(exc, match=match):
        fn(**args)
