"""Tests for reglib.geometry: the exact 2-feature constrained problems behind the
constraint picture (diamond vs disc), against closed forms, scikit-learn and brute force."""

import numpy as np
import pytest
from sklearn.linear_model import Lasso as SkLasso

from reglib.geometry import (constrained_minimizer, corner_cones, ends_at_corner, loss_grid,
                             norm_ball, two_feature_problem)


def random_problem(seed, n=20):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, 2)) @ np.array([[1.0, 0.6], [0.0, 0.8]]) * rng.uniform(0.5, 2.0, 2)
    y = X @ np.array([2.0, -1.0]) + 0.3 * rng.standard_normal(n)
    return X, y


def loss(X, y, w):
    return float(np.sum((y - X @ w) ** 2))


@pytest.mark.parametrize("rho", [-0.9, 0.0, 0.5])
def test_two_feature_problem_gram_and_ols(rho):
    w_ols = np.array([1.5, -0.4])
    X, y = two_feature_problem(w_ols, rho)
    np.testing.assert_allclose(X.T @ X, [[1.0, rho], [rho, 1.0]], atol=1e-14)
    np.testing.assert_allclose(np.linalg.solve(X.T @ X, X.T @ y), w_ols, atol=1e-12)
    w = np.array([0.3, 0.2])
    d = w - w_ols
    assert loss(X, y, w) == pytest.approx(d @ (X.T @ X) @ d, rel=1e-12)


def test_loss_grid_matches_direct_evaluation():
    X, y = random_problem(0)
    w1 = np.linspace(-1, 3, 7)
    w2 = np.linspace(-2, 1, 5)
    Z = loss_grid(X, y, w1, w2)
    assert Z.shape == (5, 7)
    for i, b in enumerate(w2):
        for k, a in enumerate(w1):
            assert Z[i, k] == pytest.approx(loss(X, y, np.array([a, b])), rel=1e-12)


@pytest.mark.parametrize("norm,order", [("l1", 1), ("l2", 2)])
def test_norm_ball_points_lie_on_the_sphere(norm, order):
    pts = norm_ball(1.7, norm, num=101)
    assert pts.shape == (101, 2)
    np.testing.assert_allclose(np.linalg.norm(pts, ord=order, axis=1), 1.7, rtol=1e-12)
    np.testing.assert_allclose(pts[0], pts[-1], atol=1e-12)


def brute_force_boundary(X, y, t, norm, num=400001):
    pts = norm_ball(t, norm, num=num)
    losses = np.sum((y[:, None] - X @ pts.T) ** 2, axis=0)
    return pts[np.argmin(losses)], losses.min()


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("norm", ["l1", "l2"])
@pytest.mark.parametrize("t", [0.3, 1.0, 2.0])
def test_constrained_minimizer_beats_every_boundary_point(seed, norm, t):
    X, y = random_problem(seed)
    w, lam = constrained_minimizer(X, y, t, norm)
    order = 1 if norm == "l1" else 2
    assert np.linalg.norm(w, ord=order) == pytest.approx(t, rel=1e-9)  # the budget binds here
    assert lam > 0
    w_bf, loss_bf = brute_force_boundary(X, y, t, norm)
    assert loss(X, y, w) <= loss_bf + 1e-9
    np.testing.assert_allclose(w, w_bf, atol=1e-3)


@pytest.mark.parametrize("seed", [0, 3])
@pytest.mark.parametrize("t", [0.3, 1.0, 2.0])
def test_l1_lam_reproduces_the_lasso_solution(seed, t):
    """The returned lam is the penalty with the same minimizer (scikit-learn's alpha = lam/(2n))."""
    X, y = random_problem(seed)
    w, lam = constrained_minimizer(X, y, t, "l1")
    n = len(y)
    sk = SkLasso(alpha=lam / (2 * n), fit_intercept=False, tol=1e-14, max_iter=100000).fit(X, y)
    np.testing.assert_allclose(sk.coef_, w, atol=1e-7)
    # KKT: |X_j^T r| = lam/2 on the support, <= lam/2 off it
    g = X.T @ (y - X @ w)
    on = w != 0
    np.testing.assert_allclose(g[on], lam / 2 * np.sign(w[on]), rtol=1e-9)
    assert np.all(np.abs(g[~on]) <= lam / 2 + 1e-9)


@pytest.mark.parametrize("t", [0.2, 1.0, 2.0])
def test_l2_lam_reproduces_the_ridge_solution(t):
    X, y = random_problem(5)
    w, lam = constrained_minimizer(X, y, t, "l2")
    np.testing.assert_allclose(w, np.linalg.solve(X.T @ X + lam * np.eye(2), X.T @ y), rtol=1e-9)


def test_corner_solution_has_an_exact_zero():
    # OLS point far along the first axis, features uncorrelated: the diamond is hit at (t, 0)
    X, y = two_feature_problem([3.0, 0.2], 0.0)
    w, lam = constrained_minimizer(X, y, 1.0, "l1")
    assert w[1] == 0.0 and w[0] == 1.0
    assert lam == pytest.approx(2 * (3.0 - 1.0))
    w2, _ = constrained_minimizer(X, y, 1.0, "l2")
    assert np.all(w2 != 0)


