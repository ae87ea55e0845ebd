"""Tests of reglib.penalties: cost, l1, l2 and soft thresholding."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reglib


def test_l1_l2_by_hand():
    w = [3.0, -4.0, 0.0]
    assert reglib.l1(w) == 7.0
    assert reglib.l2(w) == 25.0  # the squared norm
    assert reglib.l2([2.0]) == 4.0


def test_cost_matches_definition(problem, rng):
    X, y = problem
    w = rng.standard_normal(X.shape[1])
    loss = float(np.sum((y - X @ w) ** 2))
    assert np.isclose(reglib.cost(X, y, w), loss + 0.0)
    assert np.isclose(reglib.cost(X, y, w, lam=2.5), loss + 2.5 * np.sum(w**2))
    assert np.isclose(reglib.cost(X, y, w, lam=2.5, penalty="l1"), loss + 2.5 * np.sum(np.abs(w)))
    assert np.isclose(reglib.cost(X, y, w, lam=7.0, penalty=None), loss)


def test_cost_is_minimized_by_ridge_and_lasso(problem, rng):
    X, y = problem
    for penalty, solver in [("l2", reglib.ridge), ("l1", reglib.lasso)]:
        w_hat = solver(X, y, 5.0)
        best = reglib.cost(X, y, w_hat, 5.0, penalty)
        for _ in range(20):
            w = w_hat + 0.01 * rng.standard_normal(w_hat.shape)
            assert reglib.cost(X, y, w, 5.0, penalty) >= best


@pytest.mark.parametrize(
    "kwargs, exc, msg",
    [
        (dict(lam=-1.0), ValueError, r"lam must be a non-negative"),
        (dict(lam="big"), TypeError, r"lam must be a non-negative finite real number"),
        (dict(penalty="l3"), ValueError, r"penalty must be one of 'l2', 'l1', None; got 'l3'"),
        (dict(w=np.ones(3)), ValueError, r"w must have one entry per column of X \(2\), got 3"),
        (dict(w=np.array([np.nan, 1.0])), ValueError, r"w must contain only finite"),
        (dict(X=np.ones(4)), ValueError, r"X must be a 2-D array"),
        (dict(y=np.ones(3)), ValueError, r"X and y must have the same number of samples"),
        (dict(y=np.array([1.0, np.inf, 0.0, 0.0])), ValueError, r"y must contain only finite"),
    ],
)
def test_cost_rejects(kwargs, exc, msg):
    args = dict(X=np.ones((4, 2)), y=np.ones(4), w=np.ones(2), lam=1.0, penalty="l2")
    args.update(kwargs)
    with pytest.raises(exc, match=msg):
        reglib.cost(**args)


def test_penalties_reject_bad_w():
    with pytest.raises(ValueError, match=r"w must be a 1-D array"):
        reglib.l1(np.ones((2, 2)))
    with pytest.raises(ValueError, match=r"w must contain only finite"):
        reglib.l2([np.nan])
    with pytest.raises(ValueError, match=r"w must not be empty"):
        reglib.l2([])


# --------------------------------------------------------------- soft threshold
def test_soft_threshold_values():
    z = np.array([-3.0, -1.0, -0.5, 0.0, 0.5, 1.0, 3.0])
    expected = np.array([-2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 2.0])
    assert np.array_equal(reglib.soft_threshold(z, 1.0), expected)
    assert reglib.soft_threshold(2.5, 1.0) == 1.5
    assert isinstance(reglib.soft_threshold(2.5, 1.0), float)
    assert np.array_equal(reglib.soft_threshold(z, 0.0), z)  # t = 0: identity


def test_soft_threshold_broadcasts_thresholds():
    out = reglib.soft_threshold(np.array([[2.0, -2.0], [4.0, 0.5]]), np.array([1.0, 3.0]))
    assert np.array_equal(out, np.array([[1.0, 0.0], [3.0, 0.0]]))
    with pytest.raises(ValueError, match=r"z and t must be broadcastable"):
        reglib.soft_threshold(np.ones(3), np.ones(2))


@settings(max_examples=60, deadline=None)
@given(z=st.floats(-10, 10), t=st.floats(0, 5))
def test_soft_threshold_is_the_proximal_minimizer(z, t):
    """S(z, t) minimizes (u - z)^2 + 2 t |u| (checked against a fine grid and by optimality)."""
    u = reglib.soft_threshold(z, t)
    f = lambda v: (v - z) ** 2 + 2 * t * np.abs(v)  # noqa: E731
    grid = np.linspace(-12, 12, 24001)
    assert f(u) <= f(grid).min() + 1e-9
    # subgradient condition: 0 in 2(u - z) + 2 t d|u|
    if u != 0:
        assert np.isclose(u - z + t * np.sign(u), 0.0, atol=1e-12)
    else:
        assert abs(z) <= t + 1e-12


@pytest.mark.parametrize(
    "z, t, exc, msg",
    [
        (1.0, -0.5, ValueError, r"t must be a non-negative"),
        (1.0, np.array([1.0, -1.0]), ValueError, r"t must be non-negative"),
        (np.array([np.nan]), 1.0, ValueError, r"z must contain only finite"),
        ("x", 1.0, TypeError, r"z must be an array of real numbers"),
        (1.0, "x", TypeError, r"t must be a non-negative finite real number"),
        (1.0, np.inf, ValueError, r"t must be a non-negative finite real number"),
    ],
)
def test_soft_threshold_rejects(z, t, exc, msg):
    with pytest.raises(exc, match=msg):
        reglib.soft_threshold(z, t)


def test_soft_threshold_never_returns_negative_zero():
    """Issue 20, item 6: soft_threshold(-0.5, 1.0) was -0.0."""
    out = reglib.soft_threshold(-0.5, 1.0)
    assert out == 0.0 and not np.signbit(out)
    arr = reglib.soft_threshold(np.array([-2.0, -0.5, 0.5, -0.0]), 1.0)
    assert arr.tolist() == [-1.0, 0.0, 0.0, 0.0] and not np.any(np.signbit(arr[1:]))
