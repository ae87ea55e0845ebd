"""Tests for reglib.elastic_net: the elastic net as a lasso on augmented data."""

import numpy as np
import pytest
from sklearn.linear_model import ElasticNet

import reglib
from reglib.elastic_net import elastic_net, elastic_net_cv_errors, elastic_net_path


def _data(seed=0, n=50, p=6):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, p))
    X -= X.mean(0)
    y = X @ np.r_[2.0, 2.0, -1.0, np.zeros(p - 3)] + rng.normal(size=n)
    return X, y - y.mean()


def _sk(X, y, lam1, lam2):
    n = len(y)
    est = ElasticNet(alpha=lam1 / (2 * n) + lam2 / n, l1_ratio=lam1 / (lam1 + 2 * lam2),
                     fit_intercept=False, tol=1e-13, max_iter=200_000)
    return est.fit(X, y).coef_


@pytest.mark.parametrize("lam1, lam2", [(5.0, 1.0), (40.0, 20.0), (1.0, 100.0), (80.0, 0.5)])
def test_elastic_net_matches_sklearn(lam1, lam2):
    X, y = _data()
    assert np.allclose(elastic_net(X, y, lam1, lam2), _sk(X, y, lam1, lam2), atol=1e-7)


def test_limits_ridge_and_lasso():
    X, y = _data(1)
    assert np.allclose(elastic_net(X, y, 0.0, 3.0), reglib.ridge(X, y, 3.0), atol=1e-8)
    assert np.allclose(elastic_net(X, y, 7.0, 0.0), reglib.lasso(X, y, 7.0), atol=1e-8)


def test_path_matches_single_fits():
    X, y = _data(2)
    lam1s = np.geomspace(0.5, 300, 7)
    W = elastic_net_path(X, y, lam1s, 4.0)
    for lam1, w in zip(lam1s, W):
        assert np.allclose(w, _sk(X, y, lam1, 4.0), atol=1e-7)


def test_cv_errors_brute_force():
    rng = np.random.default_rng(3)
    X = rng.normal(size=(40, 4)) * [1.0, 5.0, 0.2, 2.0] + 3.0
    y = X @ np.r_[1.0, 0.2, -2.0, 0.0] + rng.normal(size=40)
    lam1s, lam2s = np.array([0.5, 5.0, 50.0]), np.array([0.0, 2.0, 30.0])
    E = elastic_net_cv_errors(X, y, lam1s, lam2s, k=4, rng=np.random.default_rng(9))
    for f, val in enumerate(reglib.kfold_indices(40, 4, np.random.default_rng(9))):
        tr = np.setdiff1d(np.arange(40), val)
        mu, sd = X[tr].mean(0), X[tr].std(0)
        Zt, Zv = (X[tr] - mu) / sd, (X[val] - mu) / sd
        for j, lam2 in enumerate(lam2s):
            for i, lam1 in enumerate(lam1s):
                if lam2 == 0:
                    w = reglib.lasso(Zt, y[tr] - y[tr].mean(), lam1, tol=1e-12)
                else:
                    w = _sk(Zt, y[tr] - y[tr].mean(), lam1, lam2)
                err = np.mean((y[val] - y[tr].mean() - Zv @ w) ** 2)
                assert E[f, j, i] == pytest.approx(err, rel=1e-6)


def test_bad_inputs():
    X, y = _data()
    with pytest.raises(ValueError, match="lam2"):
        elastic_net(X, y, 1.0, -1.0)
    with pytest.raises(TypeError, match="lam1"):
        elastic_net(X, y, "1", 1.0)
    with pytest.raises(ValueError, match="lam1s"):
        elastic_net_path(X, y, [-1.0], 1.0)
    with pytest.raises(ValueError, match="k"):
        elastic_net_cv_errors(X, y, [1.0], [1.0], k=1, rng=np.random.default_rng(0))
    with pytest.raises(TypeError, match="standardize"):
        elastic_net_cv_errors(X, y, [1.0], [1.0], rng=np.random.default_rng(0), standardize=1)
