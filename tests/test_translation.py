"""reglib.translation: each conversion against the library's own objective or scikit-learn."""

import numpy as np
import pytest
from sklearn.linear_model import ElasticNet, Lasso, Ridge

import reglib
from reglib.translation import (drop_probability, elastic_net_lams, lam_from_keras_l2,
                                lam_from_sklearn, lam_from_weight_decay)


def test_sklearn_ridge_and_lasso(problem):
    X, y = problem
    n = len(y)
    w = Ridge(alpha=3.0, fit_intercept=False).fit(X, y).coef_
    assert np.allclose(w, reglib.ridge(X, y, lam_from_sklearn(3.0, n, "ridge")), atol=1e-10)
    w = Lasso(alpha=0.05, fit_intercept=False, tol=1e-12, max_iter=100000).fit(X, y).coef_
    assert np.allclose(w, reglib.lasso(X, y, lam_from_sklearn(0.05, n, "lasso")), atol=1e-7)


def test_sklearn_elastic_net_is_a_lasso_on_augmented_data(problem):
    X, y = problem
    n, p = X.shape
    lam1, lam2 = elastic_net_lams(0.1, 0.3, n)
    w = ElasticNet(alpha=0.1, l1_ratio=0.3, fit_intercept=False, tol=1e-12,
                   max_iter=100000).fit(X, y).coef_
    X_aug = np.vstack([X, np.sqrt(lam2) * np.eye(p)])
    y_aug = np.concatenate([y, np.zeros(p)])
    assert np.allclose(w, reglib.lasso(X_aug, y_aug, lam1), atol=1e-7)


def test_weight_decay_fixed_point_is_ridge(problem):
    # PyTorch's documented SGD step, g = grad(mean squared error) + wd * w, run to convergence
    X, y = problem
    n, wd, lr = len(y), 0.3, 0.05
    w = np.zeros(X.shape[1])
    for _ in range(20000):
        w = w - lr * (2 / n * X.T @ (X @ w - y) + wd * w)
    assert np.allclose(w, reglib.ridge(X, y, lam_from_weight_decay(wd, n)), atol=1e-10)


def test_keras_l2_objective_is_ridge(problem):
    X, y = problem
    n, c = len(y), 0.02
    # minimize mean((y - Xw)^2) + c * sum(w^2): normal equations (X^T X / n + c I) w = X^T y / n
    w = np.linalg.solve(X.T @ X / n + c * np.eye(X.shape[1]), X.T @ y / n)
    assert np.allclose(w, reglib.ridge(X, y, lam_from_keras_l2(c, n)), atol=1e-10)


def test_drop_probability():
    assert drop_probability(0.8) == pytest.approx(0.2)
    assert drop_probability(1.0) == 0.0


@pytest.mark.parametrize("call,exc,name", [
    (lambda: lam_from_sklearn(-1.0, 10, "ridge"), ValueError, "alpha"),
    (lambda: lam_from_sklearn(1.0, 0, "ridge"), ValueError, "n"),
    (lambda: lam_from_sklearn(1.0, 10, "elastic"), ValueError, "model"),
    (lambda: lam_from_sklearn("1", 10, "ridge"), TypeError, "alpha"),
    (lambda: elastic_net_lams(1.0, 1.5, 10), ValueError, "l1_ratio"),
    (lambda: elastic_net_lams(1.0, True, 10), TypeError, "l1_ratio"),
    (lambda: lam_from_weight_decay(np.nan, 10), ValueError, "weight_decay"),
    (lambda: lam_from_weight_decay(0.1, 2.5), TypeError, "n"),
    (lambda: lam_from_keras_l2(-0.1, 10), ValueError, "l2"),
    (lambda: drop_probability(0.0), ValueError, "keep_prob"),
    (lambda: drop_probability(None), TypeError, "keep_prob"),
])
def test_bad_arguments_name_themselves(call, exc, name):
    with pytest.raises(exc, match=name):
        call()
