"""Tests of reglib.preprocessing: standardize (ddof=0) and polynomial features."""

import numpy as np
import pytest
from sklearn.preprocessing import StandardScaler

import reglib
from reglib.preprocessing import polynomial_features, standardize


def test_standardize_matches_sklearn_standard_scaler(rng):
    X = rng.standard_normal((30, 4)) * [1.0, 10.0, 0.1, 3.0] + [5.0, -1.0, 0.0, 2.0]
    Z, mean, scale = standardize(X)
    ref = StandardScaler().fit(X)  # also the population (ddof=0) standard deviation
    assert np.allclose(Z, ref.transform(X))
    assert np.allclose(mean, ref.mean_) and np.allclose(scale, ref.scale_)
    assert np.allclose(Z.mean(axis=0), 0.0) and np.allclose(Z.std(axis=0), 1.0)


def test_standardize_reuses_training_statistics(rng):
    X_train = rng.standard_normal((20, 3)) * 4 + 1
    X_test = rng.standard_normal((7, 3))
    _, mean, scale = standardize(X_train)
    Z_test, m2, s2 = standardize(X_test, mean, scale)
    assert np.allclose(Z_test, (X_test - mean) / scale)
    assert np.array_equal(m2, mean) and np.array_equal(s2, scale)
    # only one of the two given: the other computed from X
    Zc, _, sc = standardize(X_test, mean=mean)
    assert np.allclose(sc, np.sqrt(np.mean((X_test - mean) ** 2, axis=0)))


def test_standardize_constant_column_becomes_zeros():
    X = np.array([[1.0, 7.0], [2.0, 7.0], [3.0, 7.0]])
    Z, mean, scale = standardize(X)
    assert scale[1] == 1.0 and np.array_equal(Z[:, 1], np.zeros(3))


def test_standardize_is_exported():
    assert reglib.standardize is standardize


@pytest.mark.parametrize(
    "kwargs, exc, msg",
    [
        (dict(X=np.ones(3)), ValueError, r"X must be a 2-D array"),
        (dict(X=np.array([[np.nan, 1.0]])), ValueError, r"X must contain only finite"),
        (dict(mean=np.zeros(3)), ValueError, r"mean must have one entry per column of X \(2\), got 3"),
        (dict(scale=np.ones(1)), ValueError, r"scale must have one entry per column of X \(2\), got 1"),
        (dict(scale=np.array([1.0, 0.0])), ValueError, r"scale must be positive, got minimum 0.0"),
        (dict(scale=np.array([1.0, -2.0])), ValueError, r"scale must be positive"),
        (dict(mean=np.array([np.inf, 0.0])), ValueError, r"mean must contain only finite"),
    ],
)
def test_standardize_rejects(kwargs, exc, msg):
    args = dict(X=np.arange(6.0).reshape(3, 2))
    args.update(kwargs)
    with pytest.raises(exc, match=msg):
        standardize(**args)


def test_polynomial_features_matches_vander():
    x = np.array([-1.0, 0.5, 2.0])
    assert np.array_equal(polynomial_features(x, 3), np.vander(x, 4, increasing=True)[:, 1:])
    assert np.array_equal(polynomial_features(x, 3, include_bias=True), np.vander(x, 4, increasing=True))
    assert polynomial_features(x, 0, include_bias=True).tolist() == [[1.0], [1.0], [1.0]]


def test_polynomial_features_rejects():
    with pytest.raises(ValueError, match=r"x must be a 1-D array"):
        polynomial_features(np.ones((2, 2)), 2)
    with pytest.raises(ValueError, match=r"degree must be an integer >= 0"):
        polynomial_features([1.0], -1)
    with pytest.raises(TypeError, match=r"degree must be an integer"):
        polynomial_features([1.0], 2.0)
    with pytest.raises(ValueError, match=r"degree must be >= 1 when include_bias is False"):
        polynomial_features([1.0], 0)
    with pytest.raises(TypeError, match=r"include_bias must be True or False"):
        polynomial_features([1.0], 2, include_bias="no")


def test_docstring_examples_run():
    import doctest

    import reglib.preprocessing

    result = doctest.testmod(reglib.preprocessing)
    assert result.attempted > 0 and result.failed == 0
