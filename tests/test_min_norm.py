"""Tests for reglib.min_norm against pinv, ridge as lam -> 0+ and gradient descent from zero."""

import numpy as np
import pytest

import reglib
from reglib.min_norm import min_norm


@pytest.mark.parametrize("n, p", [(10, 30), (30, 10), (12, 12)])
def test_equals_pinv(n, p):
    rng = np.random.default_rng(n + p)
    X, y = rng.normal(size=(n, p)), rng.normal(size=n)
    assert np.allclose(min_norm(X, y), np.linalg.pinv(X) @ y)


def test_rank_deficient_equals_pinv_and_minimizes_norm():
    rng = np.random.default_rng(3)
    X = rng.normal(size=(15, 3)) @ rng.normal(size=(3, 8))  # rank 3
    y = rng.normal(size=15)
    w = min_norm(X, y)
    assert np.allclose(w, np.linalg.pinv(X) @ y)
    # any other least-squares solution is w + a null-space vector: never shorter
    null = np.linalg.svd(X)[2][3:]
    for _ in range(20):
        other = w + null.T @ rng.normal(size=5)
        assert np.allclose(X.T @ (X @ other - y), X.T @ (X @ w - y), atol=1e-8)
        assert np.linalg.norm(other) >= np.linalg.norm(w)


def test_interpolates_and_is_the_ridge_limit_and_the_gd_limit():
    rng = np.random.default_rng(4)
    X, y = rng.normal(size=(10, 40)), rng.normal(size=10)
    w = min_norm(X, y)
    assert np.allclose(X @ w, y)
    gaps = [np.linalg.norm(reglib.ridge(X, y, lam) - w) for lam in (1e-1, 1e-3, 1e-5)]
    assert gaps[0] > gaps[1] > gaps[2] and gaps[2] < 1e-5
    eta = 0.5 / np.linalg.norm(X, 2) ** 2
    W = reglib.weight_decay_gd(X, y, 0.0, eta, 4000)
    assert np.allclose(W[-1], w, atol=1e-8)


def test_bad_inputs():
    with pytest.raises(ValueError, match="same number"):
        min_norm(np.ones((3, 2)), np.ones(4))
    with pytest.raises(ValueError, match="X"):
        min_norm(np.ones(3), np.ones(3))
    with pytest.raises(ValueError, match="finite"):
        min_norm([[1.0, np.inf]], [1.0])
    with pytest.raises(TypeError, match="y"):
        min_norm(np.ones((2, 2)), "ab")
