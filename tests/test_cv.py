"""Tests for reglib.cv: k-fold indices, cross-validated error paths, the one-SE rule."""

import numpy as np
import pytest
from sklearn.linear_model import Lasso as SkLasso
from sklearn.linear_model import Ridge as SkRidge
from sklearn.linear_model import RidgeCV
from sklearn.preprocessing import StandardScaler

import reglib
from reglib.cv import cv_errors, cv_path, kfold_indices, one_standard_error


def _data(seed=0, n=47, p=6):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, p)) * rng.uniform(0.1, 10.0, size=p) + rng.normal(size=p) * 5
    w = rng.normal(size=p)
    y = X @ w + 3.0 + rng.normal(size=n)
    return X, y


LAMS = np.geomspace(1e-2, 1e3, 7)


@pytest.mark.parametrize("n, k", [(10, 2), (10, 3), (47, 5), (12, 12)])
def test_kfold_indices_partition(n, k):
    folds = kfold_indices(n, k, np.random.default_rng(1))
    assert len(folds) == k
    allidx = np.concatenate(folds)
    assert np.array_equal(np.sort(allidx), np.arange(n))
    sizes = [len(f) for f in folds]
    assert max(sizes) - min(sizes) <= 1


def test_kfold_indices_seeded():
    a = kfold_indices(30, 4, np.random.default_rng(7))
    b = kfold_indices(30, 4, np.random.default_rng(7))
    c = kfold_indices(30, 4, np.random.default_rng(8))
    assert all(np.array_equal(u, v) for u, v in zip(a, b))
    assert not all(np.array_equal(u, v) for u, v in zip(a, c))


def _brute_force(X, y, lams, model, k, seed, standardize=True, fit_intercept=True):
    """A plain double loop over folds and lams, with reglib's estimators."""
    folds = kfold_indices(len(y), k, np.random.default_rng(seed))
    Est = reglib.Ridge if model == "ridge" else reglib.Lasso
    E = np.empty((k, len(lams)))
    for f, val in enumerate(folds):
        tr = np.setdiff1d(np.arange(len(y)), val)
        Xt, Xv = X[tr], X[val]
        if standardize:
            if fit_intercept:  # center and divide by the standard deviation
                mu, sd = Xt.mean(0), Xt.std(0)
            else:  # no centering: divide by the root mean square
                mu, sd = 0.0, np.sqrt(np.mean(Xt**2, axis=0))
            Xt, Xv = (Xt - mu) / sd, (Xv - mu) / sd
        for i, lam in enumerate(lams):
            est = Est(lam, fit_intercept=fit_intercept).fit(Xt, y[tr])
            E[f, i] = np.mean((y[val] - est.predict(Xv)) ** 2)
    return E


@pytest.mark.parametrize("model", ["ridge", "lasso"])
@pytest.mark.parametrize("standardize, fit_intercept", [(True, True), (False, True), (True, False), (False, False)])
def test_cv_errors_equal_brute_force(model, standardize, fit_intercept):
    X, y = _data()
    lams = LAMS if model == "ridge" else np.geomspace(0.5, 500, 6)
    E = cv_errors(X, y, lams, model, k=5, rng=np.random.default_rng(3),
                  standardize=standardize, fit_intercept=fit_intercept)
    E_ref = _brute_force(X, y, lams, model, 5, 3, standardize, fit_intercept)
    assert E.shape == (5, len(lams))
    assert np.allclose(E, E_ref, rtol=1e-6, atol=1e-9)


def test_cv_path_mean_and_se_from_fold_errors():
    X, y = _data(1)
    E = cv_errors(X, y, LAMS, "ridge", k=4, rng=np.random.default_rng(5))
    mean, se = cv_path(X, y, LAMS, "ridge", k=4, rng=np.random.default_rng(5))
    assert np.allclose(mean, E.mean(0))
    # standard error of the mean of 4 numbers, written out
    assert np.allclose(se, np.sqrt(((E - E.mean(0)) ** 2).sum(0) / 3) / 2)


def test_ridge_cv_matches_sklearn_scaler_in_fold():
    X, y = _data(2)
    folds = kfold_indices(len(y), 5, np.random.default_rng(9))
    mean, _ = cv_path(X, y, LAMS, "ridge", k=5, rng=np.random.default_rng(9))
    errs = np.zeros((5, len(LAMS)))
    for f, val in enumerate(folds):
        tr = np.setdiff1d(np.arange(len(y)), val)
        sc = StandardScaler().fit(X[tr])
        for i, lam in enumerate(LAMS):
            m = SkRidge(alpha=lam).fit(sc.transform(X[tr]), y[tr])
            errs[f, i] = np.mean((y[val] - m.predict(sc.transform(X[val]))) ** 2)
    assert np.allclose(mean, errs.mean(0), rtol=1e-9)


