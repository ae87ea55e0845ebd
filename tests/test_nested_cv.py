"""Tests for reglib.nested_cv: the outer estimate of choose-lam-by-CV-then-refit."""

import numpy as np
import pytest
from sklearn.linear_model import Lasso as SkLasso
from sklearn.linear_model import Ridge as SkRidge
from sklearn.preprocessing import StandardScaler

import reglib
from reglib.nested_cv import nested_cv

LAMS = np.geomspace(1e-1, 1e3, 9)


def _data(seed=0, n=60, p=5):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, p)) * rng.uniform(0.5, 3.0, size=p)
    return X, X @ np.r_[1.0, -1.0, np.zeros(p - 2)] + rng.normal(size=n)


@pytest.mark.parametrize("model", ["ridge", "lasso"])
@pytest.mark.parametrize("rule", ["min", "1se"])
def test_nested_cv_by_hand_with_sklearn(model, rule):
    X, y = _data()
    res = nested_cv(X, y, LAMS, model, k_outer=4, k_inner=3, rule=rule,
                    rng=np.random.default_rng(5))
    rng = np.random.default_rng(5)          # the same stream, consumed in the same order
    n = len(y)
    for o, test in enumerate(reglib.kfold_indices(n, 4, rng)):
        train = np.setdiff1d(np.arange(n), test)
        mean, se = reglib.cv_path(X[train], y[train], LAMS, model, k=3, rng=rng)
        lam = LAMS[np.argmin(mean)] if rule == "min" else reglib.one_standard_error(LAMS, mean, se)
        assert res.lams[o] == lam
        assert res.inner_errors[o] == mean[LAMS == lam][0]
        sc = StandardScaler().fit(X[train])
        est = (SkRidge(alpha=lam) if model == "ridge"
               else SkLasso(alpha=lam / (2 * len(train)), tol=1e-12, max_iter=100_000))
        est.fit(sc.transform(X[train]), y[train])
        err = np.mean((y[test] - est.predict(sc.transform(X[test]))) ** 2)
        assert res.errors[o] == pytest.approx(err, rel=1e-6)


def test_bad_inputs():
    X, y = _data()
    rng = np.random.default_rng(0)
    with pytest.raises(ValueError, match="rule"):
        nested_cv(X, y, LAMS, rule="2se", rng=rng)
    with pytest.raises(ValueError, match="k_outer"):
        nested_cv(X, y, LAMS, k_outer=1, rng=rng)
    with pytest.raises(TypeError, match="rng"):
        nested_cv(X, y, LAMS, rng=0)
    with pytest.raises(ValueError, match="model"):
        nested_cv(X, y, LAMS, "ols", rng=rng)
