"""Tests for reglib.polynomial (Legendre features of a 1-D input)."""

import numpy as np
import pytest
from numpy.polynomial import Legendre, Polynomial

from reglib.polynomial import legendre_features
from reglib.preprocessing import polynomial_features


def test_columns_are_numpys_legendre_polynomials():
    x = np.linspace(-1.0, 1.0, 7)
    X = legendre_features(x, 4)
    assert X.shape == (7, 4)
    for k in range(1, 5):
        assert np.allclose(X[:, k - 1], Legendre.basis(k)(x))


def test_known_values_of_p1_and_p2():
    u = np.array([-1.0, 0.0, 0.5, 1.0])
    X = legendre_features(u, 2)
    assert np.allclose(X[:, 0], u)
    assert np.allclose(X[:, 1], (3 * u**2 - 1) / 2)


def test_domain_is_mapped_affinely_onto_minus_one_one():
    X = legendre_features([2.0, 3.0, 4.0], 1, domain=(2.0, 4.0))
    assert np.allclose(X[:, 0], [-1.0, 0.0, 1.0])


def test_same_fits_as_raw_powers_and_numpy_polyfit():
    rng = np.random.default_rng(0)
    x = rng.uniform(0.0, 1.0, 30)
    y = np.sin(2 * np.pi * x)
    fits = []
    for X in (legendre_features(x, 6, domain=(0, 1)), polynomial_features(x, 6)):
        A = np.column_stack([np.ones_like(x), X])
        fits.append(A @ np.linalg.lstsq(A, y, rcond=None)[0])
    assert np.allclose(fits[0], fits[1], atol=1e-8)
    assert np.allclose(fits[0], Polynomial.fit(x, y, 6)(x), atol=1e-8)


def test_columns_are_orthogonal_in_the_continuous_limit():
    # integral of P_j P_k over [-1, 1] is 2 / (2k + 1) if j == k else 0 (midpoint rule)
    m = 20000
    u = -1 + (np.arange(m) + 0.5) * (2.0 / m)
    X = legendre_features(u, 5)
    gram = X.T @ X * (2.0 / m)
    assert np.allclose(gram, np.diag(2.0 / (2 * np.arange(1, 6) + 1)), atol=1e-6)


def test_much_better_conditioned_than_raw_powers_at_high_degree():
    x = np.linspace(0.0, 1.0, 40)
    cond_leg = np.linalg.cond(legendre_features(x, 15, domain=(0, 1)))
    cond_raw = np.linalg.cond(polynomial_features(x, 15))
    assert cond_leg < 100 and cond_raw > 1e8


def test_integer_input_and_numpy_integer_degree():
    X = legendre_features(np.array([0, 1]), np.int64(2))
    assert X.dtype == float and X.shape == (2, 2)


@pytest.mark.parametrize(
    "kwargs, exc, match",
    [
        (dict(x=[[0.0, 1.0]], degree=2), ValueError, "x must be a 1-D"),
        (dict(x=[], degree=2), ValueError, "x must not be empty"),
        (dict(x=[0.0, np.nan], degree=2), ValueError, "finite"),
        (dict(x=["a", "b"], degree=2), TypeError, "x must"),
        (dict(x=[0.0], degree=0), ValueError, "degree must be an integer >= 1"),
        (dict(x=[0.0], degree=2.5), TypeError, "degree must be an integer"),
        (dict(x=[0.0], degree=True), TypeError, "degree"),
        (dict(x=[0.0], degree=2, domain=(1.0, 1.0)), ValueError, "domain"),
        (dict(x=[0.0], degree=2, domain=(2.0, 1.0)), ValueError, "domain"),
        (dict(x=[0.0], degree=2, domain=(0.0, np.inf)), ValueError, "domain"),
        (dict(x=[0.0], degree=2, domain=5.0), ValueError, "domain"),
        (dict(x=[0.0], degree=2, domain=(0.0, 1.0, 2.0)), ValueError, "domain"),
    ],
)
def test_bad_input_is_rejected_with_a_clear_message(kwargs, exc, match):
    with pytest.raises(exc, match=match):
        legendre_features(**kwargs)
