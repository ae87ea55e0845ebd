"""Tests for reglib.shrinkage: SVD shrinkage factors and effective degrees of freedom."""

import numpy as np
import pytest

from reglib.shrinkage import effective_df, lam_for_df, shrinkage_factors, singular_values


@pytest.fixture
def X():
    rng = np.random.default_rng(0)
    return rng.standard_normal((30, 6)) @ np.diag([5.0, 2.0, 1.0, 0.5, 0.1, 0.02])


def hat_matrix(X, lam):
    p = X.shape[1]
    return X @ np.linalg.solve(X.T @ X + lam * np.eye(p), X.T)


def test_singular_values_match_numpy(X):
    np.testing.assert_allclose(singular_values(X), np.linalg.svd(X, compute_uv=False))
    d = singular_values(X)
    assert np.all(np.diff(d) <= 0)


@pytest.mark.parametrize("lam", [0.0, 1e-3, 0.7, 10.0, 1e4])
def test_effective_df_is_trace_of_hat_matrix(X, lam):
    assert effective_df(X, lam) == pytest.approx(np.trace(hat_matrix(X, lam)), rel=1e-10)


def test_factors_are_eigenvalues_of_hat_matrix(X):
    lam = 0.3
    f = shrinkage_factors(X, lam)
    eig = np.sort(np.linalg.eigvalsh(hat_matrix(X, lam)))[::-1][: f.size]
    np.testing.assert_allclose(f, eig, atol=1e-10)


def test_factors_reproduce_ridge_fit(X):
    """y_hat = sum_j u_j f_j u_j^T y equals X (X^T X + lam I)^{-1} X^T y."""
    rng = np.random.default_rng(1)
    y = rng.standard_normal(X.shape[0])
    lam = 2.0
    U, d, Vt = np.linalg.svd(X, full_matrices=False)
    y_hat = U @ (shrinkage_factors(X, lam) * (U.T @ y))
    np.testing.assert_allclose(y_hat, hat_matrix(X, lam) @ y, atol=1e-10)


def test_vectorised_over_lams_matches_scalar_calls(X):
    lams = np.geomspace(1e-3, 1e3, 9)
    F = shrinkage_factors(X, lams)
    assert F.shape == (9, 6)
    for row, lam in zip(F, lams):
        np.testing.assert_allclose(row, shrinkage_factors(X, float(lam)))
    df = effective_df(X, lams)
    assert df.shape == (9,)
    np.testing.assert_allclose(df, F.sum(axis=1))
    assert np.all(np.diff(df) < 0)  # strictly decreasing in lam


def test_scalar_returns_float_and_closed_form(X):
    d = np.linalg.svd(X, compute_uv=False)
    lam = 1.5
    df = effective_df(X, lam)
    assert isinstance(df, float)
    assert df == pytest.approx(np.sum(d**2 / (d**2 + lam)))
    np.testing.assert_allclose(shrinkage_factors(X, lam), d**2 / (d**2 + lam))
    assert shrinkage_factors(X, np.float64(lam)).ndim == 1


def test_limits_and_rank_deficient_design():
    rng = np.random.default_rng(2)
    A = rng.standard_normal((10, 3))
    X = np.column_stack([A, A[:, 0] + A[:, 1]])  # rank 3, four columns
    assert effective_df(X, 0.0) == pytest.approx(3.0)
    f0 = shrinkage_factors(X, 0.0)
    np.testing.assert_allclose(f0, [1, 1, 1, 0], atol=1e-12)
    assert effective_df(X, 1e12) < 1e-9
    # wide design: n < p, at most n factors
    W = rng.standard_normal((4, 9))
    assert shrinkage_factors(W, 1.0).shape == (4,)
    assert effective_df(W, 0.0) == pytest.approx(4.0)


def test_factors_in_unit_interval(X):
    F = shrinkage_factors(X, np.geomspace(1e-6, 1e6, 25))
    assert np.all(F > 0) and np.all(F < 1)


@pytest.mark.parametrize("target", [0.5, 1.0, 2.5, 5.9])
def test_lam_for_df_inverts_effective_df(X, target):
    lam = lam_for_df(X, target)
    assert lam > 0
    assert effective_df(X, lam) == pytest.approx(target, abs=1e-8)


def test_lam_for_df_at_full_rank_is_zero(X):
    assert lam_for_df(X, 6) == 0.0


@pytest.mark.parametrize(
    "lams, exc",
    [(-1.0, ValueError), ([1.0, -0.1], ValueError), (np.nan, ValueError), ([1.0, np.inf], ValueError),
     ("1", TypeError), (True, TypeError), (None, TypeError), ([], ValueError), ([[1.0, 2.0]], ValueError)],
)
def test_bad_lams(X, lams, exc):
    with pytest.raises(exc, match="lams"):
        shrinkage_factors(X, lams)
    with pytest.raises(exc, match="lams"):
        effective_df(X, lams)


@pytest.mark.parametrize(
    "bad, exc",
    [(np.ones(5), ValueError), (np.ones((0, 3)), ValueError), ([[1.0, np.nan]], ValueError),
     ("abc", TypeError), ([["a", "b"]], TypeError), (np.ones((2, 2, 2)), ValueError)],
)
def test_bad_X(bad, exc):
    with pytest.raises(exc, match="X"):
        shrinkage_factors(bad, 1.0)
    with pytest.raises(exc, match="X"):
        singular_values(bad)


@pytest.mark.parametrize("df, exc", [(0.0, ValueError), (-1.0, ValueError), (6.5, ValueError),
                                     (np.nan, ValueError), ("2", TypeError), (True, TypeError)])
def test_lam_for_df_bad_df(X, df, exc):
    with pytest.raises(exc, match="df"):
        lam_for_df(X, df)
