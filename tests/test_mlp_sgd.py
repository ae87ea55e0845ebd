"""Tests for reglib.mlp_sgd: independent streams and minibatches that cover every row."""

import numpy as np

from reglib.mlp_sgd import minibatches, split_rng


def test_split_rng_is_deterministic_and_independent():
    a = [g.random(5) for g in split_rng(np.random.default_rng(7))]
    b = [g.random(5) for g in split_rng(np.random.default_rng(7))]
    assert all(np.array_equal(x, y) for x, y in zip(a, b))
    assert not np.allclose(a[0], a[1]) and not np.allclose(a[1], a[2])
    # drawing masks from one stream does not move another
    init, order, masks = split_rng(np.random.default_rng(7))
    masks.random(1000)
    assert np.array_equal(order.random(5), b[1])


def test_minibatches_cover_every_row_once():
    batches = minibatches(23, 5, np.random.default_rng(0))
    assert [len(b) for b in batches] == [5, 5, 5, 5, 3]
    assert np.array_equal(np.sort(np.concatenate(batches)), np.arange(23))
    again = minibatches(23, 5, np.random.default_rng(0))
    assert all(np.array_equal(x, y) for x, y in zip(batches, again))
