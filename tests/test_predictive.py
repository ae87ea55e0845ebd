"""Tests for reglib.predictive: posterior predictive and generalized ridge."""

import numpy as np
import pytest
from scipy import stats
from sklearn.linear_model import Ridge as SkRidge

import reglib
from reglib.predictive import generalized_ridge, posterior_predictive, predictive_interval


@pytest.fixture
def data():
    rng = np.random.default_rng(0)
    X = rng.standard_normal((15, 3))
    y = X @ np.array([1.0, -0.5, 2.0]) + 0.4 * rng.standard_normal(15)
    return X, y


def test_predictive_matches_explicit_formula(data):
    X, y = data
    mean, cov = reglib.posterior(X, y, 0.16, 2.0)
    X_new = np.random.default_rng(1).standard_normal((6, 3))
    m, v = posterior_predictive(X_new, mean, cov, 0.16)
    for x, mi, vi in zip(X_new, m, v):
        assert mi == pytest.approx(x @ mean, rel=1e-12)
        assert vi == pytest.approx(x @ cov @ x + 0.16, rel=1e-12)
    _, v_fn = posterior_predictive(X_new, mean, cov, 0.16, include_noise=False)
    np.testing.assert_allclose(v - v_fn, 0.16, rtol=1e-12)


def test_predictive_variance_never_grows_with_more_data(data):
    X, y = data
    X_new = np.linspace(-3, 3, 7)[:, None] * np.ones((1, 3))
    prev = None
    for n in range(1, len(y) + 1):
        mean, cov = reglib.posterior(X[:n], y[:n], 0.16, 2.0)
        _, v = posterior_predictive(X_new, mean, cov, 0.16, include_noise=False)
        if prev is not None:
            assert np.all(v <= prev + 1e-12)
        prev = v
    # and the noise floor stays: observation variance >= sigma^2 (equal only at x = 0)
    _, v_obs = posterior_predictive(X_new, mean, cov, 0.16)
    at_zero = np.all(X_new == 0, axis=1)
    assert np.all(v_obs[~at_zero] > 0.16)
    assert v_obs[at_zero] == pytest.approx(0.16)


def test_interval_uses_normal_quantile(data):
    X, y = data
    mean, cov = reglib.posterior(X, y, 0.16, 2.0)
    X_new = X[:4]
    for level in (0.5, 0.9, 0.95):
        lo, hi = predictive_interval(X_new, mean, cov, 0.16, level=level)
        m, v = posterior_predictive(X_new, mean, cov, 0.16)
        z = stats.norm.ppf(0.5 + level / 2)
        np.testing.assert_allclose(hi - m, z * np.sqrt(v), rtol=1e-12)
        np.testing.assert_allclose(m - lo, z * np.sqrt(v), rtol=1e-12)


def test_interval_is_calibrated_under_the_model():
    """w from the prior, y from the likelihood: the 90% interval covers 90% of new points."""
    rng = np.random.default_rng(5)
    n, p, noise_var, prior_var = 8, 2, 0.5, 1.5
    X = rng.standard_normal((n, p))
    x_new = np.array([[1.5, -0.7]])
    reps = 4000
    W = rng.normal(0, np.sqrt(prior_var), size=(reps, p))
    Y = W @ X.T + rng.normal(0, np.sqrt(noise_var), size=(reps, n))
    y_new = W @ x_new[0] + rng.normal(0, np.sqrt(noise_var), size=reps)
    # the posterior covariance does not depend on y; the mean is linear in y
    _, cov = reglib.posterior(X, Y[0], noise_var, prior_var)
    A = cov @ X.T / noise_var  # mean = A @ y
    hits = 0
    for y, yn, m in zip(Y, y_new, Y @ A.T):
        lo, hi = predictive_interval(x_new, m, cov, noise_var, level=0.9)
        hits += lo[0] <= yn <= hi[0]
    se = np.sqrt(0.9 * 0.1 / reps)
    assert abs(hits / reps - 0.9) < 4 * se


def test_generalized_ridge_identities(data):
    X, y = data
    w0 = np.array([0.5, 0.5, -1.0])
    lam = 3.0
    w = generalized_ridge(X, y, lam, w0)
    # stationarity: gradient of ||y - Xw||^2 + lam ||w - w0||^2 vanishes
    grad = -2 * X.T @ (y - X @ w) + 2 * lam * (w - w0)
    np.testing.assert_allclose(grad, 0, atol=1e-10)
    # change of variables v = w - w0 gives plain ridge on y - X w0
    np.testing.assert_allclose(w, w0 + reglib.ridge(X, y - X @ w0, lam), atol=1e-12)
    sk = SkRidge(alpha=lam, fit_intercept=False, solver="cholesky").fit(X, y - X @ w0)
    np.testing.assert_allclose(w, w0 + sk.coef_, atol=1e-10)
    # w0 = 0 is ridge; huge lam returns w0; lam = 0 is least squares
    w_zero = generalized_ridge(X, y, lam, np.zeros(3))
    np.testing.assert_allclose(w_zero, reglib.ridge(X, y, lam), atol=1e-12)
    np.testing.assert_allclose(generalized_ridge(X, y, 1e12, w0), w0, atol=1e-8)
    w_ls = np.linalg.lstsq(X, y, rcond=None)[0]
    np.testing.assert_allclose(generalized_ridge(X, y, 0.0, w0), w_ls, atol=1e-10)


def test_generalized_ridge_is_posterior_mean_with_shifted_prior(data):
    X, y = data
    noise_var, prior_var = 0.16, 0.5
    w0 = np.array([2.0, 0.0, 1.0])
    _, S = reglib.posterior(X, y, noise_var, prior_var)
    m = S @ (X.T @ y / noise_var + w0 / prior_var)
    np.testing.assert_allclose(generalized_ridge(X, y, noise_var / prior_var, w0), m, atol=1e-10)


def test_bad_input(data):
    X, y = data
    mean, cov = reglib.posterior(X, y, 0.16, 2.0)
    with pytest.raises(ValueError, match="X_new"):
        posterior_predictive(np.zeros(3), mean, cov, 0.16)
    with pytest.raises(ValueError, match="mean"):
        posterior_predictive(X, mean[:2], cov, 0.16)
    with pytest.raises(ValueError, match="cov"):
        posterior_predictive(X, mean, cov[:2, :2], 0.16)
    with pytest.raises(ValueError, match="symmetric"):
        posterior_predictive(X, mean, cov + np.triu(np.ones((3, 3)), 1), 0.16)
    with pytest.raises(ValueError, match="noise_var"):
        posterior_predictive(X, mean, cov, 0.0)
    with pytest.raises(TypeError, match="include_noise"):
        posterior_predictive(X, mean, cov, 0.16, include_noise="yes")
    for level in (0.0, 1.0, 1.5, -0.2):
        with pytest.raises(ValueError, match="level"):
            predictive_interval(X, mean, cov, 0.16, level=level)
    with pytest.raises(ValueError, match="lam"):
        generalized_ridge(X, y, -1.0, np.zeros(3))
    with pytest.raises(TypeError, match="lam"):
        generalized_ridge(X, y, "1", np.zeros(3))
    with pytest.raises(ValueError, match="w0"):
        generalized_ridge(X, y, 1.0, np.zeros(2))
    with pytest.raises(ValueError, match="same number of samples"):
        generalized_ridge(X, y[:-1], 1.0, np.zeros(3))
    with pytest.raises(ValueError, match="singular"):
        generalized_ridge(np.ones((5, 2)), np.ones(5), 0.0, np.zeros(2))
