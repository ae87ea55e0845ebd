"""Tests for reglib.exercises.ridge: each checker accepts right answers and rejects wrong ones."""

import numpy as np
import pytest

from reglib.exercises.ridge import (DF_TARGET, NOISE_FACTOR, check_best_lam, check_closed_form,
                                    check_growing_coefficient, check_lam_for_df, check_shrinkage)
from reglib.shrinkage import effective_df


def solve_ridge(X, y, lam):
    return np.linalg.solve(X.T @ X + lam * np.eye(X.shape[1]), X.T @ y)


def svd_factors(X, lam):
    d = np.linalg.svd(X, compute_uv=False)
    return d**2 / (d**2 + lam)


def test_closed_form_accepts_correct_solutions():
    assert check_closed_form(solve_ridge)
    assert check_closed_form(lambda X, y, lam: np.linalg.lstsq(
        np.vstack([X, np.sqrt(lam) * np.eye(X.shape[1])]), np.r_[y, np.zeros(X.shape[1])], rcond=None)[0])


@pytest.mark.parametrize(
    "wrong",
    [
        lambda X, y, lam: np.linalg.lstsq(X, y, rcond=None)[0],  # forgot the penalty
        lambda X, y, lam: np.linalg.solve(X.T @ X + 2 * lam * np.eye(X.shape[1]), X.T @ y),  # 2 lam
        lambda X, y, lam: np.linalg.solve(X.T @ X + lam * np.eye(X.shape[1]), X.T @ y)[:-1],  # shape
        lambda X, y, lam: 1 / 0,  # raises
    ],
)
def test_closed_form_rejects_wrong_solutions(wrong):
    result = check_closed_form(wrong)
    assert not result
    assert result.messages
    assert "Not yet" in str(result)


def test_shrinkage_checker():
    assert check_shrinkage(svd_factors)
    assert not check_shrinkage(lambda X, lam: svd_factors(X, lam)[::-1])  # wrong order
    assert not check_shrinkage(lambda X, lam: (lambda d: d / (d + lam))(np.linalg.svd(X, compute_uv=False)))
    assert not check_shrinkage(lambda X, lam: np.linalg.eigvalsh(X.T @ X) / (np.linalg.eigvalsh(X.T @ X) + lam))


def test_lam_for_df_checker():
    import reglib
    X = reglib.data.load_diabetes(standardize=True)[0]
    # a correct answer found independently by bisection on the closed form
    lo, hi = 0.0, 1e5
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        lo, hi = (mid, hi) if effective_df(X, mid) > DF_TARGET else (lo, mid)
    assert DF_TARGET == 5
    assert check_lam_for_df(0.5 * (lo + hi))
    wrong = check_lam_for_df(2 * hi)
    assert not wrong
    assert any("degrees of freedom" in m for m in wrong.messages)
    assert not check_lam_for_df(-1.0)
    assert not check_lam_for_df("ten")
    # the task is fixed: the answer for another df, or for another design, fails
    lo, hi = 0.0, 1e5
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        lo, hi = (mid, hi) if effective_df(X, mid) > 4.0 else (lo, mid)
    assert not check_lam_for_df(0.5 * (lo + hi))
    X_other = np.random.default_rng(0).standard_normal((40, 10))
    lo, hi = 0.0, 1e5
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        lo, hi = (mid, hi) if effective_df(X_other, mid) > DF_TARGET else (lo, mid)
    assert not check_lam_for_df(0.5 * (lo + hi))


def test_checker_bad_arguments():
    with pytest.raises(TypeError):
        check_closed_form("not a function")


def _correlated_pair(rho, w, n=100, seed=0):
    rng = np.random.default_rng(seed)
    z = rng.standard_normal((n, 2))
    X = np.column_stack([z[:, 0], rho * z[:, 0] + np.sqrt(1 - rho**2) * z[:, 1]])
    return X, X @ np.asarray(w) + 0.1 * rng.standard_normal(n)


def test_growing_coefficient_accepts_a_counterexample():
    X, y = _correlated_pair(0.95, [2.0, 0.2])
    assert check_growing_coefficient(X, y, 20.0)


def test_growing_coefficient_rejects_non_examples():
    # orthonormal design: ridge = OLS / (1 + lam), every coefficient shrinks
    Q = np.linalg.qr(np.random.default_rng(1).standard_normal((30, 3)))[0]
    y = Q @ np.array([1.0, -2.0, 0.3])
    for lam in [0.1, 1.0, 100.0]:
        assert not check_growing_coefficient(Q, y, lam)
    X, y = _correlated_pair(0.95, [2.0, 0.2])
    assert not check_growing_coefficient(X, y, 0.0)          # lam must be positive
    assert not check_growing_coefficient(X[:, :1], y, 1.0)   # one feature cannot do it
    assert not check_growing_coefficient(np.column_stack([X[:, 0], X[:, 0]]), y, 1.0)  # rank deficient
    assert not check_growing_coefficient(X, y[:-1], 1.0)
    assert not check_growing_coefficient("X", y, 1.0)
    # equal least-squares coefficients on correlated features: both shrink
    X, y = _correlated_pair(0.95, [1.0, 1.0])
    X = X - X.mean(0)
    y = X @ np.array([1.0, 1.0])
    assert not check_growing_coefficient(X, y, 5.0)


def _exact_errors(X, w, sd, lams):
    out = []
    for lam in lams:
        A = X.T @ X + lam * np.eye(X.shape[1])
        mean = np.linalg.solve(A, X.T @ X @ w)
        S = np.linalg.solve(A, X.T)
        out.append(sd**2 + np.sum((mean - w) ** 2) + sd**2 * np.trace(S @ S.T))
    return np.array(out)


def test_best_lam_checker():
    rng = np.random.default_rng(4)
    X, w = rng.standard_normal((30, 25)), rng.standard_normal(25)
    lams = np.r_[0.0, np.geomspace(1e-2, 1e3, 31)]
    assert NOISE_FACTOR == 2.0
    for sd in [1.0, 2.0]:
        # the checker is given the experiment's noise sd and applies the doubling itself
        best = lams[np.argmin(_exact_errors(X, w, 2 * sd, lams))]
        assert check_best_lam(best, X, w, sd, lams)
        assert not check_best_lam(best * 1.3, X, w, sd, lams)
    # the fake that ignores the doubling: the best lam at the experiment's own noise
    best1 = lams[np.argmin(_exact_errors(X, w, 1.0, lams))]
    result = check_best_lam(best1, X, w, 1.0, lams)
    assert not result and any("held-out" in m for m in result.messages)
    assert not check_best_lam(0.0, X, w, 1.0, lams)
    with pytest.raises(ValueError, match="noise_sd"):
        check_best_lam(1.0, X, w, 0.0, lams)
