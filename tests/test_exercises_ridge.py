"""Tests for reglib.exercises.ridge: each checker accepts right answers and rejects wrong ones."""

import numpy as np
import pytest

from reglib.exercises.ridge import check_closed_form, check_lam_for_df, check_shrinkage
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
    X = np.random.default_rng(0).standard_normal((40, 5))
    # a correct answer found independently by bisection on the closed form
    lo, hi = 0.0, 1e4
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        lo, hi = (mid, hi) if effective_df(X, mid) > 3.0 else (lo, mid)
    assert check_lam_for_df(0.5 * (lo + hi), X, 3.0)
    wrong = check_lam_for_df(2 * hi, X, 3.0)
    assert not wrong
    assert any("degrees of freedom" in m for m in wrong.messages)
    assert not check_lam_for_df(-1.0, X, 3.0)
    assert not check_lam_for_df("ten", X, 3.0)


def test_lam_for_df_checker_bad_arguments():
    X = np.random.default_rng(0).standard_normal((10, 3))
    with pytest.raises(ValueError, match="df"):
        check_lam_for_df(1.0, X, 4.0)
    with pytest.raises(ValueError, match="X"):
        check_lam_for_df(1.0, np.ones(3), 1.0)
    with pytest.raises(TypeError):
        check_closed_form("not a function")
