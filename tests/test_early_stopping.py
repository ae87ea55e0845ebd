"""Tests for reglib.early_stopping: the closed forms against literally running gradient descent."""

import warnings
import numpy as np
import pytest

import reglib
from reglib.early_stopping import gd_filter_factors, gd_path, matched_lam, patience_stop


def problem(n=30, p=6, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, p)) * np.geomspace(2.0, 0.1, p)
    return X, X @ rng.normal(size=p) + 0.3 * rng.normal(size=n)


def run_gd(X, y, eta, n_steps):
    w, out = np.zeros(X.shape[1]), [np.zeros(X.shape[1])]
    for _ in range(n_steps):
        w = w + 2 * eta * X.T @ (y - X @ w)
        out.append(w.copy())
    return np.array(out)


@pytest.mark.parametrize("shape", [(30, 6), (8, 20)])
@pytest.mark.parametrize("frac", [0.1, 0.45, 0.9])
def test_path_equals_running_gradient_descent(shape, frac):
    X, y = problem(*shape)
    eta = frac / np.linalg.norm(X, 2) ** 2
    W = run_gd(X, y, eta, 60)
    ks = np.arange(61)
    assert np.allclose(gd_path(X, y, eta, ks), W, atol=1e-10)
    assert np.allclose(gd_path(X, y, eta, 17), W[17], atol=1e-10)
    # and the weight-decay routine with lam = 0
    assert np.allclose(reglib.weight_decay_gd(X, y, 0.0, eta, 60), W, atol=1e-10)


def test_filter_factors_give_the_fitted_values():
    X, y = problem()
    eta = 0.3 / np.linalg.norm(X, 2) ** 2
    U, d, Vt = np.linalg.svd(X, full_matrices=False)
    ks = [0, 1, 5, 40, 1000]
    g = gd_filter_factors(X, eta, ks)
    W = run_gd(X, y, eta, 1000)
    for row, k in zip(g, ks):
        assert np.allclose(X @ W[k], U @ (row * (U.T @ y)), atol=1e-9)
        assert np.allclose(row, 1 - (1 - 2 * eta * d**2) ** k)
    assert np.all(g[0] == 0)
    assert gd_filter_factors(X, eta, 5).shape == (6,)


def test_zero_singular_values_are_not_moved():
    X = np.zeros((4, 3))
    X[:, 0] = [1.0, 2.0, 0.0, 1.0]
    g = gd_filter_factors(X, 0.05, [3])
    assert g[0, 0] > 0 and np.all(g[0, 1:] == 0)
    assert np.allclose(gd_path(X, np.ones(4), 0.05, 500), reglib.min_norm(X, np.ones(4)))


def test_matched_lam_and_the_flow_limit():
    assert matched_lam(0.01, 50) == pytest.approx(1.0)
    # small steps: the GD factor tends to 1 - exp(-d^2 / lam), next to ridge's
    X, _ = problem()
    d2 = np.linalg.svd(X, compute_uv=False) ** 2
    eta, k = 1e-5, 20000
    lam = matched_lam(eta, k)
    assert np.allclose(gd_filter_factors(X, eta, k), 1 - np.exp(-d2 / lam), atol=1e-3)
    ridge = reglib.shrinkage_factors(X, lam)
    assert np.max(np.abs(gd_filter_factors(X, eta, k) - ridge)) < 0.21


@pytest.mark.parametrize("errors, patience, expected", [
    ([5, 4, 3, 3.5, 3.6, 3.7, 1.0], 3, (2, 5)),
    ([5, 4, 3, 3.5, 3.6, 2.0, 1.0], 3, (6, 6)),
    ([1, 2, 3], 1, (0, 1)),
    ([3.0], 2, (0, 0)),
    ([2, 2, 2, 2], 2, (0, 2)),
])
def test_patience_stop(errors, patience, expected):
    assert patience_stop(errors, patience) == expected


def test_patience_stop_brute_force():
    rng = np.random.default_rng(1)
    for _ in range(200):
        e = rng.integers(0, 6, size=rng.integers(1, 15)).astype(float)
        pat = int(rng.integers(1, 5))
        best, stop = patience_stop(e, pat)
        # stop: first i with i - argmin(e[:i+1]) >= pat
        firsts = [i for i in range(len(e)) if i - int(np.argmin(e[:i + 1])) >= pat]
        assert stop == (firsts[0] if firsts else len(e) - 1)
        assert best == int(np.argmin(e[:stop + 1]))


def test_bad_inputs():
    X, y = problem()
    with pytest.raises(ValueError, match="eta"):
        gd_filter_factors(X, 0.0, 3)
    with pytest.raises(TypeError, match="eta"):
        gd_path(X, y, "0.1", 3)
    with pytest.raises(ValueError, match="ks"):
        gd_filter_factors(X, 0.1, [-1, 2])
    with pytest.raises(TypeError, match="ks"):
        gd_filter_factors(X, 0.1, [0.5, 2])
    with pytest.raises(TypeError, match="ks"):
        gd_path(X, y, 0.1, True)
    with pytest.raises(ValueError, match="ks"):
        gd_path(X, y, 0.1, [])
    with pytest.raises(ValueError, match="same number"):
        gd_path(X, y[:-1], 0.1, 3)
    with pytest.raises(ValueError, match="k must"):
        matched_lam(0.1, 0)
    with pytest.raises(TypeError, match="k must"):
        matched_lam(0.1, 2.5)
    with pytest.raises(ValueError, match="patience"):
        patience_stop([1.0, 2.0], 0)
    with pytest.raises(ValueError, match="errors"):
        patience_stop([1.0, np.nan], 2)


def test_diverging_step_warns():
    X, y = problem()
    d1 = np.linalg.svd(X, compute_uv=False)[0]
    with pytest.warns(RuntimeWarning, match="diverges"):
        gd_path(X, y, 1.5 / d1**2, 50)
    with pytest.warns(RuntimeWarning, match="does not converge"):
        gd_filter_factors(X, 1.5 / d1**2, 50)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a converging step is silent
        gd_path(X, y, 0.9 / d1**2, 50)
        gd_filter_factors(X, 0.9 / d1**2, 50)


def test_scalar_float_steps():
    X, y = problem()
    eta = 0.4 / np.linalg.svd(X, compute_uv=False)[0] ** 2
    assert np.allclose(gd_path(X, y, eta, 2.0), gd_path(X, y, eta, 2))
    assert np.allclose(gd_filter_factors(X, eta, 2.0), gd_filter_factors(X, eta, 2))
    with pytest.raises(TypeError, match="ks"):
        gd_path(X, y, eta, 2.5)
    with pytest.raises(ValueError, match="ks"):
        gd_path(X, y, eta, -2.0)


def test_zero_singular_values_handled_alike():
    # duplicated column: one singular value is zero up to rounding; both functions give
    # it factor 0, and gd_path's iterate agrees with the factors
    X, y = problem()
    X = np.column_stack([X, X[:, 0]])
    U, d, Vt = np.linalg.svd(X, full_matrices=False)
    eta = 0.4 / d[0] ** 2
    g = gd_filter_factors(X, eta, 500)
    assert d[-1] > 0 and g[-1] == 0.0 and np.all(g[:-1] > 0)
    keep = g > 0
    w = Vt[keep].T @ (g[keep] * (U.T @ y)[keep] / d[keep])
    assert np.allclose(gd_path(X, y, eta, 500), w, atol=1e-12)
