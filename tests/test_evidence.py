"""reglib.evidence against a dense Gaussian density, quadrature, and scikit-learn."""

import numpy as np
import pytest
from scipy import integrate
from scipy.optimize import minimize
from scipy.stats import multivariate_normal
from sklearn.linear_model import BayesianRidge

from reglib import log_evidence, max_evidence


@pytest.mark.parametrize("n,p", [(20, 4), (6, 10), (1, 3), (15, 1)])
def test_log_evidence_matches_the_dense_gaussian(rng, n, p):
    X = rng.standard_normal((n, p))
    y = X @ rng.standard_normal(p) + 0.5 * rng.standard_normal(n)
    for s2, t2 in [(0.25, 1.0), (2.0, 0.01), (1e-3, 30.0)]:
        C = s2 * np.eye(n) + t2 * X @ X.T
        expected = multivariate_normal(np.zeros(n), C).logpdf(y)
        assert log_evidence(X, y, s2, t2) == pytest.approx(expected, rel=1e-10, abs=1e-8)


def test_log_evidence_of_one_weight_by_quadrature(rng):
    x = rng.standard_normal(7)
    y = 1.3 * x + 0.4 * rng.standard_normal(7)
    s2, t2 = 0.16, 2.0

    def integrand(w):  # p(y | w) p(w)
        like = np.exp(-np.sum((y - w * x) ** 2) / (2 * s2)) / (2 * np.pi * s2) ** (len(y) / 2)
        return like * np.exp(-w**2 / (2 * t2)) / np.sqrt(2 * np.pi * t2)

    value, _ = integrate.quad(integrand, -20, 20, epsabs=0, epsrel=1e-12, limit=200)
    assert log_evidence(x[:, None], y, s2, t2) == pytest.approx(np.log(value), rel=1e-9)


def test_log_evidence_broadcasts_over_variances(problem):
    X, y = problem
    t2 = np.geomspace(1e-3, 1e3, 7)
    curve = log_evidence(X, y, 0.3, t2)
    assert curve.shape == (7,)
    assert np.allclose(curve, [log_evidence(X, y, 0.3, t) for t in t2], rtol=1e-12)
    grid = log_evidence(X, y, np.array([0.1, 1.0])[:, None], t2)
    assert grid.shape == (2, 7)


def test_max_evidence_matches_bayesian_ridge_and_a_direct_search(problem):
    X, y = problem
    s2, t2 = max_evidence(X, y)
    br = BayesianRidge(fit_intercept=False, alpha_1=0, alpha_2=0, lambda_1=0, lambda_2=0,
                       tol=1e-14, max_iter=100000).fit(X, y)
    assert s2 == pytest.approx(1 / br.alpha_, rel=1e-6)
    assert t2 == pytest.approx(1 / br.lambda_, rel=1e-6)
    res = minimize(lambda z: -log_evidence(X, y, np.exp(z[0]), np.exp(z[1])), [0.0, 0.0],
                   method="Nelder-Mead", options={"xatol": 1e-10, "fatol": 1e-13,
                                                   "maxiter": 10000})
    assert np.allclose(np.exp(res.x), [s2, t2], rtol=1e-5)
    assert log_evidence(X, y, s2, t2) >= -res.fun - 1e-9


def test_max_evidence_rejects_an_exact_fit(rng):
    X = rng.standard_normal((10, 3))         # y exactly in the span of X: no noise at all
    with pytest.raises(ValueError, match="fitted exactly|converge"):
        max_evidence(X, X @ np.array([1.0, -2.0, 0.5]))
    with pytest.raises(ValueError, match="all zeros"):
        max_evidence(rng.standard_normal((10, 2)), np.zeros(10))


@pytest.mark.parametrize("kwargs,exc,name", [
    ({"noise_var": 0.0}, ValueError, "noise_var"),
    ({"noise_var": -1.0}, ValueError, "noise_var"),
    ({"prior_var": np.nan}, ValueError, "prior_var"),
    ({"prior_var": "wide"}, TypeError, "prior_var"),
    ({"prior_var": np.array([1.0, -2.0])}, ValueError, "prior_var"),
    ({"prior_var": np.array([True, False])}, TypeError, "prior_var"),
    ({"prior_var": np.array([], dtype=float)}, TypeError, "prior_var"),
])
def test_log_evidence_bad_variances(problem, kwargs, exc, name):
    X, y = problem
    args = {"noise_var": 1.0, "prior_var": 1.0} | kwargs
    with pytest.raises(exc, match=name):
        log_evidence(X, y, **args)


def test_bad_data_and_settings(problem):
    X, y = problem
    with pytest.raises(ValueError, match="y"):
        log_evidence(X, y[:-1], 1.0, 1.0)
    with pytest.raises(ValueError, match="X"):
        log_evidence(np.full_like(X, np.nan), y, 1.0, 1.0)
    with pytest.raises((TypeError, ValueError), match="max_iter"):
        max_evidence(X, y, max_iter=0)
    with pytest.raises((TypeError, ValueError), match="tol"):
        max_evidence(X, y, tol=-1)
