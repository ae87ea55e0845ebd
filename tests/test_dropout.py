"""Tests of reglib.dropout (inverted dropout; p is the drop probability)."""

import numpy as np
import pytest

import reglib


@pytest.mark.parametrize("p", [0.1, 0.5, 0.8])
def test_drop_rate_and_scaling(p):
    rng = np.random.default_rng(1)
    a = np.full(200_000, 3.0)
    out, mask = reglib.dropout(a, p, rng, return_mask=True)
    dropped = np.mean(out == 0.0)
    sd = np.sqrt(p * (1 - p) / a.size)
    assert abs(dropped - p) < 5 * sd  # drop rate is p (5 standard errors)
    assert np.array_equal(out == 0.0, ~mask)
    assert np.allclose(out[mask], 3.0 / (1 - p))  # survivors scaled by 1/(1-p)


@pytest.mark.parametrize("p", [0.2, 0.5, 0.9])
def test_expectation_is_kept(p):
    """E[dropout(a)] = a, entrywise: average many independent masks."""
    rng = np.random.default_rng(2)
    a = np.array([[1.0, -2.0, 0.5], [4.0, 0.0, -1.5]])
    draws = np.stack([reglib.dropout(a, p, rng) for _ in range(20_000)])
    se = np.abs(a) * np.sqrt(p / (1 - p) / draws.shape[0])  # std of the mean
    assert np.all(np.abs(draws.mean(axis=0) - a) <= 5 * se + 1e-12)


def test_eval_mode_is_identity(rng):
    a = rng.standard_normal((4, 5))
    out, mask = reglib.dropout(a, 0.7, rng, training=False, return_mask=True)
    assert np.array_equal(out, a) and mask.all()
    assert out is not a  # a copy, never the caller's array
    assert np.array_equal(reglib.dropout(a, 0.0, rng), a)  # p = 0: nothing dropped


def test_eval_mode_does_not_consume_randomness():
    g1, g2 = np.random.default_rng(5), np.random.default_rng(5)
    reglib.dropout(np.ones(10), 0.5, g1, training=False)
    assert g1.random() == g2.random()


def test_seeded_determinism():
    a = np.arange(1000.0).reshape(10, 100)
    one = reglib.dropout(a, 0.5, np.random.default_rng(42))
    two = reglib.dropout(a, 0.5, np.random.default_rng(42))
    other = reglib.dropout(a, 0.5, np.random.default_rng(43))
    assert np.array_equal(one, two)
    assert not np.array_equal(one, other)


def test_shapes_and_input_untouched(rng):
    a = np.ones((2, 3, 4))
    before = a.copy()
    assert reglib.dropout(a, 0.5, rng).shape == (2, 3, 4)
    assert np.array_equal(a, before)
    assert reglib.dropout(2.0, 0.5, rng).shape == ()
    assert reglib.dropout([[1, 2]], 0.5, rng).dtype == float


@pytest.mark.parametrize(
    "kwargs, exc, msg",
    [
        (dict(p=1.0), ValueError, r"p must be a probability in \[0, 1\), got 1.0"),
        (dict(p=-0.1), ValueError, r"p must be a probability in \[0, 1\)"),
        (dict(p=1.5), ValueError, r"p must be a probability in \[0, 1\)"),
        (dict(p=np.nan), ValueError, r"p must be a probability in \[0, 1\)"),
        (dict(p="0.5"), TypeError, r"p must be a probability in \[0, 1\), got '0.5'"),
        (dict(p=True), TypeError, r"p must be a probability .*bool"),
        (dict(rng=0), TypeError, r"rng must be a numpy.random.Generator"),
        (dict(rng=None), TypeError, r"rng must be a numpy.random.Generator"),
        (dict(rng=np.random.RandomState(0)), TypeError, r"rng must be a numpy.random.Generator.*RandomState"),
        (dict(a=np.array([1.0, np.nan])), ValueError, r"a must contain only finite"),
        (dict(a="abc"), TypeError, r"a must be an array of real numbers"),
        (dict(training="yes"), TypeError, r"training must be True or False"),
        (dict(return_mask=1), TypeError, r"return_mask must be True or False"),
    ],
)
def test_dropout_rejects(kwargs, exc, msg):
    args = dict(a=np.ones(4), p=0.5, rng=np.random.default_rng(0))
    args.update(kwargs)
    with pytest.raises(exc, match=msg):
        reglib.dropout(**args)
