"""Tests for reglib.mlp_regression: the loss gradient, learning, MC dropout, bad inputs."""

import numpy as np
import pytest

from reglib.mlp import init_mlp, mlp_backward, mlp_forward
from reglib.mlp_regression import MLPRegressor, _mse_grad, train_mlp_regressor


def data(n=40, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.uniform(-2, 2, size=(n, 1))
    return x, np.sin(2 * x[:, 0]) + 0.1 * rng.normal(size=n)


def test_mse_gradient_matches_finite_differences():
    X, y = data(n=12)
    params = init_mlp((1, 6, 1), np.random.default_rng(1))
    params = [(W, b + 0.1) for W, b in params]

    def loss(ps):
        out, cache = mlp_forward(ps, X)
        return np.mean((y - out[:, 0]) ** 2), cache, out

    _, cache, out = loss(params)
    grads = mlp_backward(params, cache, _mse_grad(out, y))
    eps = 1e-6
    for (W, _), (dW, _) in zip(params, grads):
        for idx in np.ndindex(W.shape):
            old = W[idx]
            W[idx] = old + eps
            up = loss(params)[0]
            W[idx] = old - eps
            down = loss(params)[0]
            W[idx] = old
            assert np.isclose(dW[idx], (up - down) / (2 * eps), rtol=1e-5, atol=1e-8)


def test_learns_a_curve_and_mc_dropout_spreads():
    X, y = data()
    net = train_mlp_regressor(X, y, hidden=(32,), p=0.1, rng=np.random.default_rng(0),
                              epochs=300, batch_size=10, lr=0.05)
    assert np.mean((net.predict(X) - y) ** 2) < 0.25 * np.var(y)
    draws = net.mc_predict(X, np.random.default_rng(1), n_samples=50)
    assert draws.shape == (50, 40)
    assert draws.std(axis=0).min() > 0
    assert np.array_equal(draws, net.mc_predict(X, np.random.default_rng(1), n_samples=50))
    plain = MLPRegressor(params=net.params, p=0.0).mc_predict(X, np.random.default_rng(1), 3)
    assert np.allclose(plain, net.predict(X)[None])


def test_bad_inputs():
    X, y = data()
    rng = np.random.default_rng(0)
    with pytest.raises(ValueError, match="p"):
        train_mlp_regressor(X, y, p=1.0, rng=rng)
    with pytest.raises(ValueError, match="lam"):
        train_mlp_regressor(X, y, lam=-1, rng=rng)
    with pytest.raises(TypeError, match="rng"):
        train_mlp_regressor(X, y, rng=1)
    with pytest.raises(ValueError):
        train_mlp_regressor(X, y[:-1], rng=rng)
    with pytest.raises(ValueError, match="n_samples"):
        MLPRegressor(params=init_mlp((1, 3, 1), rng), p=0.5).mc_predict(X, rng, n_samples=0)
