"""Tests for reglib.exercises.lasso: each checker accepts a correct answer (written
independently here, or taken from reglib / scikit-learn) and rejects plausible wrong ones."""

import numpy as np
import pytest
from sklearn.linear_model import Lasso as SkLasso

import reglib
from reglib.exercises.lasso import (_orthogonal_problems, _problems, _second_knot,
                                    check_orthogonal_lasso, check_second_knot, check_sign_flip)


def good_orthogonal_lasso(X, y, lam):
    d2 = np.sum(X**2, axis=0)
    b = (X.T @ y) / d2                                  # least squares, column by column
    t = lam / (2 * d2)
    return np.where(b > t, b - t, np.where(b < -t, b + t, 0.0))


def test_orthogonal_lasso_checker():
    assert check_orthogonal_lasso(good_orthogonal_lasso)
    # and the reference agrees with a general lasso solver
    for X, y in _orthogonal_problems():
        lam = float(np.median(np.abs(X.T @ y)))
        np.testing.assert_allclose(good_orthogonal_lasso(X, y, lam), reglib.lasso(X, y, lam), atol=1e-9)
        sk = SkLasso(alpha=lam / (2 * len(y)), fit_intercept=False, tol=1e-14, max_iter=10**6).fit(X, y)
        np.testing.assert_allclose(good_orthogonal_lasso(X, y, lam), sk.coef_, atol=1e-6)


@pytest.mark.parametrize("wrong", [
    lambda X, y, lam: reglib.soft_threshold(np.linalg.lstsq(X, y, rcond=None)[0], lam / 2),  # unit norms
    lambda X, y, lam: reglib.soft_threshold(X.T @ y, lam / 2),                               # no division
    lambda X, y, lam: reglib.soft_threshold(X.T @ y, lam) / np.sum(X**2, axis=0),           # lam, not lam/2
    lambda X, y, lam: (X.T @ y) / (np.sum(X**2, axis=0) + lam),                              # ridge-like
])
def test_orthogonal_lasso_checker_rejects(wrong):
    assert not check_orthogonal_lasso(wrong)


def test_second_knot_reference_is_the_path_knot():
    for X, y in _problems():
        assert _second_knot(X, y) == pytest.approx(reglib.lasso_knots(X, y).lams[1], rel=1e-9)


def test_second_knot_checker():
    assert check_second_knot(lambda X, y: reglib.lasso_knots(X, y).lams[1])
    assert not check_second_knot(lambda X, y: reglib.lasso_knots(X, y).lams[0])          # first knot
    assert not check_second_knot(lambda X, y: 2 * np.sort(np.abs(X.T @ y))[-2])          # marginal order
    assert not check_second_knot(lambda X, y: np.sort(np.abs(X.T @ y))[-2])              # and lam/2 slip


def test_sign_flip_checker():
    X, y = reglib.two_feature_problem([1.5, -0.2], 0.9, (1.0, 2.0))
    lam_max = 2 * np.max(np.abs(X.T @ y))
    assert check_sign_flip(X, y, lam_max / 2)
    # the lasso only shrinks when the columns are orthogonal: no flip is possible
    Q, _ = np.linalg.qr(np.random.default_rng(0).standard_normal((20, 3)))
    yq = Q @ np.array([2.0, -0.1, 0.5])
    assert not check_sign_flip(Q, yq, 0.1)
    assert not check_sign_flip(X, y, 1.01 * lam_max)                     # everything zero
    assert not check_sign_flip(X, y, 0.0)                                # lam must be positive
    assert not check_sign_flip(np.column_stack([X[:, 0], X[:, 0]]), y, 1.0)   # rank deficient
    assert not check_sign_flip("x", y, 1.0)


def test_sign_flip_checker_rejects_fakes():
    # an exact zero least-squares coefficient has no sign to flip, though lstsq returns ~ -1e-18
    X0, y0 = reglib.two_feature_problem([1.5, 0.0], 0.9, (1.0, 2.0))
    lam0 = np.max(np.abs(X0.T @ y0))
    w0 = reglib.lasso(X0, y0, lam0)
    assert w0[1] != 0 and not check_sign_flip(X0, y0, lam0)
    # more than two features: not what the exercise asks, even if a sign flips
    rng = np.random.default_rng(3)
    z = rng.standard_normal((50, 1))
    X3 = np.column_stack([z + 0.3 * rng.standard_normal((50, 1)), 2 * z + 0.3 * rng.standard_normal((50, 1)),
                          rng.standard_normal((50, 1))])
    X3 -= X3.mean(axis=0)
    y3 = X3 @ np.array([1.5, -0.2, 0.0])           # least squares (1.5, -0.2, 0); lasso flips the second
    assert not check_sign_flip(X3, y3, np.max(np.abs(X3.T @ y3)))
    # the reported failure names the reason
    assert "two features" in str(check_sign_flip(X3, y3, 1.0))


def test_checkers_report_exceptions_and_reject_non_callables():
    def broken(a, b):
        raise RuntimeError("boom")

    result = check_second_knot(broken)
    assert not result and "RuntimeError" in str(result)
    with pytest.raises(TypeError, match="fn must be a function"):
        check_orthogonal_lasso(3.0)
