"""Tests for reglib.criteria: Cp, AIC and BIC for the lasso (df = non-zeros) and ridge."""

import numpy as np
import pytest
from sklearn.linear_model import LassoLarsIC, LinearRegression

import reglib
from reglib.criteria import information_criteria, lasso_criteria, noise_variance, ridge_criteria


def _data(seed=0, n=60, p=8):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, p)) * rng.uniform(0.5, 3.0, size=p) + 4.0
    y = X @ np.r_[2.0, -1.0, np.zeros(p - 2)] + 1.0 + rng.normal(size=n)
    return X, y


def test_noise_variance_matches_ols():
    X, y = _data()
    rss = np.sum((y - LinearRegression().fit(X, y).predict(X)) ** 2)
    assert noise_variance(X, y) == pytest.approx(rss / (60 - 8 - 1), rel=1e-10)
    rss0 = np.sum((y - LinearRegression(fit_intercept=False).fit(X, y).predict(X)) ** 2)
    assert noise_variance(X, y, fit_intercept=False) == pytest.approx(rss0 / 52, rel=1e-10)


@pytest.mark.parametrize("criterion", ["aic", "bic"])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_lasso_criteria_match_lassolarsic(criterion, seed):
    X, y = _data(seed)
    n = len(y)
    est = LassoLarsIC(criterion=criterion).fit(X, y)
    ic = lasso_criteria(X, y)
    assert np.allclose(ic.lams, 2 * n * est.alphas_, rtol=1e-8)
    assert ic.noise_var == pytest.approx(est.noise_variance_, rel=1e-10)
    assert ic.best(criterion) == pytest.approx(2 * n * est.alpha_, rel=1e-8)
    # scikit-learn counts |w_j| > machine epsilon; compare where the counts agree
    agree = np.abs(getattr(ic, criterion) - est.criterion_) < 1e-6 * np.abs(est.criterion_)
    assert agree.sum() >= len(agree) - 1


def test_lasso_criteria_diabetes_drop_knot(diabetes):
    X, y = diabetes
    ic = lasso_criteria(X, y)
    knots = reglib.lasso_knots(X - X.mean(0), y - y.mean())
    assert np.array_equal(ic.df, np.count_nonzero(knots.coefs, axis=1))
    assert ic.df[-1] == X.shape[1] and ic.df[0] == 0


def test_lasso_criteria_df_and_rss_by_refit():
    X, y = _data(3)
    ic = lasso_criteria(X, y)
    Xc, yc = X - X.mean(0), y - y.mean()
    for lam, df, rss in zip(ic.lams[1:], ic.df[1:], ic.rss[1:]):
        w = reglib.lasso(Xc, yc, lam, tol=1e-12)
        assert np.count_nonzero(np.abs(w) > 1e-8) == df
        assert np.sum((yc - Xc @ w) ** 2) == pytest.approx(rss, rel=1e-6)


def test_ridge_criteria_by_hand():
    X, y = _data(4)
    lams = np.geomspace(1e-2, 1e4, 9)
    ic = ridge_criteria(X, y, lams)
    n, s2 = len(y), noise_variance(X, y)
    Xc, yc = X - X.mean(0), y - y.mean()
    for i, lam in enumerate(lams):
        H = Xc @ np.linalg.solve(Xc.T @ Xc + lam * np.eye(X.shape[1]), Xc.T)
        rss = np.sum((yc - H @ yc) ** 2)
        assert ic.df[i] == pytest.approx(np.trace(H), rel=1e-10)
        assert ic.rss[i] == pytest.approx(rss, rel=1e-8)
        assert ic.bic[i] == pytest.approx(n * np.log(2 * np.pi * s2) + rss / s2 + np.log(n) * np.trace(H))
        assert ic.cp[i] == pytest.approx(rss / n + 2 * np.trace(H) * s2 / n)
    assert ic.best("cp") == ic.best("aic")   # AIC = n/s2 * Cp + const


def test_information_criteria_formulas():
    ic = information_criteria([10.0, 8.0], [1, 3], 20, 0.5)
    assert np.allclose(ic["cp"], np.array([10.0, 8.0]) / 20 + 2 * np.array([1, 3]) * 0.5 / 20)
    assert ic["bic"][1] - ic["aic"][1] == pytest.approx(3 * (np.log(20) - 2))


def test_bad_inputs():
    X, y = _data()
    with pytest.raises(ValueError, match="noise"):
        noise_variance(X[:8], y[:8])
    with pytest.raises(ValueError, match="noise_var"):
        lasso_criteria(X, y, noise_var=-1.0)
    with pytest.raises(ValueError, match="criterion"):
        lasso_criteria(X, y).best("hqc")
    with pytest.raises(ValueError, match="lams"):
        ridge_criteria(X, y, [-1.0])
    with pytest.raises(ValueError, match="df"):
        information_criteria([1.0, 2.0], [1.0], 10, 1.0)
    with pytest.raises(TypeError, match="fit_intercept"):
        ridge_criteria(X, y, [1.0], fit_intercept="yes")
    with pytest.raises(ValueError, match="same number"):
        lasso_criteria(X, y[:-1])
