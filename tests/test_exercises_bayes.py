"""Tests for reglib.exercises.bayes: each checker accepts a right answer and rejects wrong ones."""

import numpy as np
import pytest

from reglib.exercises import bayes


def test_ridge_lam():
    assert bayes.check_ridge_lam(lambda noise_var, prior_var: noise_var / prior_var)
    assert not bayes.check_ridge_lam(lambda noise_var, prior_var: prior_var / noise_var)
    assert not bayes.check_ridge_lam(lambda noise_var, prior_var: 2 * noise_var / prior_var)


def test_lasso_lam():
    assert bayes.check_lasso_lam(lambda noise_var, scale: 2 * noise_var / scale)
    assert not bayes.check_lasso_lam(lambda noise_var, scale: noise_var / scale)
    assert not bayes.check_lasso_lam(lambda noise_var, scale: noise_var / scale**2)


def test_generalized_ridge():
    def right(X, y, lam, w0):
        return np.linalg.solve(X.T @ X + lam * np.eye(X.shape[1]), X.T @ y + lam * w0)

    def plain_ridge(X, y, lam, w0):
        return np.linalg.solve(X.T @ X + lam * np.eye(X.shape[1]), X.T @ y)

    def wrong_sign(X, y, lam, w0):
        return np.linalg.solve(X.T @ X + lam * np.eye(X.shape[1]), X.T @ y - lam * w0)

    assert bayes.check_generalized_ridge(right)
    assert not bayes.check_generalized_ridge(plain_ridge)
    assert not bayes.check_generalized_ridge(wrong_sign)


def test_predictive_variance():
    def right(X_new, cov, noise_var):
        return np.einsum("ij,jk,ik->i", X_new, cov, X_new) + noise_var

    def no_noise(X_new, cov, noise_var):
        return np.einsum("ij,jk,ik->i", X_new, cov, X_new)

    def full_matrix(X_new, cov, noise_var):
        return X_new @ cov @ X_new.T + noise_var

    assert bayes.check_predictive_variance(right)
    assert not bayes.check_predictive_variance(no_noise)
    assert not bayes.check_predictive_variance(full_matrix)


def test_n_for_posterior_sd():
    n = bayes.n_for_posterior_sd(**bayes.N_EXERCISE)
    ex = bayes.N_EXERCISE
    t, s2, t2 = ex["target_sd"], ex["noise_var"], ex["prior_var"]
    # closed form: smallest integer n with n > s2 (1/t^2 - 1/tau^2)
    assert n == int(np.floor(s2 * (1 / t**2 - 1 / t2))) + 1
    assert 1 / (n / s2 + 1 / t2) < t**2 <= 1 / ((n - 1) / s2 + 1 / t2)
    assert bayes.check_n_for_posterior_sd(n)
    assert not bayes.check_n_for_posterior_sd(n - 1)
    assert not bayes.check_n_for_posterior_sd(int(np.ceil(s2 / t**2)))  # ignoring the prior
    assert bayes.n_for_posterior_sd(0.5, 1.0, 0.2) == 0  # the prior alone is already tight enough


def test_checker_survives_a_raising_answer():
    def broken(noise_var, prior_var):
        raise RuntimeError("oops")

    result = bayes.check_ridge_lam(broken)
    assert not result
    assert "RuntimeError" in str(result)


def test_generalized_ridge_checker_rejects_non_function():
    with pytest.raises(TypeError):
        bayes.check_generalized_ridge(3.0)
