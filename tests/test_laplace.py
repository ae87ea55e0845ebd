"""Tests for reglib.laplace: Laplace prior, lasso as MAP, closed-form 1-D posterior mean."""

import numpy as np
import pytest
from scipy import integrate, optimize, stats
from sklearn.linear_model import Lasso as SkLasso

from reglib.laplace import (
    laplace_lam,
    laplace_map,
    laplace_neg_log_posterior,
    laplace_posterior_mean_1d,
)


@pytest.fixture
def data():
    rng = np.random.default_rng(0)
    n, p = 25, 5
    X = rng.standard_normal((n, p))
    y = X @ np.array([2.0, -1.0, 0.0, 0.0, 0.4]) + 0.7 * rng.standard_normal(n)
    return X, y


def _map_by_scipy(X, y, noise_var, scale):
    """Minimize the negative log posterior with w = u - v, u, v >= 0 (smooth, bounded)."""
    p = X.shape[1]

    def f(z):
        u, v = z[:p], z[p:]
        r = y - X @ (u - v)
        g_w = -X.T @ r / noise_var
        val = r @ r / (2 * noise_var) + (u.sum() + v.sum()) / scale
        return val, np.concatenate([g_w + 1 / scale, -g_w + 1 / scale])

    res = optimize.minimize(
        f, np.zeros(2 * p), jac=True, method="L-BFGS-B", bounds=[(0, None)] * (2 * p),
        options={"ftol": 1e-15, "gtol": 1e-12, "maxiter": 10_000},
    )
    return res.x[:p] - res.x[p:]


def test_laplace_lam_formula():
    assert laplace_lam(1.0, 1.0) == 2.0
    assert laplace_lam(0.5, 0.25) == pytest.approx(4.0)
    assert laplace_lam(3, 2) == pytest.approx(3.0)


def test_neg_log_posterior_matches_scipy_densities(data):
    X, y = data
    w = np.array([0.3, -0.2, 0.0, 1.0, -0.5])
    noise_var, scale = 0.49, 0.8
    expected = -(
        stats.norm.logpdf(y, loc=X @ w, scale=np.sqrt(noise_var)).sum()
        + stats.laplace.logpdf(w, loc=0.0, scale=scale).sum()
    )
    got = laplace_neg_log_posterior(w, X, y, noise_var, scale)
    assert got == pytest.approx(expected, rel=1e-12)


def test_neg_log_posterior_vectorised_rows(data):
    X, y = data
    W = np.random.default_rng(1).standard_normal((4, X.shape[1]))
    rows = laplace_neg_log_posterior(W, X, y, 0.5, 2.0)
    assert rows.shape == (4,)
    for w, v in zip(W, rows):
        assert v == pytest.approx(laplace_neg_log_posterior(w, X, y, 0.5, 2.0), rel=1e-13)


def test_neg_log_posterior_is_scaled_lasso_objective(data):
    """2 sigma^2 * (negative log posterior) = lasso objective + constant, lam = 2 sigma^2 / b."""
    X, y = data
    noise_var, scale = 0.3, 0.6
    lam = laplace_lam(noise_var, scale)
    rng = np.random.default_rng(2)
    diffs = []
    for _ in range(5):
        w = rng.standard_normal(X.shape[1])
        lasso_obj = np.sum((y - X @ w) ** 2) + lam * np.sum(np.abs(w))
        nlp = laplace_neg_log_posterior(w, X, y, noise_var, scale)
        diffs.append(2 * noise_var * nlp - lasso_obj)
    assert np.ptp(diffs) < 1e-10  # the same constant for every w


@pytest.mark.parametrize("noise_var, scale", [(0.49, 0.5), (1.0, 0.05), (0.1, 5.0)])
def test_map_equals_direct_minimization_and_sklearn(data, noise_var, scale):
    X, y = data
    w_map = laplace_map(X, y, noise_var, scale)
    w_opt = _map_by_scipy(X, y, noise_var, scale)
    np.testing.assert_allclose(w_map, w_opt, atol=1e-6)
    lam = 2 * noise_var / scale
    sk = SkLasso(alpha=lam / (2 * len(y)), fit_intercept=False, tol=1e-14, max_iter=100_000)
    sk.fit(X, y)
    np.testing.assert_allclose(w_map, sk.coef_, atol=1e-7)
    # and no other point has a lower negative log posterior
    f_map = laplace_neg_log_posterior(w_map, X, y, noise_var, scale)
    assert f_map <= laplace_neg_log_posterior(w_opt, X, y, noise_var, scale) + 1e-9


def test_map_is_sparse_for_strong_prior(data):
    X, y = data
    w = laplace_map(X, y, 0.49, 0.1)
    assert np.sum(w == 0.0) >= 2


