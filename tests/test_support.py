"""Tests for reglib.support: support masks, support recovery along a path, and the
zero-frequency simulation of the 2-feature L1 / L2 constrained problems."""

import numpy as np
import pytest
from sklearn.linear_model import lasso_path as sk_lasso_path

from reglib.support import support, support_recovery, zero_frequency


def test_support_exact_and_with_tolerance():
    w = np.array([0.0, -1e-9, 0.5, -2.0])
    np.testing.assert_array_equal(support(w), [False, True, True, True])
    np.testing.assert_array_equal(support(w, tol=1e-6), [False, False, True, True])
    assert support(np.zeros((3, 4))).shape == (3, 4)


def test_support_recovery_by_hand():
    w_true = np.array([1.0, 0.0, -2.0, 0.0])
    W = np.array(
        [
            [0.0, 0.0, 0.0, 0.0],   # nothing selected
            [0.5, 0.0, 0.0, 0.0],   # half the support
            [0.5, 0.0, -1.0, 0.0],  # exact
            [0.5, 0.1, -1.0, 0.2],  # all of it plus two false positives
        ]
    )
    recall, fp, exact = support_recovery(W, w_true)
    np.testing.assert_allclose(recall, [0.0, 0.5, 1.0, 1.0])
    np.testing.assert_array_equal(fp, [0, 0, 0, 2])
    np.testing.assert_array_equal(exact, [False, False, True, False])
    r1, f1, e1 = support_recovery(W[2], w_true)
    assert r1.shape == (1,) and r1[0] == 1.0 and f1[0] == 0 and e1[0]


def test_support_recovery_on_a_lasso_path_is_monotone_at_the_start():
    """Along a lasso path from lam_max down, nothing is selected first, everything last."""
    rng = np.random.default_rng(0)
    X = rng.standard_normal((60, 8))
    w_true = np.array([3.0, -2.0, 1.5, 0, 0, 0, 0, 0])
    y = X @ w_true + 0.5 * rng.standard_normal(60)
    alphas, coefs, _ = sk_lasso_path(X, y, alphas=np.geomspace(10, 1e-4, 30), tol=1e-12)
    recall, fp, exact = support_recovery(coefs.T, w_true)
    assert recall[0] == 0 and fp[0] == 0  # alpha above alpha_max: w = 0
    assert recall[-1] == 1.0
    assert exact.any()  # this easy problem is recovered exactly somewhere on the path


def test_zero_frequency_l2_never_exact_and_l1_depends_on_budget():
    rng = np.random.default_rng(1)
    small = zero_frequency(0.5, 0.05, rng, n_trials=300)
    mid = zero_frequency(0.5, 1.0, rng, n_trials=300)
    big = zero_frequency(0.5, 50.0, rng, n_trials=300)
    assert small[1] == 0.0 and mid[1] == 0.0 and big[1] == 0.0
    assert small[0] > 0.9          # tiny diamond: almost always a corner
    assert 0.05 < mid[0] < 0.95    # neither always nor never
    assert big[0] == 0.0           # budget never binds: least squares, no zeros


def test_zero_frequency_depends_on_correlation():
    rng = np.random.default_rng(2)
    neg = zero_frequency(-0.8, 1.0, rng, n_trials=400)[0]
    pos = zero_frequency(0.8, 1.0, rng, n_trials=400)[0]
    assert pos > neg + 0.2  # w_true = (1, 1): positive correlation pushes to a corner


def test_zero_frequency_is_reproducible():
    a = zero_frequency(0.3, 0.8, np.random.default_rng(7), n_trials=50)
    b = zero_frequency(0.3, 0.8, np.random.default_rng(7), n_trials=50)
    assert a == b


def test_bad_inputs():
    with pytest.raises(ValueError, match="tol must be a non-negative"):
        support([1.0], tol=-1.0)
    with pytest.raises(TypeError, match="tol must be a real number"):
        support([1.0], tol="0")
    with pytest.raises(ValueError, match="finite"):
        support([np.nan])
    with pytest.raises(ValueError, match="same number of features"):
        support_recovery(np.zeros((2, 3)), np.ones(4))
    with pytest.raises(ValueError, match="at least one non-zero"):
        support_recovery(np.zeros((2, 3)), np.zeros(3))
    with pytest.raises(ValueError, match="W must be 1-D"):
        support_recovery(np.zeros((2, 3, 1)), np.ones(3))
    rng = np.random.default_rng(0)
    with pytest.raises(TypeError, match="rng must be a numpy.random.Generator"):
        zero_frequency(0.0, 1.0, 0)
    with pytest.raises(ValueError, match="n_trials must be an integer >= 1"):
        zero_frequency(0.0, 1.0, rng, n_trials=0)
    with pytest.raises(ValueError, match="noise must be a positive"):
        zero_frequency(0.0, 1.0, rng, noise=-1.0)
    with pytest.raises(ValueError, match="rho must be a correlation"):
        zero_frequency(-1.0, 1.0, rng)
    with pytest.raises(ValueError, match="t must be a positive"):
        zero_frequency(0.0, 0.0, rng)


def test_zero_frequency_with_unequal_norms_matches_the_corner_region():
    rng = np.random.default_rng(21)
    f1, f2 = zero_frequency(0.6, 1.0, rng, n_trials=400, norms=(1.0, 0.5))
    assert f2 == 0.0
    # population value from the closed-form corner region, on many more draws
    from reglib.geometry import ends_at_corner, two_feature_problem
    X, _ = two_feature_problem([0.0, 0.0], 0.6, (1.0, 0.5))
    cov = 0.25 * np.linalg.inv(X.T @ X)
    B = np.random.default_rng(22).multivariate_normal([1.0, 1.0], cov, size=200000)
    p = ends_at_corner(X, B, 1.0).mean()
    assert abs(f1 - p) < 4 * np.sqrt(p * (1 - p) / 400)
