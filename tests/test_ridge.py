"""Tests of reglib.ridge: ridge and ridge_path against trusted references."""

import warnings

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sklearn.linear_model import Ridge as SkRidge

import reglib


def normal_equations(X, y, lam):
    """Reference: solve (X^T X + lam I) w = X^T y directly."""
    return np.linalg.solve(X.T @ X + lam * np.eye(X.shape[1]), X.T @ y)


@pytest.mark.parametrize("lam", [1e-3, 0.5, 1.0, 37.0, 1e4])
def test_ridge_matches_normal_equations(problem, lam):
    X, y = problem
    assert np.allclose(reglib.ridge(X, y, lam), normal_equations(X, y, lam), rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("lam", [0.1, 3.0, 250.0])
def test_ridge_matches_sklearn(diabetes, lam):
    X, y = diabetes
    ref = SkRidge(alpha=lam, fit_intercept=False).fit(X, y).coef_
    assert np.allclose(reglib.ridge(X, y, lam), ref, rtol=1e-8, atol=1e-8)


def test_ridge_is_stationary(problem):
    """Gradient of ||y - Xw||^2 + lam ||w||^2 vanishes: -2 X^T (y - Xw) + 2 lam w = 0."""
    X, y = problem
    w = reglib.ridge(X, y, 2.0)
    grad = -2 * X.T @ (y - X @ w) + 2 * 2.0 * w
    assert np.max(np.abs(grad)) < 1e-10 * np.max(np.abs(X.T @ y))


def test_ridge_lam_zero_is_least_squares(problem, rng):
    X, y = problem
    assert np.allclose(reglib.ridge(X, y, 0.0), np.linalg.lstsq(X, y, rcond=None)[0])
    # n < p: the minimum-norm interpolant, the limit lam -> 0+
    Xw = rng.standard_normal((4, 9))
    yw = rng.standard_normal(4)
    w0 = reglib.ridge(Xw, yw, 0.0)
    assert np.allclose(Xw @ w0, yw)
    assert np.allclose(w0, np.linalg.pinv(Xw) @ yw)
    assert np.allclose(w0, reglib.ridge(Xw, yw, 1e-9), atol=1e-6)


def test_ridge_orthonormal_design_is_ols_over_one_plus_lam(rng):
    Q, _ = np.linalg.qr(rng.standard_normal((30, 5)))  # Q^T Q = I
    y = rng.standard_normal(30)
    ols = Q.T @ y
    for lam in [0.0, 0.5, 3.0]:
        assert np.allclose(reglib.ridge(Q, y, lam), ols / (1 + lam))
        assert np.allclose(reglib.ridge_path(Q, y, [lam])[0], ols / (1 + lam))


def test_ridge_shrinks_monotonically(problem):
    X, y = problem
    lams = np.geomspace(1e-2, 1e4, 30)
    norms = np.linalg.norm(reglib.ridge_path(X, y, lams), axis=1)
    assert np.all(np.diff(norms) < 0)


def test_ridge_path_matches_pointwise_in_any_order(diabetes):
    X, y = diabetes
    lams = np.array([10.0, 0.0, 1e-3, 500.0, 10.0, 3.0])  # unsorted, a duplicate, a zero
    path = reglib.ridge_path(X, y, lams)
    assert path.shape == (len(lams), X.shape[1])
    for row, lam in zip(path, lams):
        assert np.allclose(row, reglib.ridge(X, y, lam), rtol=1e-9, atol=1e-9)


def test_ridge_path_accepts_lists_and_single_value(problem):
    X, y = problem
    assert reglib.ridge_path(X.tolist(), list(y), [1.0]).shape == (1, X.shape[1])


@st.composite
def designs(draw):
    """Random (X, y): n < p, p = 1, and near-collinear columns all occur."""
    n = draw(st.integers(1, 12))
    p = draw(st.integers(1, 12))
    seed = draw(st.integers(0, 2**32 - 1))
    collinear = draw(st.booleans())
    g = np.random.default_rng(seed)
    X = g.standard_normal((n, p))
    if collinear and p > 1:
        X[:, 1] = X[:, 0] + 1e-6 * g.standard_normal(n)
    y = g.standard_normal(n)
    return X, y


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=designs(), lam=st.floats(1e-3, 1e3))
def test_ridge_property_normal_equations_and_path(data, lam):
    X, y = data
    w = reglib.ridge(X, y, lam)
    assert w.shape == (X.shape[1],)
    # (X^T X + lam I) w = X^T y, relative to the size of the terms
    lhs = X.T @ (X @ w) + lam * w
    scale = np.linalg.norm(X, 2) ** 2 * np.linalg.norm(w) + lam * np.linalg.norm(w) + np.linalg.norm(X.T @ y)
    assert np.linalg.norm(lhs - X.T @ y) <= 1e-9 * scale
    # the one-SVD path gives the same minimizer
    path = reglib.ridge_path(X, y, [lam, 2 * lam])
    assert np.allclose(path[0], w, rtol=1e-7, atol=1e-9 * (1 + np.linalg.norm(w)))
    # and the cost at w is no larger than at nearby points
    c = reglib.cost(X, y, w, lam)
    for e in np.eye(X.shape[1])[:3]:
        assert c <= reglib.cost(X, y, w + 1e-3 * e, lam) + 1e-12 * (1 + c)


