"""Tests for reglib.sampling: random-walk Metropolis validated against closed forms."""

import numpy as np
import pytest

import reglib
from reglib.laplace import laplace_neg_log_posterior, laplace_posterior_mean_1d
from reglib.sampling import chain_mean, metropolis


def _gaussian_logpdf(mean, cov):
    P = np.linalg.inv(cov)
    return lambda W: -0.5 * np.einsum("ij,jk,ik->i", W - mean, P, W - mean)


def test_gaussian_target_mean_and_covariance():
    rng = np.random.default_rng(0)
    mean = np.array([1.0, -2.0])
    cov = np.array([[1.0, 0.8], [0.8, 2.0]])
    logd = _gaussian_logpdf(mean, cov)
    samples, acc = metropolis(logd, np.zeros((100, 2)), 1500, 1.2, rng, burn_in=200)
    assert samples.shape == (1500, 100, 2)
    assert 0.15 < acc < 0.8
    est, se = chain_mean(samples)
    assert np.all(np.abs(est - mean) < 5 * se)
    assert np.all(se < 0.05)
    emp_cov = np.cov(samples.reshape(-1, 2).T)
    np.testing.assert_allclose(emp_cov, cov, atol=0.08)


def test_laplace_posterior_1d_matches_closed_form():
    """One weight, Gaussian likelihood N(m, s2) times Laplace(0, b): closed-form mean."""
    rng = np.random.default_rng(1)
    m, s2, b = 0.6, 0.25, 0.3
    log_density = lambda W: -((W[:, 0] - m) ** 2) / (2 * s2) - np.abs(W[:, 0]) / b  # noqa: E731
    samples, _ = metropolis(log_density, np.zeros((200, 1)), 2000, 0.8, rng, burn_in=200)
    est, se = chain_mean(samples)
    exact = laplace_posterior_mean_1d(m, s2, b)
    assert abs(est[0] - exact) < 5 * se[0]
    assert se[0] < 0.01
    # the soft-threshold MAP is exactly zero here, the mean is clearly not
    assert max(abs(m) - s2 / b, 0.0) == 0.0
    assert abs(est[0]) > 10 * se[0]


def test_gaussian_posterior_matches_reglib_posterior():
    rng = np.random.default_rng(2)
    X = rng.standard_normal((20, 3))
    y = X @ np.array([1.0, 0.0, -1.0]) + 0.5 * rng.standard_normal(20)
    noise_var, prior_var = 0.25, 0.5
    mean, cov = reglib.posterior(X, y, noise_var, prior_var)

    def log_density(W):
        r = y[None, :] - W @ X.T
        return -np.sum(r**2, axis=1) / (2 * noise_var) - np.sum(W**2, axis=1) / (2 * prior_var)

    x0 = np.tile(mean, (100, 1))
    samples, acc = metropolis(log_density, x0, 1500, (2.38**2 / 3) * cov, rng, burn_in=100)
    est, se = chain_mean(samples)
    assert np.all(np.abs(est - mean) < 5 * se)
    np.testing.assert_allclose(np.cov(samples.reshape(-1, 3).T), cov, rtol=0.15, atol=2e-3)
    assert 0.2 < acc < 0.5  # the 2.38^2/d scaling of the posterior covariance


def test_laplace_regression_posterior_mean_is_not_sparse():
    rng = np.random.default_rng(3)
    n, p = 30, 4
    X = rng.standard_normal((n, p))
    y = X @ np.array([2.0, 0.0, 0.0, -1.0]) + rng.standard_normal(n)
    noise_var, b = 1.0, 0.1
    w_map = reglib.lasso(X, y, 2 * noise_var / b)
    assert np.sum(w_map == 0) >= 1
    cov = noise_var * np.linalg.inv(X.T @ X + noise_var / (2 * b**2) * np.eye(p))
    samples, _ = metropolis(
        lambda W: -laplace_neg_log_posterior(W, X, y, noise_var, b), np.zeros((100, p)), 1500,
        (2.38**2 / p) * cov, rng, burn_in=300,
    )
    est, se = chain_mean(samples)
    zero = w_map == 0
    assert np.all(np.abs(est[zero]) > 4 * se[zero])
    assert np.all(samples != 0.0)


