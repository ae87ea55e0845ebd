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


def test_inverted_dropout_rejects_fakes_that_ignore_rng():
    def first_fraction(a, p, rng, training=True):  # always zeroes the first p-fraction
        if not training or p == 0:
            return a
        flat = a.ravel() / (1 - p)
        flat[: int(round(p * flat.size))] = 0.0
        return flat.reshape(a.shape)

    def own_generator(a, p, rng, training=True):  # ignores rng, uses a fixed one
        if not training or p == 0:
            return a
        return a * (np.random.default_rng(0).random(a.shape) >= p) / (1 - p)

    def global_state(a, p, rng, training=True):  # ignores rng, uses numpy's global state
        if not training or p == 0:
            return a
        return a * (np.random.random(a.shape) >= p) / (1 - p)

    def same_mask_every_row(a, p, rng, training=True):  # one mask for the whole column
        if not training or p == 0:
            return a
        return a * (rng.random(a.shape[1]) >= p) / (1 - p)

    for fake, hint in [(first_fraction, "differ"), (own_generator, "differ"),
                       (global_state, "same rng seed"), (same_mask_every_row, "rows or columns")]:
        result = check_inverted_dropout(fake)
        assert not result, fake.__name__
        assert any(hint in m for m in result.messages), (fake.__name__, result.messages)


def test_output_variance():
    from reglib.exercises.dropout import check_output_variance
    assert check_output_variance(lambda h, w, p: p / (1 - p) * np.sum(h**2 * w**2))
    # Monte Carlo agrees with the reference
    rng = np.random.default_rng(0)
    h, w, p = rng.uniform(0, 2, 5), rng.normal(size=5), 0.3
    outs = ((rng.random((200_000, 5)) >= p) * h / (1 - p)) @ w
    assert np.isclose(outs.var(), p / (1 - p) * np.sum(h**2 * w**2), rtol=0.02)
    assert not check_output_variance(lambda h, w, p: p / (1 - p) * np.sum(h * w) ** 2)
    assert not check_output_variance(lambda h, w, p: p * (1 - p) * np.sum(h**2 * w**2))


def test_dropout_limit():
    from reglib.exercises.dropout import check_dropout_limit

    def right(C, w_true, p):
        return np.linalg.solve(C + p / (1 - p) * np.diag(np.diag(C)), C @ w_true)

    assert check_dropout_limit(right)
    # the limit is what dropout_ridge approaches on a large sample
    rng = np.random.default_rng(1)
    A = np.array([[1.0, 1.5], [0.0, 3.0]])
    X = rng.normal(size=(200_000, 2)) @ A
    y = X @ np.array([2.0, 0.6]) + rng.normal(size=200_000)
    assert np.allclose(reglib.dropout_ridge(X, y, 0.5), right(A.T @ A, np.array([2.0, 0.6]), 0.5),
                       atol=0.02)
    assert not check_dropout_limit(lambda C, w_true, p: w_true)  # "the bias vanishes as n grows"
    assert not check_dropout_limit(
        lambda C, w_true, p: np.linalg.solve(C + p / (1 - p) * np.eye(len(w_true)), C @ w_true))


def test_inverted_dropout_rejects_the_reviewers_fakes():
    """Fakes found by the review: right only at p = 0.5, in place, or with a ReLU."""

    def right_only_at_half(a, p, rng, training=True):  # a fixed scattered pattern otherwise
        if not training or p == 0:
            return a
        if p == 0.5:
            return a * (rng.random(a.shape) >= p) / (1 - p)
        fixed = np.random.default_rng(123).random(a.shape) >= p
        return a * fixed / (1 - p)

    def in_place(a, p, rng, training=True):  # overwrites the caller's activations
        if not training or p == 0:
            return a
        a *= (rng.random(a.shape) >= p) / (1 - p)
        return a

    def with_relu(a, p, rng, training=True):  # also applies the nonlinearity
        if not training or p == 0:
            return a
        return np.maximum(a, 0) * (rng.random(a.shape) >= p) / (1 - p)

    for fake, hint in [(right_only_at_half, "p=0.2: masks from two different"),
                       (in_place, "modified"), (with_relu, "dropped")]:
        result = check_inverted_dropout(fake)
        assert not result, fake.__name__
        assert any(hint in m for m in result.messages), (fake.__name__, result.messages)