@pytest.mark.parametrize("fn", [reglib.ridge, reglib.ridge_path])
@pytest.mark.parametrize(
    "X, y, lam, exc, msg",
    [
        (np.ones(5), np.ones(5), 1.0, ValueError, r"X must be a 2-D array"),
        (np.ones((5, 2)), np.ones((5, 1)), 1.0, ValueError, r"y must be a 1-D array"),
        (np.ones((5, 2)), np.ones(4), 1.0, ValueError, r"X and y must have the same number of samples"),
        (np.full((5, 2), np.nan), np.ones(5), 1.0, ValueError, r"X must contain only finite"),
        (np.ones((5, 2)), np.r_[np.ones(4), np.inf], 1.0, ValueError, r"y must contain only finite"),
        (np.ones((0, 2)), np.ones(0), 1.0, ValueError, r"X must have at least one row"),
        (np.ones((5, 2)), np.ones(5), -1.0, ValueError, r"lams? must be (a )?non-negative"),
        (np.ones((5, 2)), np.ones(5), np.nan, ValueError, r"lams?"),
        (np.ones((5, 2)), np.ones(5), "1", TypeError, r"lams? must be"),
    ],
)
def test_ridge_rejects(fn, X, y, lam, exc, msg):
    if fn is reglib.ridge_path:
        lam = [lam]
    with pytest.raises(exc, match=msg):
        fn(X, y, lam)


def test_ridge_rejects_bool_lam_and_scalar_lams(problem):
    X, y = problem
    with pytest.raises(TypeError, match=r"lam must be .*bool"):
        reglib.ridge(X, y, True)
    with pytest.raises(ValueError, match=r"lams must be a 1-D sequence"):
        reglib.ridge_path(X, y, 1.0)


# ------------------------------------------------------------------ issue 20: extreme scales
@pytest.mark.parametrize("scale", [1e160, 1e-170])
def test_ridge_extreme_scales(problem, scale):
    X, y = problem
    lam = 3.0
    # X -> s X, lam -> s^2 lam gives w / s; lam kept fixed gives the solution at lam / s^2
    for fn in (lambda *a: reglib.ridge(*a), lambda X, y, lam: reglib.ridge_path(X, y, [lam])[0]):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            got = fn(scale * X, y, lam)
        if scale > 1:
            ref = reglib.ridge(X, y, lam / scale / scale) / scale
        else:  # lam / scale^2 overflows; w = (s X^T y / lam) (1 + O(s^2 / lam)), s^2 = 1e-340
            ref = (X.T @ y) * scale / lam
        assert np.allclose(got, ref, rtol=1e-9, atol=0)
        assert np.all(got != 0)


@pytest.mark.parametrize("ratio", [1e10, 1e20, 1e32, 1e300])
def test_ridge_huge_lam_is_accurate(problem, ratio):
    X, y = problem
    lam = ratio * np.linalg.norm(X, 2) ** 2
    ref = np.linalg.solve(np.eye(X.shape[1]) + X.T @ X / lam, X.T @ y / lam)
    assert np.allclose(reglib.ridge(X, y, lam), ref, rtol=1e-12, atol=0)
    assert np.allclose(reglib.ridge_path(X, y, [lam])[0], ref, rtol=1e-12, atol=0)


def test_ridge_path_rejects_bool_lams(problem):
    X, y = problem
    with pytest.raises(TypeError, match="lams must hold real numbers, not bools"):
        reglib.ridge_path(X, y, [True, False])