@pytest.mark.parametrize("norm", ["l1", "l2"])
def test_slack_budget_returns_least_squares(norm):
    X, y = two_feature_problem([0.5, -0.25], 0.3)
    w, lam = constrained_minimizer(X, y, 10.0, norm)
    np.testing.assert_allclose(w, [0.5, -0.25], atol=1e-12)
    assert lam == 0.0


def test_bad_inputs():
    X, y = random_problem(0)
    with pytest.raises(ValueError, match="exactly 2 columns"):
        constrained_minimizer(np.hstack([X, X[:, :1]]), y, 1.0)
    with pytest.raises(ValueError, match="linearly independent"):
        constrained_minimizer(np.column_stack([X[:, 0], 2 * X[:, 0]]), y, 1.0)
    with pytest.raises(ValueError, match="same number of samples"):
        constrained_minimizer(X, y[:-1], 1.0)
    Xn = X.copy()
    Xn[0, 0] = np.nan
    with pytest.raises(ValueError, match="finite"):
        constrained_minimizer(Xn, y, 1.0)
    with pytest.raises(ValueError, match="t must be a positive"):
        constrained_minimizer(X, y, 0.0)
    with pytest.raises(TypeError, match="t must be"):
        constrained_minimizer(X, y, "1")
    with pytest.raises(ValueError, match="norm must be one of"):
        constrained_minimizer(X, y, 1.0, "l3")
    with pytest.raises(ValueError, match="rho must be a correlation"):
        two_feature_problem([1.0, 1.0], 1.0)
    with pytest.raises(TypeError, match="rho must be a real number"):
        two_feature_problem([1.0, 1.0], True)
    with pytest.raises(ValueError, match="exactly 2 entries"):
        two_feature_problem([1.0, 1.0, 1.0], 0.0)
    with pytest.raises(ValueError, match="w1 must be a 1-D"):
        loss_grid(X, y, np.zeros((2, 2)), np.zeros(3))
    with pytest.raises(ValueError, match="num must be an integer >= 5"):
        norm_ball(1.0, "l1", num=3)


@pytest.mark.parametrize("norms", [(1.0, 1.0), (1.0, 0.5), (2.0, 0.7)])
@pytest.mark.parametrize("rho", [-0.7, 0.0, 0.6])
def test_two_feature_problem_with_norms(norms, rho):
    X, y = two_feature_problem([0.8, -1.1], rho, norms)
    a, b = norms
    np.testing.assert_allclose(X.T @ X, [[a * a, rho * a * b], [rho * a * b, b * b]], atol=1e-13)
    np.testing.assert_allclose(np.linalg.solve(X.T @ X, X.T @ y), [0.8, -1.1], atol=1e-12)


@pytest.mark.parametrize("norms", [(1.0, 1.0), (1.0, 0.5), (2.0, 0.7)])
@pytest.mark.parametrize("rho", [-0.7, 0.0, 0.6])
@pytest.mark.parametrize("t", [0.5, 1.5])
def test_ends_at_corner_matches_the_exact_solver(norms, rho, t):
    X, _ = two_feature_problem([0.0, 0.0], rho, norms)
    B = np.random.default_rng(11).uniform(-3, 3, (300, 2))
    expected = []
    for b in B:
        w, _lam = constrained_minimizer(X, X @ b, t, "l1")
        expected.append(bool(np.any(w == 0)) and np.abs(b).sum() > t)
    got = ends_at_corner(X, B, t)
    assert got.shape == (300,)
    np.testing.assert_array_equal(got, expected)
    assert 0 < got.mean() < 1
    assert ends_at_corner(X, B[0], t) == expected[0]


def test_corner_cones_contain_exactly_the_corner_points():
    X, _ = two_feature_problem([0.0, 0.0], 0.5, (1.0, 0.5))
    cones = corner_cones(X, 1.0)
    assert cones.shape == (4, 3, 2)
    rng = np.random.default_rng(12)
    for apex, d1, d2 in cones:
        inside = apex + rng.uniform(0, 2, (50, 1)) * d1 + rng.uniform(0, 2, (50, 1)) * d2
        assert np.all(ends_at_corner(X, inside, 1.0))
        for b in inside[:5]:
            w, _lam = constrained_minimizer(X, X @ b, 1.0, "l1")
            np.testing.assert_allclose(w, apex, atol=1e-12)
    # with equal norms the cone at (t, 0) is b_1 - t >= |b_2| whatever rho
    for rho in (-0.6, 0.0, 0.6):
        Xe, _ = two_feature_problem([0.0, 0.0], rho)
        apex, d1, d2 = corner_cones(Xe, 1.0)[0]
        for d in (d1, d2):
            assert abs(abs(d[1]) - d[0]) < 1e-12 * abs(d[0])


def test_corner_and_norm_bad_inputs():
    X, _ = two_feature_problem([0.0, 0.0], 0.5)
    with pytest.raises(ValueError, match="norms"):
        two_feature_problem([1.0, 1.0], 0.5, (1.0, 0.0))
    with pytest.raises(ValueError, match="norms"):
        two_feature_problem([1.0, 1.0], 0.5, (1.0, 2.0, 3.0))
    with pytest.raises(ValueError, match="t"):
        corner_cones(X, 0.0)
    with pytest.raises(ValueError, match="w_ols"):
        ends_at_corner(X, np.zeros((3, 3)), 1.0)
    with pytest.raises(ValueError, match="2 columns"):
        corner_cones(np.ones((3, 3)), 1.0)
