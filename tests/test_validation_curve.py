"""Tests for reglib.validation_curve: one split, train/validation error along lam."""

import numpy as np
import pytest
from sklearn.linear_model import Lasso as SkLasso
from sklearn.linear_model import Ridge as SkRidge
from sklearn.preprocessing import StandardScaler

from reglib.validation_curve import fit_path, validation_curve


def _data(seed=0, n=60, p=5, offset=7.0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, p)) * np.array([1.0, 10.0, 0.1, 3.0, 1.0])[:p] + 2.0
    w = rng.normal(size=p)
    y = X @ w + offset + rng.normal(scale=0.5, size=n)
    return X[:40], y[:40], X[40:], y[40:]


LAMS = np.array([0.0, 0.1, 1.0, 10.0, 100.0])


def test_ridge_matches_sklearn_pipeline():
    Xt, yt, Xv, yv = _data()
    train, val = validation_curve(Xt, yt, Xv, yv, LAMS, "ridge")
    scaler = StandardScaler().fit(Xt)
    for i, lam in enumerate(LAMS):
        m = SkRidge(alpha=lam).fit(scaler.transform(Xt), yt)
        assert np.isclose(val[i], np.mean((yv - m.predict(scaler.transform(Xv))) ** 2), rtol=1e-9)
        assert np.isclose(train[i], np.mean((yt - m.predict(scaler.transform(Xt))) ** 2), rtol=1e-9)


def test_lasso_matches_sklearn_with_alpha_over_2n():
    Xt, yt, Xv, yv = _data(1)
    lams = np.array([0.5, 5.0, 50.0])
    _, val = validation_curve(Xt, yt, Xv, yv, lams, "lasso")
    scaler = StandardScaler().fit(Xt)
    n = Xt.shape[0]
    for i, lam in enumerate(lams):
        m = SkLasso(alpha=lam / (2 * n), tol=1e-12, max_iter=100_000).fit(scaler.transform(Xt), yt)
        assert np.isclose(val[i], np.mean((yv - m.predict(scaler.transform(Xv))) ** 2), rtol=1e-6)


def test_no_standardize_no_intercept_is_plain_ridge():
    Xt, yt, Xv, yv = _data(2)
    predict = fit_path(Xt, yt, [3.0], "ridge", standardize=False, fit_intercept=False)
    w = np.linalg.solve(Xt.T @ Xt + 3.0 * np.eye(Xt.shape[1]), Xt.T @ yt)
    assert np.allclose(predict(Xv)[0], Xv @ w)


def test_intercept_unpenalized_large_lam_predicts_training_mean():
    Xt, yt, Xv, _ = _data(3)
    predict = fit_path(Xt, yt, [1e12], "ridge")
    assert np.allclose(predict(Xv)[0], yt.mean(), atol=1e-6)


def test_training_error_increases_with_lam():
    Xt, yt, Xv, yv = _data(4)
    train, _ = validation_curve(Xt, yt, Xv, yv, np.geomspace(1e-3, 1e3, 20), "ridge")
    assert np.all(np.diff(train) >= -1e-12)


def test_predict_checks_columns():
    Xt, yt, Xv, _ = _data(5)
    predict = fit_path(Xt, yt, [1.0])
    with pytest.raises(ValueError, match="X_new must have 5 columns"):
        predict(Xv[:, :3])


@pytest.mark.parametrize(
    "kwargs, exc, match",
    [
        ({"model": "ridge2"}, ValueError, "model must be 'ridge' or 'lasso'"),
        ({"lams": [-1.0]}, ValueError, "lams must be non-negative"),
        ({"lams": [np.nan]}, ValueError, "lams"),
        ({"lams": 1.0}, ValueError, "lams"),
        ({"standardize": "yes"}, TypeError, "standardize"),
        ({"fit_intercept": 1}, TypeError, "fit_intercept"),
        ({"y_val": np.zeros(3)}, ValueError, "y_val must have one entry per row of X_val"),
        ({"X_val": np.zeros((20, 4))}, ValueError, "X_val must have as many columns"),
        ({"X_train": np.zeros(40)}, ValueError, "X_train must be a 2-D"),
        ({"y_train": "abc"}, TypeError, "y_train"),
    ],
)
def test_bad_inputs(kwargs, exc, match):
    Xt, yt, Xv, yv = _data(6)
    args = {"X_train": Xt, "y_train": yt, "X_val": Xv, "y_val": yv, "lams": LAMS, "model": "ridge"}
    args.update(kwargs)
    with pytest.raises(exc, match=match):
        validation_curve(**args)
