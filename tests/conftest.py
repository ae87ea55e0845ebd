"""Shared fixtures for the reglib core tests (kept small on purpose)."""

import numpy as np
import pytest
from threadpoolctl import threadpool_limits

import reglib

# The tests multiply small matrices; on a small shared machine BLAS worker threads only
# add contention (measured: some numpy.linalg calls 50x slower under load). One thread.
threadpool_limits(limits=1)


@pytest.fixture
def rng():
    """A fresh, seeded generator for each test."""
    return np.random.default_rng(20240601)


@pytest.fixture
def problem(rng):
    """A small, well-conditioned regression problem with n > p: (X, y)."""
    X = rng.standard_normal((40, 6))
    y = X @ np.array([1.5, -2.0, 0.0, 0.5, 0.0, 3.0]) + 0.3 * rng.standard_normal(40)
    return X, y


@pytest.fixture(scope="session")
def diabetes():
    """The standardized diabetes data (X columns mean 0, variance 1; y centered)."""
    return reglib.data.load_diabetes(standardize=True)


@pytest.fixture
def narrow_frames(monkeypatch):
    """Explorers draw their narrow (phone) frames too, as in the book build."""
    from reglib.explore.layouts import NARROW_ENV

    monkeypatch.setenv(NARROW_ENV, "1")
