"""Tests for reglib.pcr: principal-components regression against scikit-learn and closed forms."""

import numpy as np
import pytest
from sklearn.decomposition import PCA
from sklearn.linear_model import LinearRegression

from reglib.pcr import pcr


@pytest.fixture
def data():
    rng = np.random.default_rng(3)
    X = rng.standard_normal((40, 6)) @ np.diag([4.0, 3.0, 2.0, 1.0, 0.5, 0.2])
    y = X @ rng.standard_normal(6) + 0.5 * rng.standard_normal(40) + 7.0
    return X, y


@pytest.mark.parametrize("k", [1, 2, 3, 5, 6])
def test_matches_sklearn_pca_plus_linear_regression(data, k):
    X, y = data
    Xc, yc = X - X.mean(0), y - y.mean()
    pca = PCA(n_components=k, svd_solver="full").fit(X)
    lr = LinearRegression().fit(pca.transform(X), y)
    w_sk = pca.components_.T @ lr.coef_
    np.testing.assert_allclose(pcr(Xc, yc, k), w_sk, atol=1e-10)
    # same predictions, the intercept restored from the means
    pred = X @ pcr(Xc, yc, k) + y.mean() - X.mean(0) @ pcr(Xc, yc, k)
    np.testing.assert_allclose(pred, lr.predict(pca.transform(X)), atol=1e-9)


def test_all_components_is_least_squares_and_zero_is_zero(data):
    X, y = data
    np.testing.assert_allclose(pcr(X, y, 6), np.linalg.lstsq(X, y, rcond=None)[0], atol=1e-10)
    np.testing.assert_array_equal(pcr(X, y, 0), np.zeros(6))


def test_fit_is_projection_with_0_1_factors(data):
    """y_hat = sum_{j<=k} u_j u_j^T y, and w lies in span(v_1..v_k)."""
    X, y = data
    U, d, Vt = np.linalg.svd(X, full_matrices=False)
    for k in range(7):
        w = pcr(X, y, k)
        np.testing.assert_allclose(X @ w, U[:, :k] @ (U[:, :k].T @ y), atol=1e-10)
        np.testing.assert_allclose(Vt[k:] @ w, 0.0, atol=1e-10)


def test_rank_deficient_and_wide():
    rng = np.random.default_rng(5)
    A = rng.standard_normal((10, 2))
    X = np.column_stack([A, A.sum(1)])  # rank 2
    y = rng.standard_normal(10)
    np.testing.assert_allclose(pcr(X, y, 2), np.linalg.pinv(X) @ y, atol=1e-10)
    with pytest.raises(ValueError, match="n_components"):
        pcr(X, y, 3)
    Xw = rng.standard_normal((4, 9))
    np.testing.assert_allclose(pcr(Xw, y[:4], 4), np.linalg.pinv(Xw) @ y[:4], atol=1e-10)


def test_bad_arguments(data):
    X, y = data
    with pytest.raises(ValueError, match="n_components"):
        pcr(X, y, -1)
    with pytest.raises(TypeError, match="n_components"):
        pcr(X, y, 2.0)
    with pytest.raises(TypeError, match="n_components"):
        pcr(X, y, True)
    with pytest.raises(ValueError, match="X"):
        pcr(X[:, 0], y, 1)
    with pytest.raises(ValueError):
        pcr(X, y[:-1], 1)
    bad = X.copy()
    bad[0, 0] = np.nan
    with pytest.raises(ValueError, match="finite"):
        pcr(bad, y, 1)
