"""Tests for reglib.mlp: gradients by finite differences, dropout off at evaluation,
determinism, and argument checks."""

import numpy as np
import pytest
from reglib.mlp import init_mlp, mlp_backward, mlp_forward
from reglib.mlp_train import MLP, train_mlp
from reglib.softmax import softmax, softmax_cross_entropy


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
