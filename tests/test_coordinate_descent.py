"""Tests for reglib.coordinate_descent: the readable lasso solver, against reglib.lasso,
scikit-learn and the KKT conditions, with bad inputs."""

import numpy as np
import pytest
from sklearn.linear_model import Lasso as SkLasso

import reglib
from reglib.coordinate_descent import coordinate_descent


def problem(seed, n=40, p=6):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, p)) * rng.uniform(0.5, 3.0, p)   # unequal column norms
    X[:, 1] += 0.8 * X[:, 0]                                      # some correlation
    y = X @ np.r_[2.0, -1.0, np.zeros(p - 2)] + rng.standard_normal(n)
    return X, y


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("frac", [0.0, 0.05, 0.3, 0.9, 1.5])
def test_matches_reglib_lasso_and_sklearn(seed, frac):
    X, y = problem(seed)
    lam = frac * 2 * np.max(np.abs(X.T @ y))
    w = coordinate_descent(X, y, lam)
    np.testing.assert_allclose(w, reglib.lasso(X, y, lam), atol=1e-7 * np.abs(w).max(initial=1))
    if lam > 0:
        sk = SkLasso(alpha=lam / (2 * len(y)), fit_intercept=False, tol=1e-14, max_iter=10**6).fit(X, y)
        np.testing.assert_allclose(w, sk.coef_, atol=1e-6 * np.abs(w).max(initial=1))
    assert reglib.lasso_kkt_violation(X, y, w, lam) < 1e-8
    if frac >= 1:
        assert np.all(w == 0)


def test_exact_zeros_and_zero_column():
    X, y = problem(3)
    X[:, 4] = 0.0
    lam = 0.3 * 2 * np.max(np.abs(X.T @ y))
    w = coordinate_descent(X, y, lam)
    assert w[4] == 0.0
    assert np.array_equal(w != 0, reglib.lasso(X, y, lam) != 0)


def test_orthonormal_design_is_soft_thresholding():
    Q, _ = np.linalg.qr(np.random.default_rng(4).standard_normal((30, 5)))
    y = Q @ np.array([3.0, -2.0, 0.5, 0.1, 0.0]) + 0.1 * np.random.default_rng(5).standard_normal(30)
    w = coordinate_descent(Q, y, 1.0)
    np.testing.assert_allclose(w, reglib.soft_threshold(Q.T @ y, 0.5), atol=1e-12)


def test_warns_when_out_of_sweeps():
    X, y = problem(6)
    X[:, 1] = X[:, 0] + 1e-3 * X[:, 1]                               # nearly collinear: slow
    with pytest.warns(RuntimeWarning, match="KKT violation"):
        coordinate_descent(X, y, 1e-3, max_sweeps=1)


@pytest.mark.parametrize("kwargs,err,match", [
    (dict(lam=-1.0), ValueError, "lam"),
    (dict(lam="1"), TypeError, "lam"),
    (dict(lam=1.0, tol=0.0), ValueError, "tol"),
    (dict(lam=1.0, max_sweeps=0), ValueError, "max_sweeps"),
])
def test_bad_arguments(kwargs, err, match):
    X, y = problem(7)
    with pytest.raises(err, match=match):
        coordinate_descent(X, y, **kwargs)


def test_bad_data():
    X, y = problem(8)
    with pytest.raises(ValueError, match="y"):
        coordinate_descent(X, y[:-1], 1.0)
    X[0, 0] = np.nan
    with pytest.raises(ValueError, match="X"):
        coordinate_descent(X, y, 1.0)
