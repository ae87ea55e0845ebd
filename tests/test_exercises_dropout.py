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


def test_dropconnect_loss_matches_monte_carlo_and_rejects_wrong():
    from reglib.exercises.dropout import _dropconnect_loss, check_dropconnect_loss

    rng = np.random.default_rng(0)
    X, W = rng.normal(size=(6, 3)) * [0.5, 1.0, 2.0], rng.normal(size=(3, 2))
    Y, p = rng.normal(size=(6, 2)), 0.4
    M = rng.random((100_000, 6, 3, 2)) >= p  # one mask per example and weight
    losses = ((Y - np.einsum("ij,mijk->mik", X, M * W / (1 - p))) ** 2).sum(axis=(1, 2))
    assert abs(losses.mean() - _dropconnect_loss(X, Y, W, p)) < 4 * losses.std() / np.sqrt(losses.size)

    assert check_dropconnect_loss(_dropconnect_loss)
    lam = lambda p: p / (1 - p)  # noqa: E731
    wrong = [
        lambda X, Y, W, p: np.sum((Y - X @ W) ** 2) + lam(p) * np.sum(W**2),  # no column norms
        lambda X, Y, W, p: np.sum((Y - X @ W) ** 2)
        + p * (1 - p) * np.sum((X**2).sum(0)[:, None] * W**2),
        lambda X, Y, W, p: np.sum((Y - X @ W) ** 2)
        + lam(p) * np.sum((X**2).sum(0) * W.sum(1) ** 2),  # row noises added
    ]
    for fake in wrong:
        assert not check_dropconnect_loss(fake)


def test_dropout_intercept_is_the_minimizer_and_rejects_wrong():
    from reglib.exercises.dropout import _dropout_intercept, check_dropout_intercept

    rng = np.random.default_rng(1)
    X = rng.normal(size=(30, 2)) + 3.0
    y = 1.0 + X @ [1.0, -2.0] + rng.normal(size=30)
    p = 0.5
    bw = _dropout_intercept(X, y, p)

    def objective(v):
        return np.sum((y - v[0] - X @ v[1:]) ** 2) + p / (1 - p) * np.sum(v[1:] ** 2 * (X**2).sum(0))

    assert all(objective(bw + 1e-3 * d) > objective(bw) for d in rng.normal(size=(20, 3)))
    assert check_dropout_intercept(_dropout_intercept)

    def centred(X, y, p):
        Xc = X - X.mean(0)
        w = reglib.dropout_ridge(Xc, y - y.mean(), p)
        return np.r_[y.mean() - X.mean(0) @ w, w]

    def intercept_dropped(X, y, p):
        return reglib.dropout_ridge(np.column_stack([np.ones(len(y)), X]), y, p)

    assert not check_dropout_intercept(centred)
    assert not check_dropout_intercept(intercept_dropped)
    assert not check_dropout_intercept(lambda X, y, p: np.r_[0.0, reglib.dropout_ridge(X, y, p)])
