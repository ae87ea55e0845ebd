"""Tests of reglib.scaling: exact power-of-two rescaling and overflow-free ratios."""

import numpy as np
import pytest

from reglib.scaling import pow2_scale, ratio, rescaled, unscale


def test_pow2_scale_is_a_power_of_two_above_the_max():
    for a in [np.array([3.0, -5.0]), np.array([1e160]), np.array([-1e-170]), np.array([1.0])]:
        s = pow2_scale(a)
        assert np.frexp(s)[0] == 0.5 and 0.5 <= np.max(np.abs(a)) / s < 1.0
    assert pow2_scale(np.zeros(3)) == 1.0


def test_rescaled_is_exact(rng):
    X, y = rng.standard_normal((4, 3)) * 1e160, rng.standard_normal(4) * 1e-170
    Xs, ys, ax, ay = rescaled(X, y)
    assert np.array_equal(Xs * ax, X) and np.array_equal(ys * ay, y)


def test_ratio_has_no_intermediate_overflow():
    assert ratio([1e300, 1e300], [1e300]) == 1e300
    assert ratio([1.0], [1e-309]) == np.inf  # only a result out of range overflows
    assert ratio([1e-200], [1e200]) == 0.0
    assert ratio([3.0], [2.0]) == 1.5 and ratio([0.0], [5.0]) == 0.0


def test_unscale_raises_when_out_of_range():
    assert np.array_equal(unscale(np.array([1.0, 2.0]), 4.0, 2.0), [2.0, 4.0])
    with pytest.raises(ValueError, match="outside the range of float64"):
        unscale(np.array([1.0]), 1e300, 1e-300)
