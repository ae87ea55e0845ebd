"""The chapter's exercise checkers accept right answers and reject wrong ones."""

import numpy as np
import pytest

from reglib.exercises import choosing


def good_standardize(X_train, X_val):
    return (X_val - X_train.mean(0)) / X_train.std(0)


def leaky_standardize(X_train, X_val):  # uses the validation fold's own statistics
    with np.errstate(invalid="ignore", divide="ignore"):
        return (X_val - X_val.mean(0)) / X_val.std(0)


def ddof1_standardize(X_train, X_val):
    return (X_val - X_train.mean(0)) / X_train.std(0, ddof=1)


def test_standardize_fold_checker():
    assert choosing.check_standardize_fold(good_standardize)
    assert not choosing.check_standardize_fold(leaky_standardize)
    assert not choosing.check_standardize_fold(ddof1_standardize)


def good_one_se(lams, mean, se):
    i = np.argmin(mean)
    return np.max(np.asarray(lams)[mean <= mean[i] + se[i]])


def argmin_only(lams, mean, se):
    return lams[np.argmin(mean)]


def smallest_within(lams, mean, se):  # the least regularized model within one SE
    i = np.argmin(mean)
    return np.min(np.asarray(lams)[mean <= mean[i] + se[i]])


def test_one_standard_error_checker():
    assert choosing.check_one_standard_error(good_one_se)
    assert not choosing.check_one_standard_error(argmin_only)
    assert not choosing.check_one_standard_error(smallest_within)


def good_alpha(n, lam1, lam2):
    alpha = lam1 / (2 * n) + lam2 / n
    return alpha, lam1 / (2 * n) / alpha


def forgot_half(n, lam1, lam2):  # treats the ridge part like the lasso part
    alpha = lam1 / (2 * n) + lam2 / (2 * n)
    return alpha, lam1 / (2 * n) / alpha


def test_sklearn_alpha_checker():
    assert choosing.check_sklearn_alpha(good_alpha)
    assert not choosing.check_sklearn_alpha(forgot_half)


def test_reference_alpha_against_sklearn_elasticnet():
    from sklearn.linear_model import ElasticNet

    rng = np.random.default_rng(0)
    n, p = 40, 5
    X = rng.normal(size=(n, p))
    y = X @ rng.normal(size=p) + rng.normal(size=n)
    lam1, lam2 = 6.0, 9.0
    alpha, l1_ratio = choosing.reference_sklearn_alpha(n, lam1, lam2)
    w = ElasticNet(alpha=alpha, l1_ratio=l1_ratio, fit_intercept=False, tol=1e-14, max_iter=100_000).fit(X, y).coef_

    def objective(v):
        return np.sum((y - X @ v) ** 2) + lam1 * np.abs(v).sum() + lam2 * np.sum(v ** 2)

    # w minimizes the course's objective: no small step lowers it
    for j in range(p):
        for h in (1e-5, -1e-5):
            e = np.zeros(p)
            e[j] = h
            assert objective(w + e) >= objective(w) - 1e-9


def test_checker_reports_exceptions():
    def broken(*a, **k):
        raise RuntimeError("boom")

    res = choosing.check_sklearn_alpha(broken)
    assert not res and "RuntimeError" in str(res)
    with pytest.raises(TypeError):
        choosing.check_one_standard_error(3)
