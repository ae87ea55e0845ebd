"""Tests of reglib.data: seeded generators and the two packaged data sets."""

import numpy as np
import pytest
import sklearn.datasets

import reglib
from reglib import data


# ------------------------------------------------------------ generators
def test_correlated_regression_shapes_and_model(rng):
    X, y, w = data.make_correlated_regression(500, 8, rho=0.3, n_informative=3, noise=0.5, rng=rng)
    assert X.shape == (500, 8) and y.shape == (500,) and w.shape == (8,)
    assert np.count_nonzero(w) == 3
    assert np.all((np.abs(w[w != 0]) >= 1.0) & (np.abs(w[w != 0]) <= 2.0))
    resid = y - X @ w
    assert abs(resid.std() - 0.5) < 0.1  # y = X w + noise


def test_correlated_regression_equicorrelation():
    g = np.random.default_rng(0)
    X, _, _ = data.make_correlated_regression(20_000, 4, rho=0.8, rng=g)
    C = np.corrcoef(X, rowvar=False)
    assert np.allclose(C[~np.eye(4, dtype=bool)], 0.8, atol=0.02)
    assert np.allclose(X.var(axis=0), 1.0, atol=0.05)


def test_correlated_regression_ar1():
    g = np.random.default_rng(1)
    X, _, _ = data.make_correlated_regression(20_000, 4, rho=0.6, structure="ar1", rng=g)
    C = np.corrcoef(X, rowvar=False)
    for lag in (1, 2, 3):
        assert np.allclose(np.diagonal(C, lag), 0.6**lag, atol=0.02)


def test_correlated_regression_is_seeded_and_dense_by_default():
    a = data.make_correlated_regression(30, 5, rng=np.random.default_rng(7))
    b = data.make_correlated_regression(30, 5, rng=np.random.default_rng(7))
    for u, v in zip(a, b):
        assert np.array_equal(u, v)
    assert np.count_nonzero(a[2]) == 5
    _, y, _ = data.make_correlated_regression(30, 5, noise=0.0, rng=np.random.default_rng(7))
    X, _, w = a
    assert np.allclose(y, X @ w)  # same draws for X and w, no noise


@pytest.mark.parametrize(
    "kwargs, exc, msg",
    [
        (dict(rho=1.0), ValueError, r"rho must be in \[0, 1\), got 1.0"),
        (dict(rho=-0.2), ValueError, r"rho must be a non-negative"),
        (dict(n_informative=9), ValueError, r"n_informative must be <= n_features \(5\), got 9"),
        (dict(n_informative=0), ValueError, r"n_informative must be an integer >= 1"),
        (dict(noise=-1.0), ValueError, r"noise must be a non-negative"),
        (dict(structure="toeplitz"), ValueError, r"structure must be one of 'equal', 'ar1'"),
        (dict(rng=3), TypeError, r"rng must be a numpy.random.Generator"),
        (dict(n_samples=0), ValueError, r"n_samples must be an integer >= 1"),
        (dict(n_features=2.5), TypeError, r"n_features must be an integer"),
    ],
)
def test_correlated_regression_rejects(kwargs, exc, msg):
    args = dict(n_samples=10, n_features=5, rng=np.random.default_rng(0))
    args.update(kwargs)
    with pytest.raises(exc, match=msg):
        data.make_correlated_regression(**args)


def test_rng_is_required():
    with pytest.raises(TypeError, match=r"rng"):
        data.make_correlated_regression(10, 3)  # keyword-only and required
    with pytest.raises(TypeError, match=r"rng"):
        data.make_polynomial_data(10)


def test_polynomial_data(rng):
    x, y = data.make_polynomial_data(2000, noise=0.3, rng=rng)
    assert x.shape == y.shape == (2000,)
    assert np.all(np.diff(x) >= 0) and x.min() >= 0 and x.max() <= 1
    assert abs(np.std(y - np.sin(2 * np.pi * x)) - 0.3) < 0.03
    assert np.array_equal(data.sine_curve(x), np.sin(2 * np.pi * x))
    x2, y2 = data.make_polynomial_data(15, noise=0.0, rng=np.random.default_rng(3))
    assert np.allclose(y2, data.sine_curve(x2))
    with pytest.raises(ValueError, match=r"noise must be a non-negative"):
        data.make_polynomial_data(10, noise=-0.1, rng=rng)
    with pytest.raises(TypeError, match=r"rng must be a numpy.random.Generator"):
        data.make_polynomial_data(10, rng=None)


# ------------------------------------------------------------ loaders
def test_load_diabetes_raw_matches_sklearn_package_copy():
    X, y = data.load_diabetes()
    ref = sklearn.datasets.load_diabetes(scaled=False)
    assert X.shape == (442, 10) and y.shape == (442,)
    assert np.array_equal(X, ref.data) and np.array_equal(y, ref.target)
    _, _, names = data.load_diabetes(return_feature_names=True)
    assert names == data.DIABETES_FEATURES and len(names) == 10
    assert list(names) == list(ref.feature_names)


def test_load_diabetes_standardized():
    X, y = data.load_diabetes(standardize=True)
    Xraw, yraw = data.load_diabetes()
    assert np.allclose(X.mean(axis=0), 0.0, atol=1e-12)
    assert np.allclose(X.std(axis=0, ddof=0), 1.0)  # population std
    assert np.allclose(np.sum(X**2, axis=0), 442.0)
    assert np.isclose(y.mean(), 0.0, atol=1e-9) and np.allclose(y, yraw - yraw.mean())
    # a column-wise affine map of the raw data
    assert np.allclose(X * Xraw.std(axis=0) + Xraw.mean(axis=0), Xraw)


def test_load_digits():
    X, y = data.load_digits()
    assert X.shape == (1797, 64) and y.shape == (1797,)
    assert X.dtype == float and y.dtype.kind == "i"
    assert X.min() == 0 and X.max() == 16
    assert set(np.unique(y)) == set(range(10))
    Xn, yn = data.load_digits(normalize=True)
    assert np.allclose(Xn, X / 16) and Xn.max() == 1.0 and np.array_equal(yn, y)


def test_loaders_reject_non_bool_flags():
    with pytest.raises(TypeError, match=r"standardize must be True or False"):
        data.load_diabetes(standardize="yes")
    with pytest.raises(TypeError, match=r"return_feature_names must be True or False"):
        data.load_diabetes(return_feature_names=1)
    with pytest.raises(TypeError, match=r"normalize must be True or False"):
        data.load_digits(normalize=None)


def test_data_is_reachable_from_the_package():
    assert reglib.data.load_diabetes is data.load_diabetes
