"""Tests of reglib.bayes.posterior against independent closed forms."""

import warnings

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import reglib


def conditioning_reference(X, y, noise_var, prior_var):
    """Posterior by Gaussian conditioning of the joint (w, y), solving in data space.

    Cov(w, y) = prior_var X^T, Cov(y) = prior_var X X^T + noise_var I, so
    m = prior_var X^T K^{-1} y and S = prior_var I - prior_var^2 X^T K^{-1} X.
    """
    n, p = X.shape
    K = prior_var * X @ X.T + noise_var * np.eye(n)
    mean = prior_var * X.T @ np.linalg.solve(K, y)
    cov = prior_var * np.eye(p) - prior_var**2 * X.T @ np.linalg.solve(K, X)
    return mean, cov


@pytest.mark.parametrize("noise_var, prior_var", [(1.0, 1.0), (0.25, 4.0), (9.0, 0.1)])
def test_posterior_mean_is_ridge(problem, noise_var, prior_var):
    X, y = problem
    mean, _ = reglib.posterior(X, y, noise_var, prior_var)
    assert np.allclose(mean, reglib.ridge(X, y, noise_var / prior_var), rtol=1e-10, atol=1e-12)


def test_posterior_covariance_closed_form(problem):
    X, y = problem
    s2, t2 = 0.5, 2.0
    mean, cov = reglib.posterior(X, y, s2, t2)
    lam = s2 / t2
    precision = X.T @ X / s2 + np.eye(X.shape[1]) / t2
    assert np.allclose(cov @ precision, np.eye(X.shape[1]), atol=1e-10)
    assert np.allclose(cov, s2 * np.linalg.solve(X.T @ X + lam * np.eye(X.shape[1]), np.eye(X.shape[1])))
    assert np.allclose(mean, cov @ X.T @ y / s2)
    assert np.array_equal(cov, cov.T)
    assert np.all(np.linalg.eigvalsh(cov) > 0)


def test_posterior_n_less_than_p_matches_conditioning(rng):
    X = rng.standard_normal((3, 7))
    y = rng.standard_normal(3)
    mean, cov = reglib.posterior(X, y, 0.3, 1.7)
    ref_mean, ref_cov = conditioning_reference(X, y, 0.3, 1.7)
    assert np.allclose(mean, ref_mean) and np.allclose(cov, ref_cov)
    # directions the data do not see keep the prior variance
    null = np.linalg.svd(X)[2][-1]
    assert np.isclose(null @ cov @ null, 1.7)


def test_posterior_limits(problem):
    X, y = problem
    # a very wide prior: the mean tends to least squares
    mean, cov = reglib.posterior(X, y, 1.0, 1e10)
    assert np.allclose(mean, np.linalg.lstsq(X, y, rcond=None)[0], atol=1e-6)
    # a very narrow prior: mean ~ 0 and covariance ~ prior_var I
    mean, cov = reglib.posterior(X, y, 1.0, 1e-10)
    assert np.allclose(mean, 0.0, atol=1e-8)
    assert np.allclose(cov, 1e-10 * np.eye(X.shape[1]), rtol=1e-6, atol=1e-16)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    n=st.integers(1, 10),
    p=st.integers(1, 8),
    seed=st.integers(0, 2**32 - 1),
    noise_var=st.floats(1e-2, 1e2),
    prior_var=st.floats(1e-2, 1e2),
)
def test_posterior_property_matches_conditioning(n, p, seed, noise_var, prior_var):
    g = np.random.default_rng(seed)
    X = g.standard_normal((n, p))
    if p > 1:
        X[:, -1] = X[:, 0] + 1e-6 * g.standard_normal(n)  # near-collinear
    y = g.standard_normal(n)
    mean, cov = reglib.posterior(X, y, noise_var, prior_var)
    ref_mean, ref_cov = conditioning_reference(X, y, noise_var, prior_var)
    assert mean.shape == (p,) and cov.shape == (p, p)
    assert np.allclose(mean, ref_mean, rtol=1e-6, atol=1e-8 * (1 + np.abs(ref_mean).max()))
    assert np.allclose(cov, ref_cov, rtol=1e-6, atol=1e-8 * prior_var)


@pytest.mark.parametrize(
    "kwargs, exc, msg",
    [
        (dict(noise_var=0.0), ValueError, r"noise_var must be a positive finite real number, got 0.0"),
        (dict(noise_var=-1.0), ValueError, r"noise_var must be a positive"),
        (dict(prior_var=0.0), ValueError, r"prior_var must be a positive finite real number, got 0.0"),
        (dict(prior_var=-2.0), ValueError, r"prior_var must be a positive"),
        (dict(prior_var=np.inf), ValueError, r"prior_var must be a positive"),
        (dict(noise_var=np.nan), ValueError, r"noise_var must be a positive"),
        (dict(noise_var="1"), TypeError, r"noise_var must be a positive finite real number, got '1'"),
        (dict(prior_var=None), TypeError, r"prior_var must be a positive .*None"),
        (dict(prior_var=True), TypeError, r"prior_var must be .*bool"),
        (dict(X=np.ones(3)), ValueError, r"X must be a 2-D array"),
        (dict(y=np.ones(4)), ValueError, r"X and y must have the same number of samples"),
        (dict(y=np.array([1.0, np.nan, 1.0])), ValueError, r"y must contain only finite"),
    ],
)
def test_posterior_rejects(kwargs, exc, msg):
    args = dict(X=np.ones((3, 2)), y=np.ones(3), noise_var=1.0, prior_var=1.0)
    args.update(kwargs)
    with pytest.raises(exc, match=msg):
        reglib.posterior(**args)


# ------------------------------------------------------------------ issue 20: extreme scales
def test_posterior_tiny_prior_var_is_not_zero():
    """prior_var = 1e-309 (noise_var / prior_var overflows): the covariance is ~prior_var."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        mean, cov = reglib.posterior(np.eye(2), [1.0, 1.0], 1.0, 1e-309)
    assert np.allclose(np.diag(cov), 1e-309, rtol=1e-6, atol=0) and cov[0, 1] == 0.0
    assert np.allclose(mean, 1e-309, rtol=1e-6, atol=0)


@pytest.mark.parametrize("scale, prior_var", [(1e160, 2e-300), (1e-170, 2e300)])
def test_posterior_extreme_scales(problem, scale, prior_var):
    """X scaled by 1e160 used to give an all-zero mean with overflow warnings."""
    X, y = problem
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        mean, cov = reglib.posterior(scale * X, y, 1.0, prior_var)
    ref_mean, ref_cov = reglib.posterior(X, y, 1.0, prior_var * scale * scale)
    assert np.allclose(mean * scale, ref_mean, rtol=1e-9, atol=0)
    if scale < 1:  # (at 1e160 the covariance, ~1e-320, is subnormal: few digits left)
        assert np.allclose(cov * scale * scale, ref_cov, rtol=1e-9, atol=1e-12 * np.abs(ref_cov).max())


def test_posterior_out_of_range_raises_value_error():
    with pytest.raises(ValueError, match="outside the range of float64"):
        reglib.posterior(1e-300 * np.eye(2), [1e10, 1e10], 1e-300, 1e300)  # mean ~ 1e310
