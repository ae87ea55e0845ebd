"""Tests for reglib.dropout_regression: dropout on a linear model = data-weighted ridge."""

import numpy as np
import pytest
from sklearn.linear_model import Ridge as SkRidge

from reglib.dropout_regression import (
    dropout_penalty,
    dropout_ridge,
    dropout_sgd,
    expected_dropout_loss,
    sample_dropout_losses,
)


def make_data(n=40, d=4, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d)) * np.array([0.5, 1.0, 2.0, 3.0])[:d]
    w_true = rng.normal(size=d)
    y = X @ w_true + 0.3 * rng.normal(size=n)
    return X, y


@pytest.mark.parametrize("p", [0.1, 0.5, 0.8])
def test_monte_carlo_matches_closed_form(p):
    X, y = make_data()
    w = np.array([0.7, -1.2, 0.4, 0.9])
    losses = sample_dropout_losses(X, y, w, p, np.random.default_rng(1), n_masks=20000)
    se = losses.std(ddof=1) / np.sqrt(losses.size)
    assert abs(losses.mean() - expected_dropout_loss(X, y, w, p)) < 4 * se


def test_closed_form_by_exhaustive_masks():
    # tiny problem: average over all 2^(n*d) masks exactly
    X = np.array([[1.0, 2.0], [-0.5, 1.5]])
    y = np.array([0.3, -1.0])
    w = np.array([0.8, -0.4])
    p = 0.3
    total = 0.0
    for bits in range(2 ** 4):
        keep = np.array([(bits >> k) & 1 for k in range(4)], dtype=float).reshape(2, 2)
        prob = np.prod(np.where(keep == 1, 1 - p, p))
        r = y - (keep * X / (1 - p)) @ w
        total += prob * r @ r
    assert np.isclose(total, expected_dropout_loss(X, y, w, p), rtol=1e-12)


def test_penalty_formula_and_p_zero():
    X, y = make_data()
    w = np.arange(1.0, 5.0)
    p = 0.25
    expected = p / (1 - p) * sum(w[j] ** 2 * X[:, j] @ X[:, j] for j in range(4))
    assert np.isclose(dropout_penalty(X, w, p), expected)
    assert dropout_penalty(X, w, 0.0) == 0.0
    r = y - X @ w
    assert np.isclose(expected_dropout_loss(X, y, w, 0.0), r @ r)


def test_dropout_ridge_is_the_minimizer():
    X, y = make_data()
    p = 0.4
    w = dropout_ridge(X, y, p)
    lam = p / (1 - p)
    grad = -2 * X.T @ (y - X @ w) + 2 * lam * np.diag(X.T @ X) * w
    assert np.allclose(grad, 0, atol=1e-9)
    f0 = expected_dropout_loss(X, y, w, p)
    rng = np.random.default_rng(3)
    for _ in range(20):
        assert expected_dropout_loss(X, y, w + 1e-2 * rng.normal(size=4), p) > f0


def test_p_zero_is_least_squares():
    X, y = make_data()
    assert np.allclose(dropout_ridge(X, y, 0.0), np.linalg.lstsq(X, y, rcond=None)[0])


def test_equal_column_norms_give_ordinary_ridge():
    X, y = make_data(n=50)
    X = (X - X.mean(0)) / X.std(0)  # ||x_j||^2 = n for every column
    n, p = X.shape[0], 0.3
    sk = SkRidge(alpha=n * p / (1 - p), fit_intercept=False).fit(X, y)
    assert np.allclose(dropout_ridge(X, y, p), sk.coef_)


def test_sgd_matches_only_on_average():
    X, y = make_data(n=30, d=3)
    p = 0.5
    path = dropout_sgd(X, y, p, np.random.default_rng(0), n_steps=20000)
    assert path.shape == (20001, 3)
    assert np.all(path[0] == 0)
    w_star = dropout_ridge(X, y, p)
    tail = path[5000:]
    # the iterates keep moving ...
    assert np.max(np.linalg.norm(tail - w_star, axis=1)) > 0.05 * np.linalg.norm(w_star)
    # ... around the minimizer of the expected loss; their average is close to it
    assert np.linalg.norm(tail.mean(0) - w_star) < 0.05 * np.linalg.norm(w_star)


def test_sgd_without_dropout_converges_to_least_squares():
    X, y = make_data(n=30, d=3)
    path = dropout_sgd(X, y, 0.0, np.random.default_rng(0), n_steps=3000)
    assert np.allclose(path[-1], np.linalg.lstsq(X, y, rcond=None)[0], atol=1e-6)


def test_deterministic_given_seed():
    X, y = make_data()
    w = np.ones(4)
    a = sample_dropout_losses(X, y, w, 0.5, np.random.default_rng(7), n_masks=50)
    b = sample_dropout_losses(X, y, w, 0.5, np.random.default_rng(7), n_masks=50)
    assert np.array_equal(a, b)
    assert np.array_equal(dropout_sgd(X, y, 0.5, np.random.default_rng(7), n_steps=10),
                          dropout_sgd(X, y, 0.5, np.random.default_rng(7), n_steps=10))


@pytest.mark.parametrize("p", [1.0, -0.1, 1.5, np.nan])
def test_bad_p(p):
    X, y = make_data()
    with pytest.raises(ValueError, match="p"):
        dropout_ridge(X, y, p)
    with pytest.raises(ValueError, match="p"):
        expected_dropout_loss(X, y, np.ones(4), p)


def test_bad_inputs():
    X, y = make_data()
    rng = np.random.default_rng(0)
    with pytest.raises(TypeError, match="p"):
        dropout_ridge(X, y, "0.5")
    with pytest.raises(ValueError, match="same number of samples"):
        dropout_ridge(X, y[:-1], 0.5)
    Xn = X.copy()
    Xn[0, 0] = np.nan
    with pytest.raises(ValueError, match="finite"):
        dropout_ridge(Xn, y, 0.5)
    with pytest.raises(ValueError, match="2-D"):
        dropout_ridge(X[:, 0], y, 0.5)
    with pytest.raises(ValueError, match="w"):
        expected_dropout_loss(X, y, np.ones(3), 0.5)
    with pytest.raises(TypeError, match="rng"):
        sample_dropout_losses(X, y, np.ones(4), 0.5, 0)
    with pytest.raises(ValueError, match="n_masks"):
        sample_dropout_losses(X, y, np.ones(4), 0.5, rng, n_masks=0)
    with pytest.raises(ValueError, match="lr"):
        dropout_sgd(X, y, 0.5, rng, lr=-1.0)
    with pytest.raises(ValueError, match="n_steps"):
        dropout_sgd(X, y, 0.5, rng, n_steps=0)
    with pytest.raises(ValueError, match="w0"):
        dropout_sgd(X, y, 0.5, rng, w0=np.ones(2))
