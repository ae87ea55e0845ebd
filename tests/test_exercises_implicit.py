"""Tests for reglib.exercises.implicit: each checker accepts right answers, rejects wrong ones."""

import numpy as np
import pytest

import reglib
from reglib.exercises.implicit import (check_gd_factor, check_gd_limit,
                                       check_multiplicative_noise, check_noisy_sampler)


def test_gd_factor():
    assert check_gd_factor(lambda d, eta, k: 1 - (1 - 2 * eta * np.asarray(d) ** 2) ** k)
    for wrong in [lambda d, eta, k: 1 - np.exp(-2 * eta * k * np.asarray(d) ** 2),
                  lambda d, eta, k: 1 - (1 - eta * np.asarray(d) ** 2) ** k,
                  lambda d, eta, k: np.asarray(d) ** 2 / (np.asarray(d) ** 2 + 1 / (2 * eta * max(k, 1))),
                  lambda d, eta, k: (1 - 2 * eta * np.asarray(d) ** 2) ** k]:
        assert not check_gd_factor(wrong)


def test_gd_limit_against_running_gd():
    def mine(X, y, w0):
        return w0 + np.linalg.pinv(X) @ (y - X @ w0)
    assert check_gd_limit(mine)
    rng = np.random.default_rng(0)
    X, y, w0 = rng.normal(size=(4, 9)), rng.normal(size=4), rng.normal(size=9)
    eta = 0.4 / np.linalg.norm(X, 2) ** 2
    W = reglib.weight_decay_gd(X, y, 0.0, eta, 3000, w0=w0)
    assert np.allclose(W[-1], mine(X, y, w0), atol=1e-8)
    assert not check_gd_limit(lambda X, y, w0: np.linalg.pinv(X) @ y)
    assert not check_gd_limit(lambda X, y, w0: w0 + np.linalg.pinv(X) @ y)
    assert not check_gd_limit(lambda X, y, w0: 1 / 0)


def test_multiplicative_noise_against_monte_carlo():
    def mine(X, y, w, s):
        return np.sum((y - X @ w) ** 2) + s**2 * np.sum(w**2 * np.sum(X**2, axis=0))
    assert check_multiplicative_noise(mine)
    rng = np.random.default_rng(1)
    X, y, w, s = rng.normal(size=(5, 3)), rng.normal(size=5), rng.normal(size=3), 0.6
    E = rng.normal(0, s, size=(200_000, 5, 3))
    mc = np.mean(np.sum((y - (X * (1 + E)) @ w) ** 2, axis=1))
    assert mc == pytest.approx(mine(X, y, w, s), rel=0.01)
    assert not check_multiplicative_noise(
        lambda X, y, w, s: np.sum((y - X @ w) ** 2) + len(y) * s**2 * np.sum(w**2))
    assert not check_multiplicative_noise(
        lambda X, y, w, s: np.sum((y - X @ w) ** 2) + s**2 * np.sum(w**2))


def right_sampler(X, y, w, s, rng):
    return np.sum((y - (X + rng.normal(0, s, size=X.shape)) @ w) ** 2)


def moment_fake(kind):
    # ignores E: draws the loss itself with the exact mean and variance
    def fake(X, y, w, s, rng):
        r2, t, n = np.sum((y - X @ w) ** 2), s**2 * (w @ w), len(y)
        m, v = r2 + n * t, 4 * t * r2 + 2 * n * t * t
        return (m + np.sqrt(v) * rng.standard_normal() if kind == "normal"
                else rng.gamma(m * m / v, v / m))
    return fake


def test_noisy_sampler():
    assert check_noisy_sampler(right_sampler)
    assert check_noisy_sampler(
        lambda X, y, w, s, rng: reglib.noisy_losses(X, y, w, s, rng, 1)[0])
    # other correct ways to draw: E transposed, or z = E w directly
    assert check_noisy_sampler(lambda X, y, w, s, rng: np.sum(
        (y - (X + rng.normal(0, s, size=X.shape[::-1]).T) @ w) ** 2))
    assert check_noisy_sampler(lambda X, y, w, s, rng: np.sum(
        (y - X @ w - rng.normal(0, s * np.linalg.norm(w), size=len(y))) ** 2))
    wrongs = {
        "expected value every time": lambda X, y, w, s, rng: reglib.expected_noisy_loss(X, y, w, s),
        "global numpy state": lambda X, y, w, s, rng: np.sum(
            (y - (X + np.random.normal(0, s, size=X.shape)) @ w) ** 2),
        "variance for sd": lambda X, y, w, s, rng: right_sampler(X, y, w, s**2, rng),
        "one noise per row": lambda X, y, w, s, rng: np.sum(
            (y - (X + rng.normal(0, s, size=(X.shape[0], 1))) @ w) ** 2),
        "one noise for all": lambda X, y, w, s, rng: np.sum(
            (y - (X + rng.normal(0, s)) @ w) ** 2),
        "raises": lambda X, y, w, s, rng: 1 / 0,
        "Gaussian with the right mean and variance": moment_fake("normal"),
        "gamma with the right mean and variance": moment_fake("gamma"),
    }
    for name, wrong in wrongs.items():
        assert not check_noisy_sampler(wrong), name
