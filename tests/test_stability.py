"""Tests for reglib.stability: ridge coefficients across noise resamples."""

import numpy as np
import pytest
from sklearn.linear_model import Ridge as SkRidge

from reglib.stability import resample_coefs, ridge_coef_moments


@pytest.fixture
def design():
    rng = np.random.default_rng(0)
    n, rho = 40, 0.95
    z = rng.standard_normal((n, 2))
    X = np.column_stack([z[:, 0], rho * z[:, 0] + np.sqrt(1 - rho**2) * z[:, 1]])
    X -= X.mean(axis=0)
    w = np.array([1.0, 2.0])
    return X, w


def test_each_resample_is_the_ridge_solution(design):
    """Rebuild each draw of y from the same generator and refit with scikit-learn."""
    X, w = design
    lams = [0.0, 0.5, 10.0]
    coefs = resample_coefs(X, w, 0.7, lams, 5, np.random.default_rng(3))
    assert coefs.shape == (3, 5, 2)
    Y = (X @ w)[:, None] + 0.7 * np.random.default_rng(3).standard_normal((X.shape[0], 5))
    for li, lam in enumerate(lams):
        for k in range(5):
            if lam == 0:
                ref = np.linalg.lstsq(X, Y[:, k], rcond=None)[0]
            else:
                ref = SkRidge(alpha=lam, fit_intercept=False).fit(X, Y[:, k]).coef_
            np.testing.assert_allclose(coefs[li, k], ref, rtol=1e-8, atol=1e-10)


def test_scalar_lam_drops_axis(design):
    X, w = design
    c = resample_coefs(X, w, 1.0, 2.0, 4, np.random.default_rng(0))
    assert c.shape == (4, 2)


@pytest.mark.parametrize("lam", [0.0, 3.0])
def test_moments_match_monte_carlo(design, lam):
    X, w = design
    sd = 0.8
    coefs = resample_coefs(X, w, sd, lam, 20000, np.random.default_rng(7))
    mean, cov = ridge_coef_moments(X, w, sd**2, lam)
    # Monte Carlo standard error of the mean is sqrt(diag(cov) / K); allow 5 of them
    se = np.sqrt(np.diag(cov) / coefs.shape[0])
    assert np.all(np.abs(coefs.mean(axis=0) - mean) < 5 * se)
    np.testing.assert_allclose(np.cov(coefs.T), cov, rtol=0.05)


def test_moments_closed_form(design):
    X, w = design
    lam, s2 = 1.3, 0.4
    A = np.linalg.solve(X.T @ X + lam * np.eye(2), X.T)
    mean, cov = ridge_coef_moments(X, w, s2, lam)
    np.testing.assert_allclose(mean, A @ X @ w)
    np.testing.assert_allclose(cov, s2 * A @ A.T)


def test_ols_is_unbiased_with_large_variance_and_ridge_caps_it(design):
    X, w = design
    mean0, cov0 = ridge_coef_moments(X, w, 1.0, 0.0)
    np.testing.assert_allclose(mean0, w)
    np.testing.assert_allclose(cov0, np.linalg.inv(X.T @ X))
    lam = 5.0
    _, cov = ridge_coef_moments(X, w, 1.0, lam)
    assert np.linalg.eigvalsh(cov).max() <= 1.0 / (4 * lam) + 1e-12
    assert np.trace(cov) < np.trace(cov0)


@pytest.mark.parametrize(
    "kwargs, exc, word",
    [
        (dict(noise_sd=0.0), ValueError, "noise_sd"),
        (dict(noise_sd="1"), TypeError, "noise_sd"),
        (dict(lams=-1.0), ValueError, "lams"),
        (dict(n_resamples=1), ValueError, "n_resamples"),
        (dict(n_resamples=2.5), TypeError, "n_resamples"),
        (dict(rng=0), TypeError, "rng"),
        (dict(w=np.ones(3)), ValueError, "w"),
        (dict(w=[1.0, np.nan]), ValueError, "w"),
        (dict(X=np.ones(4)), ValueError, "X"),
    ],
)
def test_resample_coefs_bad_input(design, kwargs, exc, word):
    X, w = design
    args = dict(X=X, w=w, noise_sd=1.0, lams=[0.0, 1.0], n_resamples=10, rng=np.random.default_rng(0))
    args.update(kwargs)
    with pytest.raises(exc, match=word):
        resample_coefs(**args)


@pytest.mark.parametrize(
    "kwargs, exc, word",
    [(dict(noise_var=-1.0), ValueError, "noise_var"), (dict(lam=[1.0]), TypeError, "lam"),
     (dict(lam=-2.0), ValueError, "lam"), (dict(w=[1.0]), ValueError, "w")],
)
def test_moments_bad_input(design, kwargs, exc, word):
    X, w = design
    args = dict(X=X, w=w, noise_var=1.0, lam=1.0)
    args.update(kwargs)
    with pytest.raises(exc, match=word):
        ridge_coef_moments(**args)
