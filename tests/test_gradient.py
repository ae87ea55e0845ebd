"""Tests for reglib.gradient (weight decay = gradient descent on the ridge cost)."""

import numpy as np
import pytest

from reglib.gradient import max_stable_step, weight_decay_gd


@pytest.fixture
def data():
    rng = np.random.default_rng(1)
    X = rng.normal(size=(25, 4))
    y = X @ np.array([1.0, -2.0, 0.5, 0.0]) + 0.3 * rng.normal(size=25)
    return X, y


def ridge_closed_form(X, y, lam):
    return np.linalg.solve(X.T @ X + lam * np.eye(X.shape[1]), X.T @ y)


def ridge_cost(X, y, w, lam):
    r = y - X @ w
    return r @ r + lam * w @ w


def test_one_step_is_the_documented_update(data):
    X, y = data
    rng = np.random.default_rng(2)
    w0 = rng.normal(size=4)
    lam, eta = 0.7, 0.004
    W = weight_decay_gd(X, y, lam, eta, 1, w0=w0)
    expected = (1 - 2 * eta * lam) * w0 + 2 * eta * X.T @ (y - X @ w0)
    assert W.shape == (2, 4)
    assert np.array_equal(W[0], w0)
    assert np.allclose(W[1], expected)


def test_step_is_minus_eta_times_the_finite_difference_gradient(data):
    X, y = data
    w0 = np.array([0.3, -0.1, 0.2, 0.5])
    lam, eta, h = 2.0, 0.001, 1e-6
    grad = np.array([
        (ridge_cost(X, y, w0 + h * e, lam) - ridge_cost(X, y, w0 - h * e, lam)) / (2 * h)
        for e in np.eye(4)
    ])
    W = weight_decay_gd(X, y, lam, eta, 1, w0=w0)
    assert np.allclose(W[1], w0 - eta * grad, atol=1e-8)


@pytest.mark.parametrize("lam", [0.0, 0.5, 10.0])
def test_converges_to_ridge_closed_form_and_to_sklearn(data, lam):
    from sklearn.linear_model import Ridge

    X, y = data
    eta = 0.5 * max_stable_step(X, lam)
    W = weight_decay_gd(X, y, lam, eta, 3000)
    assert np.allclose(W[-1], ridge_closed_form(X, y, lam), atol=1e-10)
    sk = Ridge(alpha=lam, fit_intercept=False, solver="svd").fit(X, y) if lam > 0 else None
    if sk is not None:
        assert np.allclose(W[-1], sk.coef_, atol=1e-8)


def test_cost_decreases_monotonically_for_a_stable_step(data):
    X, y = data
    lam = 1.0
    W = weight_decay_gd(X, y, lam, 0.9 * max_stable_step(X, lam), 50)
    costs = [ridge_cost(X, y, w, lam) for w in W]
    assert np.all(np.diff(costs) <= 1e-12)


def test_diverges_just_above_the_stability_bound(data):
    X, y = data
    lam = 1.0
    bound = max_stable_step(X, lam)
    w_r = ridge_closed_form(X, y, lam)
    stable = weight_decay_gd(X, y, lam, 0.99 * bound, 4000)
    unstable = weight_decay_gd(X, y, lam, 1.05 * bound, 400)
    assert np.linalg.norm(stable[-1] - w_r) < 1e-8
    assert np.linalg.norm(unstable[-1] - w_r) > 1e3 * np.linalg.norm(unstable[1] - w_r)


def test_max_stable_step_is_one_over_largest_eigenvalue_plus_lam(data):
    X, _ = data
    top = np.linalg.eigvalsh(X.T @ X).max()
    assert np.isclose(max_stable_step(X, 3.0), 1.0 / (top + 3.0))
    assert max_stable_step(np.zeros((3, 2)), 0.0) == np.inf
    assert max_stable_step(np.zeros((3, 2)), 2.0) == 0.5


def test_decay_factor_alone_when_data_carry_no_signal():
    # y = 0 and X = 0: the loss gradient vanishes and each step multiplies w by 1 - 2 eta lam
    W = weight_decay_gd(np.zeros((3, 2)), np.zeros(3), lam=0.5, eta=0.1, n_steps=3, w0=[1.0, -2.0])
    assert np.allclose(W[:, 0], 0.9 ** np.arange(4))
    assert np.allclose(W[:, 1], -2.0 * 0.9 ** np.arange(4))


def test_zero_steps_returns_the_start_and_default_start_is_zero(data):
    X, y = data
    W = weight_decay_gd(X, y, 1.0, 0.01, 0)
    assert W.shape == (1, 4) and np.all(W == 0)


@pytest.mark.parametrize(
    "kwargs, exc, match",
    [
        (dict(lam=-1.0), ValueError, "lam"),
        (dict(lam="1"), TypeError, "lam"),
        (dict(eta=0.0), ValueError, "eta"),
        (dict(eta=-0.1), ValueError, "eta"),
        (dict(eta=np.inf), ValueError, "eta"),
        (dict(eta=None), TypeError, "eta"),
        (dict(n_steps=-1), ValueError, "n_steps"),
        (dict(n_steps=2.0), TypeError, "n_steps"),
        (dict(w0=[1.0, 2.0]), ValueError, "w0"),
        (dict(w0=[np.nan, 0, 0, 0]), ValueError, "w0"),
        (dict(X=np.ones(25)), ValueError, "X must be a 2-D"),
        (dict(y=np.ones(24)), ValueError, "same number of samples"),
        (dict(y=np.full(25, np.inf)), ValueError, "finite"),
    ],
)
def test_bad_input_is_rejected(data, kwargs, exc, match):
    X, y = data
    args = dict(X=X, y=y, lam=1.0, eta=0.01, n_steps=5, w0=None)
    args.update(kwargs)
    with pytest.raises(exc, match=match):
        weight_decay_gd(**args)


def test_max_stable_step_bad_input():
    with pytest.raises(ValueError, match="lam"):
        max_stable_step(np.eye(2), -1.0)
    with pytest.raises(ValueError, match="X"):
        max_stable_step(np.ones(3), 1.0)
