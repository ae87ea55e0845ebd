"""Tests for reglib.exercises.lasso: each checker accepts a correct answer (written
independently here, or taken from scikit-learn) and rejects typical wrong ones."""

import numpy as np
import pytest
from sklearn.linear_model import Lasso as SkLasso

from reglib.exercises.lasso import _problems, check_cd_update, check_lam_max, check_soft_threshold


def good_soft_threshold(z, t):
    z = np.asarray(z, dtype=float)
    out = np.where(z > t, z - t, np.where(z < -t, z + t, 0.0))
    return float(out) if out.ndim == 0 else out


def test_soft_threshold_checker():
    assert check_soft_threshold(good_soft_threshold)
    assert not check_soft_threshold(lambda z, t: good_soft_threshold(z, 2 * t))  # lam vs lam/2 mix-up
    assert not check_soft_threshold(lambda z, t: np.where(np.abs(z) > t, z, 0.0))  # hard threshold
    assert not check_soft_threshold(lambda z, t: np.maximum(np.asarray(z) - t, 0.0))  # forgets negatives


def good_cd_update(X, y, w, j, lam):
    x = X[:, j]
    rho = x @ (y - X @ w) + (x @ x) * w[j]
    return good_soft_threshold(rho, lam / 2) / (x @ x)


def test_cd_update_checker():
    assert check_cd_update(good_cd_update)
    # without the column norm
    assert not check_cd_update(
        lambda X, y, w, j, lam: good_soft_threshold(X[:, j] @ (y - X @ w + X[:, j] * w[j]), lam / 2)
    )
    # full residual instead of the partial one
    assert not check_cd_update(
        lambda X, y, w, j, lam: good_soft_threshold(X[:, j] @ (y - X @ w), lam / 2) / (X[:, j] @ X[:, j])
    )
    # threshold lam instead of lam / 2
    assert not check_cd_update(lambda X, y, w, j, lam: good_cd_update(X, y, w, j, 2 * lam))


def test_cd_update_reference_minimizes_the_objective_in_that_coordinate():
    X, y = _problems()[0]
    w = np.array([0.3, -0.2, 0.5])
    lam = 3.0
    wj = good_cd_update(X, y, w, 1, lam)
    grid = wj + np.linspace(-0.5, 0.5, 2001)

    def obj(v):
        u = w.copy()
        u[1] = v
        return np.sum((y - X @ u) ** 2) + lam * np.sum(np.abs(u))

    assert obj(wj) <= min(obj(v) for v in grid) + 1e-12


def test_lam_max_checker_and_meaning():
    good = lambda X, y: 2 * np.max(np.abs(X.T @ y))  # noqa: E731
    assert check_lam_max(good)
    assert not check_lam_max(lambda X, y: np.max(np.abs(X.T @ y)))  # scikit-learn-like scaling
    assert not check_lam_max(lambda X, y: 2 * np.max(X.T @ y))  # forgets the absolute value
    # meaning: just above lam_max the lasso is all zeros, just below it is not (scikit-learn)
    X, y = _problems()[1]
    n, lam_max = len(y), good(X, y)
    fit = lambda lam: SkLasso(alpha=lam / (2 * n), fit_intercept=False, tol=1e-12).fit(X, y).coef_  # noqa: E731
    assert np.all(fit(1.001 * lam_max) == 0)
    assert np.any(fit(0.99 * lam_max) != 0)


def test_checkers_report_exceptions_and_reject_non_callables():
    def broken(a, b):
        raise RuntimeError("boom")

    result = check_soft_threshold(broken)
    assert not result and "RuntimeError" in str(result)
    with pytest.raises(TypeError, match="fn must be a function"):
        check_lam_max(3.0)