def test_lasso_cv_matches_sklearn_with_fold_alpha():
    X, y = _data(3)
    lams = np.array([1.0, 10.0, 100.0])
    folds = kfold_indices(len(y), 3, np.random.default_rng(4))
    mean, _ = cv_path(X, y, lams, "lasso", k=3, rng=np.random.default_rng(4))
    errs = np.zeros((3, len(lams)))
    for f, val in enumerate(folds):
        tr = np.setdiff1d(np.arange(len(y)), val)
        sc = StandardScaler().fit(X[tr])
        for i, lam in enumerate(lams):
            m = SkLasso(alpha=lam / (2 * len(tr)), tol=1e-12, max_iter=100_000).fit(sc.transform(X[tr]), y[tr])
            errs[f, i] = np.mean((y[val] - m.predict(sc.transform(X[val]))) ** 2)
    assert np.allclose(mean, errs.mean(0), rtol=1e-6)


def test_leave_one_out_matches_ridgecv():
    X, y = _data(4, n=25, p=4)
    mean, _ = cv_path(X, y, LAMS, "ridge", k=len(y), rng=np.random.default_rng(0), standardize=False)
    sk = RidgeCV(alphas=LAMS, store_cv_results=True).fit(X, y)
    assert np.allclose(mean, sk.cv_results_.mean(axis=0), rtol=1e-8)


def test_one_standard_error_rule():
    lams = np.array([0.1, 1.0, 10.0, 100.0, 1000.0])
    mean = np.array([2.0, 1.5, 1.0, 1.2, 3.0])
    assert one_standard_error(lams, mean, np.full(5, 0.1)) == 10.0
    assert one_standard_error(lams, mean, np.full(5, 0.25)) == 100.0
    assert one_standard_error(lams[::-1], mean[::-1], np.full(5, 0.25)) == 100.0
    assert one_standard_error(lams, mean, np.full(5, 5.0)) == 1000.0
    # the rule uses the SE at the minimum, not at the candidate
    se = np.array([0.0, 0.0, 0.1, 10.0, 0.0])
    assert one_standard_error(lams, mean, se) == 10.0


def test_one_standard_error_is_at_least_argmin():
    X, y = _data(5)
    lams = np.geomspace(1e-3, 1e4, 30)
    mean, se = cv_path(X, y, lams, "ridge", k=5, rng=np.random.default_rng(0))
    lam_1se = one_standard_error(lams, mean, se)
    assert lam_1se >= lams[np.argmin(mean)]
    i = int(np.flatnonzero(lams == lam_1se)[0])
    assert mean[i] <= mean.min() + se[np.argmin(mean)]


@pytest.mark.parametrize(
    "kwargs, exc, match",
    [
        ({"k": 1}, ValueError, "k must be at least 2"),
        ({"k": 48}, ValueError, "k must be at most the number of samples n = 47"),
        ({"k": 2.5}, TypeError, "k must be an integer"),
        ({"k": True}, TypeError, "k must be an integer"),
        ({"rng": 0}, TypeError, "rng must be a numpy.random.Generator"),
        ({"rng": None}, TypeError, "rng must be a numpy.random.Generator"),
        ({"lams": [1.0, -2.0]}, ValueError, "lams must be non-negative"),
        ({"lams": [1.0, np.inf]}, ValueError, "lams must contain only finite"),
        ({"lams": [[1.0, 2.0]]}, ValueError, "lams must be a 1-D"),
        ({"lams": []}, ValueError, "lams must not be empty"),
        ({"model": "elasticnet"}, ValueError, "model must be 'ridge' or 'lasso'"),
        ({"standardize": None}, TypeError, "standardize must be True or False"),
        ({"y": np.zeros(46)}, ValueError, "y must have one entry per row of X"),
        ({"X": np.full((47, 6), np.nan)}, ValueError, "X must contain only finite"),
    ],
)
def test_cv_path_bad_inputs(kwargs, exc, match):
    X, y = _data()
    args = {"X": X, "y": y, "lams": LAMS, "model": "ridge", "k": 5, "rng": np.random.default_rng(0)}
    args.update(kwargs)
    with pytest.raises(exc, match=match):
        cv_path(**args)


def test_cv_path_requires_rng():
    X, y = _data()
    with pytest.raises(TypeError):
        cv_path(X, y, LAMS)


@pytest.mark.parametrize(
    "args, exc, match",
    [
        ((1, 1), ValueError, "n must be at least 2"),
        ((5, 6), ValueError, "k must be at most"),
        ((5.0, 2), TypeError, "n must be an integer"),
    ],
)
def test_kfold_indices_bad_inputs(args, exc, match):
    with pytest.raises(exc, match=match):
        kfold_indices(*args, np.random.default_rng(0))


@pytest.mark.parametrize(
    "lams, mean, se, match",
    [
        ([1.0, 2.0], [1.0], [0.1, 0.1], "mean must have one entry per lam"),
        ([1.0, 2.0], [1.0, 2.0], [0.1, -0.1], "se must be non-negative"),
        ([1.0, 2.0], [1.0, np.nan], [0.1, 0.1], "mean must contain only finite"),
        ([-1.0, 2.0], [1.0, 2.0], [0.1, 0.1], "lams must be non-negative"),
    ],
)
def test_one_standard_error_bad_inputs(lams, mean, se, match):
    with pytest.raises(ValueError, match=match):
        one_standard_error(lams, mean, se)
