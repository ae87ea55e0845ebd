"""Tests for reglib.exercises.dropout: each checker accepts right answers, rejects wrong ones."""

import numpy as np
import pytest

import reglib
from reglib.exercises.dropout import (
    check_dropout_ridge,
    check_equivalent_lam,
    check_inverted_dropout,
    check_unit_variance,
)


def my_dropout(a, p, rng, training=True):
    if not training or p == 0:
        return a
    return a * (rng.random(a.shape) >= p) / (1 - p)


def test_inverted_dropout_accepts_correct():
    assert check_inverted_dropout(my_dropout)
    assert check_inverted_dropout(reglib.dropout)


@pytest.mark.parametrize(
    "wrong, hint",
    [
        (lambda a, p, rng, training=True: a * (rng.random(a.shape) >= p), "not scaled"),
        (lambda a, p, rng, training=True: np.where(rng.random(a.shape) < p, a / max(p, 1e-9), 0.0),
         "keep probability"),
        (lambda a, p, rng, training=True: a * (rng.random(a.shape) >= p) / (1 - p), "unchanged"),
        (lambda a, p, rng, training=True: a, "dropped"),
        (lambda a, p, rng, training=True: a * (1 - p), "0 or a/(1-p)"),
        (lambda a, p, rng, training=True: a[:10], "shape"),
        (lambda a, p, rng, training=True: 1 / 0, "raised"),
    ],
)
def test_inverted_dropout_rejects_wrong(wrong, hint):
    result = check_inverted_dropout(wrong)
    assert not result
    assert any(hint in m for m in result.messages), result.messages


def test_unit_variance():
    assert check_unit_variance(lambda a, p: a**2 * p / (1 - p))
    # Monte Carlo agrees with the formula the checker uses
    rng = np.random.default_rng(0)
    a, p = 1.7, 0.3
    draws = a * (rng.random(400_000) >= p) / (1 - p)
    assert np.isclose(draws.var(), a**2 * p / (1 - p), rtol=0.02)
    assert not check_unit_variance(lambda a, p: a**2 * p * (1 - p))  # unscaled Bernoulli variance
    assert not check_unit_variance(lambda a, p: a * p / (1 - p))


def test_dropout_ridge():
    def mine(X, y, p):
        G = X.T @ X
        return np.linalg.solve(G + p / (1 - p) * np.diag(np.diag(G)), X.T @ y)

    assert check_dropout_ridge(mine)
    # plain ridge with the same lam is not the same thing (columns have different norms)
    assert not check_dropout_ridge(
        lambda X, y, p: np.linalg.solve(X.T @ X + p / (1 - p) * np.eye(X.shape[1]), X.T @ y))
    assert not check_dropout_ridge(
        lambda X, y, p: np.linalg.solve(X.T @ X + p * np.diag(np.diag(X.T @ X)), X.T @ y))


def test_equivalent_lam():
    assert check_equivalent_lam(lambda n, p: n * p / (1 - p))
    assert not check_equivalent_lam(lambda n, p: p / (1 - p))
    assert not check_equivalent_lam(lambda n, p: n * p)


def test_not_callable():
    with pytest.raises(TypeError, match="fn"):
        check_inverted_dropout(3)
    with pytest.raises(TypeError, match="fn"):
        check_dropout_ridge("w")
