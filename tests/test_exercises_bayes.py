"""Tests for reglib.exercises.bayes: each checker accepts a right answer and rejects wrong ones."""

import numpy as np
import pytest

from reglib.exercises import bayes


def _right_evidence(x, y, noise_var, prior_var):
    # matrix determinant lemma and Sherman-Morrison, no n x n matrix
    n, xx, xy = len(x), x @ x, x @ y
    logdet = n * np.log(noise_var) + np.log1p(prior_var * xx / noise_var)
    quad = (y @ y - prior_var * xy**2 / (noise_var + prior_var * xx)) / noise_var
    return -0.5 * (n * np.log(2 * np.pi) + logdet + quad)


def test_log_evidence_1w():
    assert bayes.check_log_evidence_1w(_right_evidence)


@pytest.mark.parametrize("wrong", [
    # forgets the normalizing constant n log(2 pi)
    lambda x, y, noise_var, prior_var: _right_evidence(x, y, noise_var, prior_var)
    + 0.5 * len(x) * np.log(2 * np.pi),
    # the likelihood at the least-squares weight instead of the average over the prior
    lambda x, y, noise_var, prior_var: -0.5 * (len(x) * np.log(2 * np.pi * noise_var)
                                               + np.sum((y - (x @ y) / (x @ x) * x) ** 2)
                                               / noise_var),
    # sigma^2 + tau^2 x_i^2 on the diagonal only (ignores that all points share one w)
    lambda x, y, noise_var, prior_var: -0.5 * np.sum(
        np.log(2 * np.pi * (noise_var + prior_var * x**2)) + y**2 / (noise_var + prior_var * x**2)),
], ids=["no-2pi", "plug-in-least-squares", "diagonal-only"])
def test_log_evidence_1w_rejects(wrong):
    assert not bayes.check_log_evidence_1w(wrong)


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
    def broken(x, y, noise_var, prior_var):
        raise RuntimeError("oops")

    result = bayes.check_log_evidence_1w(broken)
    assert not result
    assert "RuntimeError" in str(result)


def test_generalized_ridge_checker_rejects_non_function():
    with pytest.raises(TypeError):
        bayes.check_generalized_ridge(3.0)


def _mackay(X, y, iters=2000):
    # MacKay's fixed point written out: alpha = gamma / m^T m, 1/beta = RSS / (n - gamma)
    n = len(y)
    d2 = np.linalg.eigvalsh(X.T @ X)
    alpha, beta = 1.0, 1.0 / np.var(y)
    for _ in range(iters):
        m = np.linalg.solve(X.T @ X + alpha / beta * np.eye(X.shape[1]), X.T @ y)
        gamma = np.sum(beta * d2 / (alpha + beta * d2))
        alpha, beta = gamma / (m @ m), (n - gamma) / np.sum((y - X @ m) ** 2)
    return 1 / beta, 1 / alpha


def test_evidence_fixed_point():
    assert bayes.check_evidence_fixed_point(_mackay)


def test_evidence_fixed_point_rejects_plausible_mistakes():
    def all_parameters_count(X, y):    # gamma replaced by p, and n - p
        n, p = X.shape
        alpha, beta = 1.0, 1.0
        for _ in range(2000):
            m = np.linalg.solve(X.T @ X + alpha / beta * np.eye(p), X.T @ y)
            alpha, beta = p / (m @ m), (n - p) / np.sum((y - X @ m) ** 2)
        return 1 / beta, 1 / alpha

    def swapped(X, y):
        s2, t2 = _mackay(X, y)
        return t2, s2

    assert not bayes.check_evidence_fixed_point(all_parameters_count)
    assert not bayes.check_evidence_fixed_point(swapped)


def test_n_for_posterior_sd_must_be_whole():
    assert not bayes.check_n_for_posterior_sd(41.4)
    assert bayes.check_n_for_posterior_sd(41)
