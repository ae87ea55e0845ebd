"""Tests for reglib.double_descent against direct fits and a Monte Carlo test error."""

import numpy as np
import pytest

import reglib
from reglib.double_descent import double_descent

PS = np.array([10, 20, 30, 36, 40, 44, 60, 80, 120])
LAMS = np.geomspace(1e-2, 1e3, 8)


def test_reproducible_for_a_seed():
    a = double_descent(40, PS, LAMS, np.random.default_rng(7), n_reps=3)
    b = double_descent(40, PS, LAMS, np.random.default_rng(7), n_reps=3)
    c = double_descent(40, PS, LAMS, np.random.default_rng(8), n_reps=3)
    assert np.array_equal(a.min_norm_risk, b.min_norm_risk)
    assert np.array_equal(a.ridge_risk, b.ridge_risk)
    assert not np.allclose(a.min_norm_risk, c.min_norm_risk)


def test_risks_against_direct_fits_and_a_test_set():
    rng = np.random.default_rng(3)
    dd = double_descent(40, PS, LAMS, np.random.default_rng(3), n_reps=1, noise=0.2)
    # redraw the same data with the same generator calls
    X = rng.standard_normal((40, 120))
    beta = rng.standard_normal(120)
    beta /= np.linalg.norm(beta)
    y = X @ beta + 0.2 * rng.standard_normal(40)
    Xt = np.random.default_rng(99).standard_normal((100_000, 120))
    yt = Xt @ beta + 0.2 * np.random.default_rng(98).standard_normal(100_000)
    for i, p in enumerate(PS):
        w = np.zeros(120)
        w[:p] = np.linalg.pinv(X[:, :p]) @ y
        assert dd.min_norm_risk[0, i] == pytest.approx(np.sum((beta - w) ** 2) + 0.04)
        mc = np.mean((yt - Xt @ w) ** 2)  # Monte Carlo test error
        assert mc == pytest.approx(dd.min_norm_risk[0, i], rel=0.03)
        for j in (0, 4, 7):
            wr = np.zeros(120)
            wr[:p] = reglib.ridge(X[:, :p], y, LAMS[j])
            assert dd.ridge_risk[0, i, j] == pytest.approx(np.sum((beta - wr) ** 2) + 0.04)


def test_peak_at_p_equals_n_and_tuned_ridge_removes_it():
    dd = double_descent(40, PS, LAMS, np.random.default_rng(0), n_reps=10, noise=0.2)
    assert PS[np.argmax(dd.mean_min_norm)] == 40
    assert np.all(dd.tuned_ridge <= dd.mean_min_norm + 1e-12)
    assert dd.tuned_ridge[PS == 40][0] < dd.null_risk
    assert np.allclose(dd.ratios, PS / 40)
    assert dd.tuned_lam.shape == PS.shape


def test_bad_inputs():
    rng = np.random.default_rng(0)
    with pytest.raises(ValueError, match="ps must"):
        double_descent(10, [0, 5], LAMS, rng)
    with pytest.raises(ValueError, match="ps must"):
        double_descent(10, [5, 50], LAMS, rng, n_features=20)
    with pytest.raises(TypeError, match="ps must"):
        double_descent(10, [2.5], LAMS, rng)
    with pytest.raises(ValueError, match="lams"):
        double_descent(10, [5], [0.0, 1.0], rng)
    with pytest.raises(TypeError, match="rng"):
        double_descent(10, [5], LAMS, 3)
    with pytest.raises(ValueError, match="noise"):
        double_descent(10, [5], LAMS, rng, noise=0)
    with pytest.raises(ValueError, match="n_train"):
        double_descent(1, [1], LAMS, rng)
