"""Tests for reglib.mlp: gradients by finite differences, dropout off at evaluation,
determinism, and argument checks."""

import numpy as np
import pytest
from sklearn.metrics import log_loss

from reglib.mlp import (
    MLP,
    init_mlp,
    mlp_backward,
    mlp_forward,
    softmax,
    softmax_cross_entropy,
    train_mlp,
)


def toy(n=30, d=5, k=3, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    y = np.argmax(X[:, :k] + 0.1 * rng.normal(size=(n, k)), axis=1)
    return X, y


def loss_with_fixed_masks(params, X, y, p, p_input, seed):
    logits, cache = mlp_forward(params, X, p=p, rng=np.random.default_rng(seed),
                                training=True, p_input=p_input)
    return softmax_cross_entropy(logits, y), cache


@pytest.mark.parametrize("p, p_input, hidden", [(0.0, 0.0, (7,)), (0.5, 0.0, (7,)),
                                                (0.3, 0.2, (6, 5))])
def test_gradient_matches_finite_differences(p, p_input, hidden):
    X, y = toy()
    rng = np.random.default_rng(1)
    params = init_mlp((5, *hidden, 3), rng)
    # non-zero biases: with zero biases a sample whose units are all off sits exactly on
    # a ReLU kink (z = 0), where finite differences and the gradient legitimately differ
    params = [(W, 0.1 + 0.1 * rng.random(b.shape)) for W, b in params]
    (loss, g), cache = loss_with_fixed_masks(params, X, y, p, p_input, seed=2)
    grads = mlp_backward(params, cache, g)
    eps = 1e-6
    for l, ((W, b), (dW, db)) in enumerate(zip(params, grads)):
        for A, dA in ((W, dW), (b, db)):
            num = np.zeros_like(A)
            for idx in np.ndindex(A.shape):
                old = A[idx]
                A[idx] = old + eps
                up = loss_with_fixed_masks(params, X, y, p, p_input, seed=2)[0][0]
                A[idx] = old - eps
                down = loss_with_fixed_masks(params, X, y, p, p_input, seed=2)[0][0]
                A[idx] = old
                num[idx] = (up - down) / (2 * eps)
            assert np.allclose(dA, num, rtol=1e-5, atol=1e-8), f"layer {l}"


def test_softmax_cross_entropy_matches_sklearn():
    rng = np.random.default_rng(0)
    z = rng.normal(size=(20, 4)) * 3
    y = rng.integers(0, 4, size=20)
    loss, g = softmax_cross_entropy(z, y)
    assert np.isclose(loss, log_loss(y, softmax(z), labels=range(4)))
    assert np.allclose(softmax(z).sum(1), 1)
    assert np.allclose(g.sum(1), 0)  # gradient rows sum to zero
    # huge logits stay finite
    loss_big, _ = softmax_cross_entropy(z * 1e4, y)
    assert np.isfinite(loss_big)


def test_dropout_is_off_at_evaluation():
    X, y = toy()
    params = init_mlp((5, 8, 3), np.random.default_rng(0))
    a, _ = mlp_forward(params, X)
    b, _ = mlp_forward(params, X, p=0.5, rng=np.random.default_rng(1), training=False)
    c, _ = mlp_forward(params, X, p=0.5, rng=np.random.default_rng(2), training=False)
    assert np.array_equal(a, b) and np.array_equal(b, c)
    d, _ = mlp_forward(params, X, p=0.0, rng=np.random.default_rng(1), training=True)
    assert np.allclose(a, d)
    e, _ = mlp_forward(params, X, p=0.5, rng=np.random.default_rng(1), training=True)
    assert not np.allclose(a, e)  # training with p > 0 is random


def test_training_mode_is_unbiased_for_one_hidden_layer():
    # logits are linear in the dropped hidden units, so their mask average is the
    # plain network's logits (inverted scaling keeps the expectation)
    X, _ = toy(n=4)
    params = init_mlp((5, 10, 3), np.random.default_rng(0))
    net = MLP(params=params, p=0.5)
    z_eval = mlp_forward(params, X)[0]
    zs = np.stack([mlp_forward(params, X, p=0.5, rng=np.random.default_rng(s), training=True)[0]
                   for s in range(4000)])
    se = zs.std(0, ddof=1) / np.sqrt(len(zs))
    assert np.all(np.abs(zs.mean(0) - z_eval) < 5 * se + 1e-12)
    assert np.allclose(net.predict_proba(X), softmax(z_eval))


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


def test_init_shapes_and_scale():
    params = init_mlp((64, 500, 10), np.random.default_rng(0))
    assert [W.shape for W, _ in params] == [(64, 500), (500, 10)]
    assert np.all(params[0][1] == 0)
    assert np.isclose(params[0][0].std(), np.sqrt(2 / 64), rtol=0.05)
    assert np.isclose(params[1][0].std(), np.sqrt(1 / 500), rtol=0.05)


def test_bad_inputs():
    X, y = toy()
    rng = np.random.default_rng(0)
    params = init_mlp((5, 4, 3), rng)
    with pytest.raises(ValueError, match="p"):
        train_mlp(X, y, p=1.0, rng=rng)
    with pytest.raises(ValueError, match="p_input"):
        train_mlp(X, y, p_input=-0.1, rng=rng)
    with pytest.raises(TypeError, match="rng"):
        train_mlp(X, y, rng=0)
    with pytest.raises(ValueError, match="rows"):
        train_mlp(X, y[:-1], rng=rng)
    with pytest.raises(ValueError, match="class labels"):
        train_mlp(X, y + 0.5, rng=rng)
    with pytest.raises(ValueError, match="class labels"):
        train_mlp(X, y - 1, rng=rng)
    with pytest.raises(ValueError, match="epochs"):
        train_mlp(X, y, rng=rng, epochs=0)
    with pytest.raises(TypeError, match="hidden"):
        train_mlp(X, y, rng=rng, hidden=(4.5,))
    with pytest.raises(ValueError, match="lr"):
        train_mlp(X, y, rng=rng, lr=0.0)
    with pytest.raises(ValueError, match="X_test"):
        train_mlp(X, y, rng=rng, X_test=X)
    with pytest.raises(ValueError, match="columns"):
        train_mlp(X, y, rng=rng, X_test=X[:, :3], y_test=y)
    with pytest.raises(ValueError, match="finite"):
        train_mlp(np.full_like(X, np.nan), y, rng=rng)
    with pytest.raises(ValueError, match="columns"):
        mlp_forward(params, X[:, :4])
    with pytest.raises(TypeError, match="rng"):
        mlp_forward(params, X, p=0.5, training=True)
    with pytest.raises(TypeError, match="training"):
        mlp_forward(params, X, training="yes")
    with pytest.raises(TypeError, match="params"):
        mlp_forward("weights", X)
    with pytest.raises(ValueError, match="params"):
        mlp_forward([(np.ones((5, 4)), np.ones(3))], X)
    with pytest.raises(ValueError, match="sizes"):
        init_mlp((5,), rng)
    with pytest.raises(ValueError, match="sizes"):
        init_mlp((5, 0, 3), rng)
    with pytest.raises(ValueError, match="dlogits"):
        _, cache = mlp_forward(params, X)
        mlp_backward(params, cache, np.ones((2, 3)))
    with pytest.raises(ValueError, match="n_samples"):
        MLP(params=params, p=0.5).mc_proba(X, rng, n_samples=0)
