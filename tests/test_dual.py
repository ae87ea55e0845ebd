"""Tests for reglib.dual: ridge through the n x n dual system equals the primal solution."""

import numpy as np
import pytest
from sklearn.linear_model import Ridge as SkRidge

from reglib.dual import ridge_dual


@pytest.mark.parametrize("shape", [(8, 30), (20, 20), (50, 5)])
@pytest.mark.parametrize("lam", [1e-3, 0.5, 40.0])
def test_matches_primal_closed_form_and_sklearn(shape, lam):
    rng = np.random.default_rng(shape[0] * 100 + shape[1])
    X = rng.standard_normal(shape)
    y = rng.standard_normal(shape[0])
    primal = np.linalg.solve(X.T @ X + lam * np.eye(shape[1]), X.T @ y)
    np.testing.assert_allclose(ridge_dual(X, y, lam), primal, rtol=1e-7, atol=1e-9)
    sk = SkRidge(alpha=lam, fit_intercept=False, solver="svd").fit(X, y).coef_
    np.testing.assert_allclose(ridge_dual(X, y, lam), sk, rtol=1e-7, atol=1e-9)


def test_solution_is_a_combination_of_the_rows_and_zero_gradient():
    rng = np.random.default_rng(1)
    X, y, lam = rng.standard_normal((6, 25)), rng.standard_normal(6), 2.0
    w = ridge_dual(X, y, lam)
    alpha = np.linalg.lstsq(X.T, w, rcond=None)[0]
    np.testing.assert_allclose(X.T @ alpha, w, atol=1e-10)  # w in the row space
    grad = -2 * X.T @ (y - X @ w) + 2 * lam * w
    np.testing.assert_allclose(grad, 0.0, atol=1e-10)


def test_lam_zero_is_minimum_norm_least_squares():
    rng = np.random.default_rng(2)
    X, y = rng.standard_normal((5, 12)), rng.standard_normal(5)
    np.testing.assert_allclose(ridge_dual(X, y, 0.0), np.linalg.pinv(X) @ y, atol=1e-9)


def test_bad_arguments():
    X, y = np.ones((3, 4)), np.ones(3)
    with pytest.raises(ValueError, match="lam"):
        ridge_dual(X, y, -1.0)
    with pytest.raises(TypeError, match="lam"):
        ridge_dual(X, y, "1")
    with pytest.raises(ValueError):
        ridge_dual(X, y[:2], 1.0)
    with pytest.raises(ValueError, match="X"):
        ridge_dual(np.ones(3), y, 1.0)
    with pytest.raises(ValueError, match="finite"):
        ridge_dual(X, np.array([1.0, np.inf, 0.0]), 1.0)
