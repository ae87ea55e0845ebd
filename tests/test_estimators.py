"""Tests of reglib.estimators: Ridge and Lasso with an unpenalized intercept."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sklearn.linear_model import Lasso as SkLasso
from sklearn.linear_model import Ridge as SkRidge

import reglib


@pytest.fixture
def shifted(rng):
    """Data with non-centered features and a large intercept (raw diabetes-like scales)."""
    X = rng.standard_normal((50, 5)) * [1.0, 5.0, 0.5, 2.0, 10.0] + [3.0, -2.0, 10.0, 0.0, 50.0]
    y = X @ np.array([1.0, 0.0, -3.0, 0.5, 0.2]) + 40.0 + rng.standard_normal(50)
    return X, y


@pytest.mark.parametrize("lam", [0.0, 0.1, 10.0, 1e3])
def test_ridge_with_intercept_matches_sklearn(shifted, lam):
    X, y = shifted
    ours = reglib.Ridge(lam).fit(X, y)
    ref = SkRidge(alpha=lam).fit(X, y)
    assert np.allclose(ours.coef_, ref.coef_, rtol=1e-8, atol=1e-10)
    assert np.isclose(ours.intercept_, ref.intercept_, rtol=1e-8)
    assert np.allclose(ours.predict(X), ref.predict(X))


@pytest.mark.parametrize("frac", [0.001, 0.05, 0.3])
def test_lasso_with_intercept_matches_sklearn(shifted, frac):
    X, y = shifted
    n = X.shape[0]
    Xc = X - X.mean(0)
    lam = frac * 2 * np.max(np.abs(Xc.T @ (y - y.mean())))
    ours = reglib.Lasso(lam).fit(X, y)
    ref = SkLasso(alpha=lam / (2 * n), tol=1e-14, max_iter=1_000_000).fit(X, y)
    assert np.allclose(ours.coef_, ref.coef_, rtol=1e-6, atol=1e-7)
    assert np.isclose(ours.intercept_, ref.intercept_, rtol=1e-7)


def test_intercept_is_not_penalized(shifted):
    """Shifting y by a constant moves only the intercept, whatever lam is."""
    X, y = shifted
    for cls in (reglib.Ridge, reglib.Lasso):
        a = cls(50.0).fit(X, y)
        b = cls(50.0).fit(X, y + 1000.0)
        assert np.allclose(a.coef_, b.coef_, atol=1e-8)
        assert np.isclose(b.intercept_ - a.intercept_, 1000.0)
        # huge lam: all weights shrink to 0 but the intercept stays the mean of y
        c = cls(1e12).fit(X, y)
        assert np.allclose(c.coef_, 0.0, atol=1e-6)
        assert np.isclose(c.intercept_, y.mean(), rtol=1e-6)


def test_intercept_equals_mean_residual(shifted):
    X, y = shifted
    for cls in (reglib.Ridge, reglib.Lasso):
        m = cls(5.0).fit(X, y)
        assert np.isclose(m.intercept_, np.mean(y - X @ m.coef_))


def test_no_intercept_matches_plain_functions(shifted):
    X, y = shifted
    r = reglib.Ridge(3.0, fit_intercept=False).fit(X, y)
    assert r.intercept_ == 0.0
    assert np.allclose(r.coef_, reglib.ridge(X, y, 3.0))
    la = reglib.Lasso(30.0, fit_intercept=False).fit(X, y)
    assert la.intercept_ == 0.0
    assert np.allclose(la.coef_, reglib.lasso(X, y, 30.0))
    assert np.allclose(la.predict(X[:3]), X[:3] @ la.coef_)


def test_fit_returns_self_and_repr(shifted):
    X, y = shifted
    m = reglib.Ridge(2.0)
    assert m.fit(X, y) is m
    assert repr(m) == "Ridge(lam=2.0, fit_intercept=True)"
    assert repr(reglib.Lasso(1, fit_intercept=False)) == "Lasso(lam=1.0, fit_intercept=False)"
    assert m.predict(X[:4]).shape == (4,)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    n=st.integers(2, 12),
    p=st.integers(1, 8),
    seed=st.integers(0, 2**32 - 1),
    lam=st.floats(1e-2, 1e2),
    collinear=st.booleans(),
)
def test_estimators_property_random_shapes(n, p, seed, lam, collinear):
    """n < p, p = 1 and near-collinear columns: Ridge equals scikit-learn; Lasso satisfies
    the KKT conditions on the centered data and its intercept is the mean residual."""
    g = np.random.default_rng(seed)
    X = g.standard_normal((n, p)) + 3.0
    if collinear and p > 1:
        X[:, 1] = X[:, 0] + 1e-6 * g.standard_normal(n)
    y = g.standard_normal(n) + 5.0
    r = reglib.Ridge(lam).fit(X, y)
    ref = SkRidge(alpha=lam).fit(X, y)
    scale = 1 + np.abs(ref.coef_).max()
    assert np.allclose(r.coef_, ref.coef_, rtol=1e-6, atol=1e-8 * scale)
    assert np.isclose(r.intercept_, ref.intercept_, rtol=1e-6, atol=1e-6 * scale)
    m = reglib.Lasso(lam).fit(X, y)
    Xc, yc = X - X.mean(0), y - y.mean()
    if np.max(np.abs(Xc.T @ yc)) > 1e-12:
        assert reglib.lasso_kkt_violation(Xc, yc, m.coef_, lam) <= 1e-6
    assert np.isclose(m.intercept_, np.mean(y - X @ m.coef_))


@pytest.mark.parametrize("cls", [reglib.Ridge, reglib.Lasso])
def test_estimators_reject_bad_input(cls, shifted):
    X, y = shifted
    with pytest.raises(ValueError, match=r"lam must be a non-negative"):
        cls(-1.0)
    with pytest.raises(TypeError, match=r"lam must be a non-negative finite real number, got '1'"):
        cls("1")
    with pytest.raises(TypeError, match=r"fit_intercept must be True or False, got 1"):
        cls(1.0, fit_intercept=1)
    with pytest.raises(RuntimeError, match=r"not fitted yet"):
        cls(1.0).predict(X)
    m = cls(1.0)
    with pytest.raises(ValueError, match=r"X and y must have the same number of samples"):
        m.fit(X, y[:-1])
    with pytest.raises(ValueError, match=r"X must contain only finite"):
        m.fit(np.where(X > 10, np.nan, X), y)
    with pytest.raises(ValueError, match=r"y must be a 1-D array"):
        m.fit(X, y[:, None])
    m.fit(X, y)
    with pytest.raises(ValueError, match=r"X must have 5 columns \(as at fit time\), got 4"):
        m.predict(X[:, :4])
    with pytest.raises(ValueError, match=r"X must be a 2-D array"):
        m.predict(X[0])


def test_docstring_examples_run():
    import doctest

    import reglib.estimators

    result = doctest.testmod(reglib.estimators)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize("cls", [reglib.Ridge, reglib.Lasso])
@pytest.mark.parametrize(
    "attr, value, exc, msg",
    [
        ("fit_intercept", "no", TypeError, r"fit_intercept must be True or False, got 'no'"),
        ("lam", -1.0, ValueError, r"lam must be a non-negative finite real number, got -1.0"),
        ("lam", "x", TypeError, r"lam must be a non-negative finite real number, got 'x'"),
        ("lam", True, TypeError, r"lam must be .*bool"),
    ],
)
def test_hyperparameters_set_after_construction_are_checked_at_fit(cls, shifted, attr, value, exc, msg):
    """Issue 20, item 6: Ridge.fit_intercept = 'no' after construction was not re-checked."""
    X, y = shifted
    model = cls()
    setattr(model, attr, value)
    with pytest.raises(exc, match=msg):
        model.fit(X, y)
