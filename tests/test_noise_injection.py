"""Tests for reglib.noise_injection: Monte Carlo mean against the ridge cost with lam = n s^2."""

import numpy as np
import pytest

import reglib
from reglib.noise_injection import expected_noisy_loss, noise_lam, noisy_losses


def problem():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(12, 4))
    return X, rng.normal(size=12), rng.normal(size=4)


def test_monte_carlo_mean_matches_the_formula():
    X, y, w = problem()
    s = 0.7
    draws = noisy_losses(X, y, w, s, np.random.default_rng(1), 40_000)
    expected = expected_noisy_loss(X, y, w, s)
    assert expected == pytest.approx(np.sum((y - X @ w) ** 2) + 12 * s**2 * np.sum(w**2))
    assert abs(draws.mean() - expected) < 5 * draws.std() / np.sqrt(draws.size)
    # the ridge cost with lam = n s^2 is the same number
    assert expected == pytest.approx(reglib.cost(X, y, w, lam=noise_lam(12, s)))


def test_brute_force_noise_matrix():
    X, y, w = problem()
    rng = np.random.default_rng(5)
    out = noisy_losses(X, y, w, 0.3, rng, 3)
    E = np.random.default_rng(5).normal(0.0, 0.3, size=(3,) + X.shape)
    assert np.allclose(out, [np.sum((y - (X + e) @ w) ** 2) for e in E])


def test_reproducible_and_random():
    X, y, w = problem()
    a = noisy_losses(X, y, w, 0.5, np.random.default_rng(2), 5)
    b = noisy_losses(X, y, w, 0.5, np.random.default_rng(2), 5)
    c = noisy_losses(X, y, w, 0.5, np.random.default_rng(3), 5)
    assert np.array_equal(a, b) and not np.allclose(a, c)


def test_bad_inputs():
    X, y, w = problem()
    with pytest.raises(ValueError, match="s must"):
        noisy_losses(X, y, w, -0.1, np.random.default_rng(0), 3)
    with pytest.raises(ValueError, match="s must"):
        expected_noisy_loss(X, y, w, np.nan)
    with pytest.raises(TypeError, match="rng"):
        noisy_losses(X, y, w, 0.1, 0, 3)
    with pytest.raises(ValueError, match="n_draws"):
        noisy_losses(X, y, w, 0.1, np.random.default_rng(0), 0)
    with pytest.raises(ValueError, match="w must"):
        expected_noisy_loss(X, y, w[:2], 0.1)
    with pytest.raises(TypeError, match="n_samples"):
        noise_lam(2.5, 0.1)
    with pytest.raises(ValueError, match="s must"):
        noise_lam(3, -1.0)


def test_zero_noise_is_the_noiseless_limit():
    X, y, w = problem()
    plain = float(np.sum((y - X @ w) ** 2))
    assert noise_lam(5, 0.0) == 0.0
    assert expected_noisy_loss(X, y, w, 0.0) == pytest.approx(plain)
    assert np.allclose(noisy_losses(X, y, w, 0.0, np.random.default_rng(0), 4), plain)