def _quad_mean(m, s2, b):
    f = lambda w: np.exp(-((w - m) ** 2) / (2 * s2) - abs(w) / b)  # noqa: E731
    lo, hi = min(m, 0) - 30 * np.sqrt(s2) - 30 * b, max(m, 0) + 30 * np.sqrt(s2) + 30 * b
    pts = sorted({0.0, float(m)})
    z = integrate.quad(f, lo, hi, points=pts, limit=400, epsabs=0, epsrel=1e-12)[0]
    mw = integrate.quad(
        lambda w: w * f(w), lo, hi, points=pts, limit=400, epsabs=0, epsrel=1e-12
    )[0]
    return mw / z


@pytest.mark.parametrize(
    "m, s2, b",
    [(0.3, 1.0, 1.0), (-2.0, 0.5, 0.2), (5.0, 1.0, 0.1), (1e-3, 0.01, 5.0), (-4.0, 2.0, 3.0),
     (0.8, 0.3, 0.05)],
)
def test_posterior_mean_1d_matches_quadrature(m, s2, b):
    expected = _quad_mean(m, s2, b)
    assert laplace_posterior_mean_1d(m, s2, b) == pytest.approx(expected, rel=1e-8, abs=1e-12)


def test_posterior_mean_1d_properties():
    m = np.linspace(-3, 3, 61)
    pm = laplace_posterior_mean_1d(m, 1.0, 0.5)
    assert pm.shape == m.shape
    np.testing.assert_allclose(pm, -pm[::-1], atol=1e-12)  # odd
    assert np.all(np.diff(pm) > 0)  # increasing
    assert np.all(np.abs(pm) <= np.abs(m) + 1e-15)  # shrinks
    nonzero = m != 0
    assert np.all(pm[nonzero] != 0)  # never exactly zero...
    soft = np.sign(m) * np.maximum(np.abs(m) - 1.0 / 0.5, 0)  # ...unlike the MAP (soft threshold)
    assert np.sum(soft == 0) > 20
    # a very wide prior leaves the likelihood mean almost untouched
    np.testing.assert_allclose(laplace_posterior_mean_1d(m, 1.0, 1e6), m, atol=1e-5)
    assert isinstance(laplace_posterior_mean_1d(1.0, 1.0, 1.0), float)


def test_posterior_mean_1d_extreme_tails_are_finite():
    pm = laplace_posterior_mean_1d(np.array([200.0, -200.0, 50.0]), 1.0, 0.01)
    assert np.all(np.isfinite(pm))
    assert pm[0] == pytest.approx(200.0 - 100.0, rel=1e-6)  # far tail: shift by s^2 / b
    assert pm[1] == pytest.approx(-100.0, rel=1e-6)


@pytest.mark.parametrize(
    "args, exc",
    [
        ((0.0, 1.0), ValueError),
        ((1.0, -1.0), ValueError),
        (("1", 1.0), TypeError),
        ((1.0, float("nan")), ValueError),
        ((True, 1.0), TypeError),
    ],
)
def test_laplace_lam_bad_input(args, exc):
    with pytest.raises(exc):
        laplace_lam(*args)


def test_neg_log_posterior_bad_input(data):
    X, y = data
    w = np.zeros(X.shape[1])
    with pytest.raises(ValueError, match="w"):
        laplace_neg_log_posterior(np.zeros(3), X, y, 1.0, 1.0)
    with pytest.raises(ValueError, match="w"):
        laplace_neg_log_posterior(np.zeros((2, 2, X.shape[1])), X, y, 1.0, 1.0)
    with pytest.raises(ValueError, match="same number of samples"):
        laplace_neg_log_posterior(w, X, y[:-1], 1.0, 1.0)
    with pytest.raises(ValueError, match="noise_var"):
        laplace_neg_log_posterior(w, X, y, -1.0, 1.0)
    with pytest.raises(ValueError, match="scale"):
        laplace_neg_log_posterior(w, X, y, 1.0, 0.0)
    bad = X.copy()
    bad[0, 0] = np.nan
    with pytest.raises(ValueError, match="X"):
        laplace_neg_log_posterior(w, bad, y, 1.0, 1.0)


def test_map_and_mean_bad_input(data):
    X, y = data
    with pytest.raises(ValueError, match="X"):
        laplace_map(y, y, 1.0, 1.0)
    with pytest.raises(ValueError, match="scale"):
        laplace_map(X, y, 1.0, -2.0)
    with pytest.raises(ValueError, match="lik_var"):
        laplace_posterior_mean_1d(1.0, 0.0, 1.0)
    with pytest.raises(ValueError, match="m"):
        laplace_posterior_mean_1d([1.0, np.inf], 1.0, 1.0)
    with pytest.raises(TypeError, match="m"):
        laplace_posterior_mean_1d("a", 1.0, 1.0)
