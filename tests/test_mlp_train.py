"""Tests for reglib.mlp_train: learning, determinism, the L2 penalty, shared initialization
and batch order across p and lam, Monte Carlo dropout, and argument checks."""

import numpy as np
import pytest

import reglib.mlp_sgd as mlp_sgd
from reglib.mlp import init_mlp, mlp_backward, mlp_forward
from reglib.mlp_sgd import split_rng
from reglib.mlp_train import MLP, _ce_grad, train_mlp


def toy(n=30, d=5, k=3, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    y = np.argmax(X[:, :k] + 0.1 * rng.normal(size=(n, k)), axis=1)
    return X, y


def test_training_learns_and_is_deterministic():
    X, y = toy(n=60)
    kw = dict(hidden=(16,), p=0.2, epochs=40, batch_size=10, lr=0.2, X_test=X[:20], y_test=y[:20])
    a = train_mlp(X, y, rng=np.random.default_rng(5), **kw)
    b = train_mlp(X, y, rng=np.random.default_rng(5), **kw)
    c = train_mlp(X, y, rng=np.random.default_rng(6), **kw)
    for (Wa, ba), (Wb, bb) in zip(a.params, b.params):
        assert np.array_equal(Wa, Wb) and np.array_equal(ba, bb)
    for key in a.history:
        assert np.array_equal(a.history[key], b.history[key])
    assert not np.array_equal(a.params[0][0], c.params[0][0])
    h = a.history
    assert h["train_loss"][-1] < 0.5 * h["train_loss"][0]
    assert h["train_acc"][-1] > 0.9
    assert list(h) == ["epoch", "train_loss", "train_acc", "test_loss", "test_acc"]
    assert np.array_equal(h["epoch"], np.arange(1, 41))
    assert np.array_equal(a.predict(X), np.argmax(a.predict_proba(X), 1))


def test_history_without_test_and_eval_every():
    X, y = toy(n=20)
    net = train_mlp(X, y, hidden=4, rng=np.random.default_rng(0), epochs=7, eval_every=3)
    assert np.array_equal(net.history["epoch"], [3, 6, 7])
    assert set(net.history) == {"epoch", "train_loss", "train_acc"}


def test_mc_dropout():
    X, y = toy(n=10)
    net = train_mlp(X, y, hidden=(12,), p=0.5, rng=np.random.default_rng(0), epochs=5)
    probs = net.mc_proba(X, np.random.default_rng(1), n_samples=50)
    assert probs.shape == (50, 10, 3)
    assert np.allclose(probs.sum(-1), 1)
    assert probs.std(0).max() > 1e-3  # a spread of predictions
    again = net.mc_proba(X, np.random.default_rng(1), n_samples=50)
    assert np.array_equal(probs, again)
    plain = MLP(params=net.params, p=0.0).mc_proba(X, np.random.default_rng(1), n_samples=3)
    assert np.allclose(plain, net.predict_proba(X)[None])  # p = 0: no spread


def record_batches(monkeypatch, seed, **kw):
    """Train on toy data and record every minibatch and the weights of the first step."""
    X, y = toy(n=50)
    X[:, 0] = np.arange(50) / 100  # row i is recognizable by its first entry
    seen, first = [], []
    real = mlp_sgd._forward

    def spy(params, Xb, *args):
        seen.append(np.round(Xb[:, 0] * 100).astype(int))
        if not first:
            first.append([W.copy() for W, _ in params])
        return real(params, Xb, *args)

    monkeypatch.setattr(mlp_sgd, "_forward", spy)
    train_mlp(X, y, hidden=(6,), rng=np.random.default_rng(seed), epochs=4,
              batch_size=7, lr=1e-3, **kw)
    return seen, first[0]


def test_same_init_and_batch_order_whatever_p_and_lam(monkeypatch):
    base_batches, base_init = record_batches(monkeypatch, 3)
    assert len(base_batches) == 4 * 8  # 4 epochs of ceil(50 / 7) minibatches
    for epoch in range(4):  # each epoch is a permutation of the rows
        rows = np.concatenate(base_batches[8 * epoch: 8 * epoch + 8])
        assert np.array_equal(np.sort(rows), np.arange(50))
    for kw in ({"p": 0.5}, {"p": 0.8, "p_input": 0.2}, {"lam": 0.1}, {"p": 0.5, "lam": 0.1}):
        batches, init = record_batches(monkeypatch, 3, **kw)
        assert all(np.array_equal(a, b) for a, b in zip(base_batches, batches)), kw
        assert all(np.array_equal(a, b) for a, b in zip(base_init, init)), kw
    # another seed gives another order and another start (the test can fail)
    other, other_init = record_batches(monkeypatch, 4)
    assert not all(np.array_equal(a, b) for a, b in zip(base_batches, other))
    assert not np.array_equal(base_init[0], other_init[0])


def test_one_full_batch_step_follows_the_penalized_gradient():
    X, y = toy(n=40)
    lam, lr = 0.3, 0.05
    net = train_mlp(X, y, hidden=(8,), rng=np.random.default_rng(2), epochs=1, batch_size=40,
                    lr=lr, lam=lam)
    init_rng, _, _ = split_rng(np.random.default_rng(2))
    params = init_mlp((5, 8, 3), init_rng)
    logits, cache = mlp_forward(params, X)
    grads = mlp_backward(params, cache, _ce_grad(logits, y))
    for (W, b), (dW, db), (W1, b1) in zip(params, grads, net.params):
        assert np.allclose(W1, W - lr * (dW + 2 * lam * W))  # d/dW of lam ||W||^2 is 2 lam W
        assert np.allclose(b1, b - lr * db)  # biases are not penalized
    assert net.lam == lam


def test_penalty_shrinks_the_weights():
    X, y = toy(n=60)
    kw = dict(hidden=(16,), epochs=30, batch_size=10, lr=0.2)
    free = train_mlp(X, y, rng=np.random.default_rng(1), **kw)
    tied = train_mlp(X, y, rng=np.random.default_rng(1), lam=0.05, **kw)
    for (Wf, _), (Wt, _) in zip(free.params, tied.params):
        assert np.linalg.norm(Wt) < 0.7 * np.linalg.norm(Wf)


def test_bad_lam():
    X, y = toy()
    with pytest.raises(ValueError, match="lam"):
        train_mlp(X, y, rng=np.random.default_rng(0), lam=-1.0)
    with pytest.raises(TypeError, match="lam"):
        train_mlp(X, y, rng=np.random.default_rng(0), lam="big")
