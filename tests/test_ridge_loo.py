"""Tests for reglib.ridge_loo: closed-form leave-one-out and GCV for ridge."""

import numpy as np
import pytest
from sklearn.linear_model import RidgeCV

import reglib
from reglib.ridge_loo import ridge_gcv, ridge_loo

LAMS = np.geomspace(1e-2, 1e3, 6)


def _data(seed=0, n=30, p=5):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, p)) * rng.uniform(0.5, 3.0, size=p) + 2.0
    return X, X @ rng.normal(size=p) + 5.0 + rng.normal(size=n)


@pytest.mark.parametrize("fit_intercept", [True, False])
def test_loo_equals_brute_force(fit_intercept):
    X, y = _data()
    n = len(y)
    brute = []
    for lam in LAMS:
        r = []
        for i in range(n):
            keep = np.arange(n) != i
            est = reglib.Ridge(lam, fit_intercept=fit_intercept).fit(X[keep], y[keep])
            r.append(y[i] - est.predict(X[i:i + 1])[0])
        brute.append(np.mean(np.square(r)))
    assert np.allclose(ridge_loo(X, y, LAMS, fit_intercept=fit_intercept), brute, rtol=1e-9)


@pytest.mark.parametrize("fit_intercept", [True, False])
def test_loo_matches_ridgecv(fit_intercept):
    X, y = _data(1)
    est = RidgeCV(alphas=LAMS, fit_intercept=fit_intercept, store_cv_results=True).fit(X, y)
    loo = ridge_loo(X, y, LAMS, fit_intercept=fit_intercept)
    assert np.allclose(est.cv_results_.mean(axis=0), loo, rtol=1e-8)
    assert est.alpha_ == LAMS[np.argmin(loo)]


def test_gcv_by_explicit_hat_matrix():
    X, y = _data(2)
    n, p = X.shape
    Xc, yc = X - X.mean(0), y - y.mean()
    for lam, g in zip(LAMS, ridge_gcv(X, y, LAMS)):
        H = np.full((n, n), 1.0 / n) + Xc @ np.linalg.solve(Xc.T @ Xc + lam * np.eye(p), Xc.T)
        e = y - H @ y
        assert g == pytest.approx(np.mean(e**2) / (1 - np.trace(H) / n) ** 2, rel=1e-9)


def test_gcv_equals_loo_when_leverages_equal():
    # orthogonal design with equal row norms: every H_ii is the same
    n = 16
    X = np.kron(np.eye(2), np.ones((n // 2, 1)))  # two group indicators: equal leverage
    y = np.random.default_rng(4).normal(size=n)
    assert np.allclose(ridge_gcv(X, y, LAMS, fit_intercept=False),
                       ridge_loo(X, y, LAMS, fit_intercept=False), rtol=1e-10)


def test_bad_inputs():
    X, y = _data()
    with pytest.raises(ValueError, match="lams"):
        ridge_loo(X, y, [-1.0])
    with pytest.raises(ValueError, match="leverage"):
        ridge_loo(X[:5], y[:5], [0.0])
    with pytest.raises(ValueError, match="interpolates"):
        ridge_gcv(X[:5], y[:5], [0.0])
    with pytest.raises(TypeError, match="fit_intercept"):
        ridge_gcv(X, y, [1.0], fit_intercept=1)
    with pytest.raises(ValueError, match="same number"):
        ridge_loo(X, y[:-1], [1.0])