def test_half_line_support_with_minus_inf():
    """Half-normal target (log density -inf for w < 0): mean sqrt(2/pi)."""
    rng = np.random.default_rng(4)

    def log_density(W):
        out = -0.5 * W[:, 0] ** 2
        return np.where(W[:, 0] >= 0, out, -np.inf)

    samples, _ = metropolis(log_density, np.full((100, 1), 0.5), 1500, 1.0, rng, burn_in=100)
    est, se = chain_mean(samples)
    assert np.all(samples >= 0)
    assert abs(est[0] - np.sqrt(2 / np.pi)) < 5 * se[0]


def test_reproducible_and_single_chain_shape():
    logd = _gaussian_logpdf(np.zeros(2), np.eye(2))
    a, acc_a = metropolis(logd, np.zeros(2), 50, 0.5, np.random.default_rng(9))
    b, acc_b = metropolis(logd, np.zeros(2), 50, 0.5, np.random.default_rng(9))
    assert a.shape == (50, 1, 2)
    np.testing.assert_array_equal(a, b)
    assert acc_a == acc_b
    c, _ = metropolis(logd, np.zeros(2), 50, 0.5, np.random.default_rng(10))
    assert not np.array_equal(a, c)


def test_chain_mean_values():
    samples = np.zeros((3, 2, 1))
    samples[:, 0, 0] = [1.0, 2.0, 3.0]  # chain mean 2
    samples[:, 1, 0] = [4.0, 4.0, 4.0]  # chain mean 4
    est, se = chain_mean(samples)
    assert est[0] == pytest.approx(3.0)
    assert se[0] == pytest.approx(np.std([2.0, 4.0], ddof=1) / np.sqrt(2))


def test_metropolis_bad_input():
    logd = _gaussian_logpdf(np.zeros(2), np.eye(2))
    rng = np.random.default_rng(0)
    x0 = np.zeros((3, 2))
    with pytest.raises(TypeError, match="log_density"):
        metropolis("not a function", x0, 10, 0.5, rng)
    with pytest.raises(ValueError, match="log_density"):
        metropolis(lambda W: np.zeros(len(W) + 1), x0, 10, 0.5, rng)
    with pytest.raises(ValueError, match="log_density"):
        metropolis(lambda W: np.full(len(W), np.nan), x0, 10, 0.5, rng)
    with pytest.raises(ValueError, match="x0"):
        metropolis(lambda W: np.full(len(W), -np.inf), x0, 10, 0.5, rng)
    with pytest.raises(ValueError, match="x0"):
        metropolis(logd, np.zeros((2, 2, 2)), 10, 0.5, rng)
    with pytest.raises(ValueError, match="x0"):
        metropolis(logd, [[0.0, np.nan]], 10, 0.5, rng)
    with pytest.raises(ValueError, match="n_steps"):
        metropolis(logd, x0, 0, 0.5, rng)
    with pytest.raises(TypeError, match="n_steps"):
        metropolis(logd, x0, 2.5, 0.5, rng)
    with pytest.raises(ValueError, match="burn_in"):
        metropolis(logd, x0, 10, 0.5, rng, burn_in=-1)
    with pytest.raises(ValueError, match="step"):
        metropolis(logd, x0, 10, -0.5, rng)
    with pytest.raises(ValueError, match="step"):
        metropolis(logd, x0, 10, np.eye(3), rng)
    with pytest.raises(ValueError, match="step"):
        metropolis(logd, x0, 10, np.array([[1.0, 2.0], [2.0, 1.0]]), rng)  # not positive definite
    with pytest.raises(ValueError, match="step"):
        metropolis(logd, x0, 10, np.array([[1.0, 0.5], [0.0, 1.0]]), rng)  # not symmetric
    with pytest.raises(TypeError, match="rng"):
        metropolis(logd, x0, 10, 0.5, 0)


def test_chain_mean_bad_input():
    with pytest.raises(ValueError, match="samples"):
        chain_mean(np.zeros((10, 2)))
    with pytest.raises(ValueError, match="2 chains"):
        chain_mean(np.zeros((10, 1, 2)))
    with pytest.raises(ValueError, match="samples"):
        chain_mean(np.full((3, 2, 1), np.nan))
