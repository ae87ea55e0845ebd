"""Tests of reglib.lasso: coordinate descent, the exact LARS path, its knots, the KKT check."""

import warnings

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sklearn.linear_model import Lasso as SkLasso
from sklearn.linear_model import lars_path

import reglib

# Efron, Hastie, Johnstone & Tibshirani (2004), diabetes data, LARS-lasso: the order in
# which the covariates enter (bmi, s5, bp, s3, sex, s6, s1, s4, s2, age), 0-based columns;
# s3 (column 6) then leaves and re-enters.
EFRON_ORDER = [2, 8, 3, 6, 1, 9, 4, 7, 5, 0]


def sk_lasso(X, y, lam):
    """Reference: scikit-learn's Lasso with alpha = lam / (2 n) solves the same problem."""
    n = X.shape[0]
    model = SkLasso(alpha=lam / (2 * n), fit_intercept=False, tol=1e-14, max_iter=1_000_000)
    return model.fit(X, y).coef_


def kkt_reference(X, y, w, lam):
    """Absolute KKT violation written out directly (independent of reglib)."""
    c = X.T @ (y - X @ w)
    worst = 0.0
    for j in range(X.shape[1]):
        if w[j] != 0:
            worst = max(worst, abs(c[j] - lam / 2 * np.sign(w[j])))
        else:
            worst = max(worst, abs(c[j]) - lam / 2)
    return worst / np.max(np.abs(X.T @ y))


def lam_max(X, y):
    return 2 * np.max(np.abs(X.T @ y))


# ------------------------------------------------------------------ lasso (CD)
@pytest.mark.parametrize("frac", [1e-4, 0.01, 0.1, 0.5, 0.9])
def test_lasso_matches_sklearn_and_kkt(diabetes, frac):
    X, y = diabetes
    lam = frac * lam_max(X, y)
    w = reglib.lasso(X, y, lam)
    assert np.allclose(w, sk_lasso(X, y, lam), rtol=1e-6, atol=1e-6 * np.abs(w).max())
    assert kkt_reference(X, y, w, lam) <= 1e-9
    assert reglib.lasso_kkt_violation(X, y, w, lam) <= 1e-9


def test_lasso_zero_above_lam_max(problem):
    X, y = problem
    lm = lam_max(X, y)
    assert np.array_equal(reglib.lasso(X, y, lm), np.zeros(X.shape[1]))
    assert np.array_equal(reglib.lasso(X, y, 10 * lm), np.zeros(X.shape[1]))
    w = reglib.lasso(X, y, 0.99 * lm)
    assert np.count_nonzero(w) == 1  # just below lam_max one feature has entered
    assert np.argmax(np.abs(w)) == np.argmax(np.abs(X.T @ y))


def test_lasso_lam_zero_is_least_squares(problem):
    X, y = problem
    assert np.allclose(reglib.lasso(X, y, 0.0), np.linalg.lstsq(X, y, rcond=None)[0])


def test_lasso_orthonormal_design_is_soft_threshold(rng):
    Q, _ = np.linalg.qr(rng.standard_normal((25, 6)))
    y = rng.standard_normal(25) * 3
    ols = Q.T @ y
    lams = np.array([0.0, 0.5, 1.0, 2.0, 4.0])
    path = reglib.lasso_path(Q, y, lams)
    for lam, row in zip(lams, path):
        expected = reglib.soft_threshold(ols, lam / 2)
        assert np.allclose(reglib.lasso(Q, y, lam), expected, atol=1e-12)
        assert np.allclose(row, expected, atol=1e-12)


def test_lasso_warm_start_and_n_less_than_p(rng):
    X = rng.standard_normal((8, 20))
    y = rng.standard_normal(8)
    lam = 0.2 * lam_max(X, y)
    w = reglib.lasso(X, y, lam)
    assert np.count_nonzero(w) <= 8
    assert reglib.lasso_kkt_violation(X, y, w, lam) <= 1e-9
    w_warm = reglib.lasso(X, y, lam, w0=w + 0.1)
    assert reglib.lasso_kkt_violation(X, y, w_warm, lam) <= 1e-9
    assert np.isclose(reglib.cost(X, y, w_warm, lam, "l1"), reglib.cost(X, y, w, lam, "l1"))


def test_lasso_zero_column_stays_zero(problem):
    X, y = problem
    X = X.copy()
    X[:, 2] = 0.0
    w = reglib.lasso(X, y, 1.0)
    assert w[2] == 0.0
    assert reglib.lasso_kkt_violation(X, y, w, 1.0) <= 1e-9
    assert reglib.lasso_path(X, y, [1.0, 0.1])[:, 2].tolist() == [0.0, 0.0]


def test_lasso_tolerance_below_rounding_is_met_up_to_rounding(problem):
    X, y = problem
    # a tolerance of 1e-300 is below rounding error: the certificate holds "up to rounding"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        w = reglib.lasso(X, y, 1.0, tol=1e-300, max_iter=3)
    assert reglib.lasso_kkt_violation(X, y, w, 1.0) <= 1e-12
    assert reglib.lasso_duality_gap(X, y, w, 1.0) <= 1e-12


def test_lasso_warns_when_nothing_is_certified(problem, monkeypatch):
    """If no method can certify its answer, lasso and lasso_path say so (never silently)."""
    import importlib

    module = importlib.import_module("reglib.lasso")

    def never(X, y, W, t, tol):
        ok, rel, low = reglib.lasso_certificate.certified(X, y, W, t, tol)
        return np.zeros_like(ok), rel, low

    monkeypatch.setattr(module, "certified", never)
    X, y = problem
    with pytest.warns(RuntimeWarning, match=r"lasso: no solver certified its answer at lam=1 "
                      r"\(after max_iter=3 sweeps with relative KKT violation .* and relative "
                      r"duality gap .*, not both <= tol=1.0e-09\)"):
        w = reglib.lasso(X, y, 1.0, max_iter=3)
    assert reglib.lasso_kkt_violation(X, y, w, 1.0) <= 1e-9  # still the best it found
    with pytest.warns(RuntimeWarning, match=r"lasso_path: no solver certified the row at lam=1"):
        reglib.lasso_path(X, y, [1.0])


# ------------------------------------------------------------------ KKT check
def test_kkt_violation_zero_at_solution_and_positive_elsewhere(diabetes):
    X, y = diabetes
    lam = 0.05 * lam_max(X, y)
    w = reglib.lasso(X, y, lam)
    assert reglib.lasso_kkt_violation(X, y, w, lam) <= 1e-9
    bumped = w.copy()
    bumped[np.argmax(np.abs(w))] *= 1.01
    v = reglib.lasso_kkt_violation(X, y, bumped, lam)
    assert v > 1e-4
    assert np.isclose(v, kkt_reference(X, y, bumped, lam))
    # w = 0 is optimal exactly when lam >= lam_max
    zeros = np.zeros(X.shape[1])
    assert reglib.lasso_kkt_violation(X, y, zeros, lam_max(X, y)) == 0.0
    assert np.isclose(reglib.lasso_kkt_violation(X, y, zeros, 0.5 * lam_max(X, y)), 0.5)


def test_kkt_violation_is_scale_invariant(diabetes):
    X, y = diabetes
    w = reglib.lasso(X, y, 300.0) * 1.001
    v = reglib.lasso_kkt_violation(X, y, w, 300.0)
    # y -> 10 y scales w and lam by 10; X -> 2 X halves w and doubles lam
    assert np.isclose(reglib.lasso_kkt_violation(X, 10 * y, 10 * w, 3000.0), v)
    assert np.isclose(reglib.lasso_kkt_violation(2 * X, y, w / 2, 600.0), v)


# ------------------------------------------------------------------ the path
def test_lasso_path_matches_pointwise_and_sklearn(diabetes):
    X, y = diabetes
    lams = lam_max(X, y) * np.array([0.3, 1e-4, 1.5, 0.02, 0.3, 0.0, 0.7])  # any order, repeats
    path = reglib.lasso_path(X, y, lams)
    assert path.shape == (len(lams), X.shape[1])
    for lam, row in zip(lams, path):
        assert reglib.lasso_kkt_violation(X, y, row, lam) <= 1e-9
        assert np.allclose(row, reglib.lasso(X, y, lam), rtol=1e-7, atol=1e-7)
        if lam > 0:
            assert np.allclose(row, sk_lasso(X, y, lam), rtol=1e-6, atol=1e-5)
    assert np.array_equal(path[0], path[4])
    assert np.array_equal(path[2], np.zeros(X.shape[1]))


def test_lasso_path_dense_grid_satisfies_kkt(diabetes):
    X, y = diabetes
    lams = np.geomspace(1e-4, 1.2, 100) * lam_max(X, y)
    path = reglib.lasso_path(X, y, lams)
    assert max(reglib.lasso_kkt_violation(X, y, w, lam) for w, lam in zip(path, lams)) <= 1e-9


def test_lasso_knots_match_sklearn_lars_and_efron(diabetes):
    X, y = diabetes
    knots = reglib.lasso_knots(X, y)
    alphas, _, coefs = lars_path(X, y, method="lasso")
    n = X.shape[0]
    # scikit-learn's lars_path reports alpha = max|c| / n, i.e. lam = 2 n alpha
    assert np.allclose(knots.lams, 2 * n * alphas, rtol=1e-10)
    assert np.allclose(knots.coefs, coefs.T, rtol=1e-8, atol=1e-8)
    assert knots.order == EFRON_ORDER
    leaves = [(j, a) for _, j, a in knots.events if a == "leave"]
    assert leaves == [(6, "leave")]
    assert [a for _, j, a in knots.events if j == 6] == ["enter", "leave", "enter"]
    assert knots.lams[0] == pytest.approx(lam_max(X, y))
    assert knots.lams[-1] == 0.0
    assert np.all(np.diff(knots.lams) < 0)
    for lam, w in zip(knots.lams, knots.coefs):
        assert reglib.lasso_kkt_violation(X, y, w, lam) <= 1e-10


def test_lasso_knots_n_less_than_p_end_interpolating(rng):
    X = rng.standard_normal((5, 12))
    y = rng.standard_normal(5)
    k = reglib.lasso_knots(X, y)
    assert k.lams[-1] == 0.0 and np.allclose(X @ k.coefs[-1], y)
    assert all(np.count_nonzero(w) <= 5 for w in k.coefs)
    assert all(isinstance(lam, float) and isinstance(j, int) for lam, j, _ in k.events)


def test_lasso_knots_warn_on_nearly_collinear_columns(rng):
    """LARS cannot certify a path through a (numerically) dependent column: it says so,
    and lasso_path still returns exact solutions (coordinate-descent fallback)."""
    X = rng.standard_normal((30, 5))
    X[:, 1] = X[:, 0] + 1e-7 * rng.standard_normal(30)
    y = rng.standard_normal(30)
    with pytest.warns(RuntimeWarning, match=r"lasso_knots: degenerate design"):
        reglib.lasso_knots(X, y)
    lams = np.geomspace(1e-4, 1.0, 12) * lam_max(X, y)
    for lam, w in zip(lams, reglib.lasso_path(X, y, lams)):
        assert reglib.lasso_kkt_violation(X, y, w, lam) <= 1e-9


def test_lasso_path_is_linear_between_knots(diabetes):
    X, y = diabetes
    k = reglib.lasso_knots(X, y)
    mids = 0.5 * (k.lams[1:] + k.lams[:-1])
    path = reglib.lasso_path(X, y, mids)
    assert np.allclose(path, 0.5 * (k.coefs[1:] + k.coefs[:-1]), atol=1e-9)


def test_lasso_path_exactly_duplicated_columns(rng):
    X = rng.standard_normal((30, 4))
    X = np.column_stack([X, X[:, 0]])  # column 4 == column 0
    y = X[:, 0] + rng.standard_normal(30)
    lams = np.geomspace(1e-3, 1.0, 15) * lam_max(X, y)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the fallback must not need to warn
        path = reglib.lasso_path(X, y, lams)
    for lam, w in zip(lams, path):
        assert reglib.lasso_kkt_violation(X, y, w, lam) <= 1e-9


def test_lasso_path_n_less_than_p(rng):
    X = rng.standard_normal((10, 40))
    y = rng.standard_normal(10)
    lams = np.r_[np.geomspace(1e-4, 1.0, 20) * lam_max(X, y), 0.0]
    path = reglib.lasso_path(X, y, lams)
    for lam, w in zip(lams, path):
        assert reglib.lasso_kkt_violation(X, y, w, lam) <= 1e-9
        assert np.count_nonzero(w) <= 10
    assert np.allclose(X @ path[-1], y)  # lam = 0 interpolates when n < p


@st.composite
def designs(draw):
    """Random (X, y): n < p, p = 1, near-collinear and duplicated columns all occur."""
    n = draw(st.integers(1, 12))
    p = draw(st.integers(1, 10))
    seed = draw(st.integers(0, 2**32 - 1))
    kind = draw(st.sampled_from(["plain", "near-collinear", "duplicate"]))
    g = np.random.default_rng(seed)
    X = g.standard_normal((n, p))
    if p > 1 and kind == "near-collinear":
        X[:, 1] = X[:, 0] + 1e-5 * g.standard_normal(n)
    elif p > 1 and kind == "duplicate":
        X[:, -1] = X[:, 0]
    y = g.standard_normal(n)
    return X, y


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=designs(), fracs=st.lists(st.floats(0.0, 1.2), min_size=1, max_size=6))
def test_lasso_path_property_kkt_and_agreement(data, fracs):
    X, y = data
    lams = np.array(fracs) * lam_max(X, y)
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        path = reglib.lasso_path(X, y, lams)
    assert path.shape == (len(lams), X.shape[1])
    for lam, w in zip(lams, path):
        assert reglib.lasso_kkt_violation(X, y, w, lam) <= 1e-6
        if lam > 0:
            # same objective value as coordinate descent (solutions may differ when not unique)
            w_cd = reglib.lasso(X, y, lam)
            f_path = reglib.cost(X, y, w, lam, "l1")
            f_cd = reglib.cost(X, y, w_cd, lam, "l1")
            assert f_path <= f_cd + 1e-8 * (1 + f_cd)
            assert f_cd <= f_path + 1e-8 * (1 + f_path)


# ------------------------------------------------------------------ bad inputs
BAD_XY = [
    (np.ones(5), np.ones(5), ValueError, r"X must be a 2-D array"),
    (np.ones((5, 2)), np.ones((5, 2)), ValueError, r"y must be a 1-D array"),
    (np.ones((5, 2)), np.ones(6), ValueError, r"X and y must have the same number of samples"),
    (np.full((5, 2), np.inf), np.ones(5), ValueError, r"X must contain only finite"),
    (np.ones((5, 2)), np.r_[np.ones(4), np.nan], ValueError, r"y must contain only finite"),
    (np.ones((5, 0)), np.ones(5), ValueError, r"X must have at least one row and one column"),
    ([["a"]], ["b"], TypeError, r"X must be an array of real numbers"),
]


@pytest.mark.parametrize("X, y, exc, msg", BAD_XY)
def test_lasso_functions_reject_bad_data(X, y, exc, msg):
    for call in [
        lambda: reglib.lasso(X, y, 1.0),
        lambda: reglib.lasso_path(X, y, [1.0]),
        lambda: reglib.lasso_knots(X, y),
        lambda: reglib.lasso_kkt_violation(X, y, np.zeros(2), 1.0),
    ]:
        with pytest.raises(exc, match=msg):
            call()


@pytest.mark.parametrize(
    "lam, exc, msg",
    [
        (-0.5, ValueError, r"lam must be a non-negative finite real number, got -0.5"),
        (np.nan, ValueError, r"lam must be a non-negative finite real number, got nan"),
        (np.inf, ValueError, r"lam must be a non-negative finite real number, got inf"),
        ("1", TypeError, r"lam must be a non-negative finite real number, got '1'"),
        (True, TypeError, r"lam must be .*bool"),
        (None, TypeError, r"lam must be .*None"),
    ],
)
def test_lasso_rejects_bad_lam(problem, lam, exc, msg):
    X, y = problem
    with pytest.raises(exc, match=msg):
        reglib.lasso(X, y, lam)
    with pytest.raises(exc, match=msg):
        reglib.lasso_kkt_violation(X, y, np.zeros(X.shape[1]), lam)


def test_lasso_rejects_bad_options(problem):
    X, y = problem
    with pytest.raises(ValueError, match=r"lams must be non-negative"):
        reglib.lasso_path(X, y, [1.0, -1.0])
    with pytest.raises(ValueError, match=r"lams must be a 1-D sequence"):
        reglib.lasso_path(X, y, 1.0)
    with pytest.raises(TypeError, match=r"lams must be an array of real numbers"):
        reglib.lasso_path(X, y, ["x"])
    with pytest.raises(ValueError, match=r"w0 must have one entry per column of X \(6\), got 2"):
        reglib.lasso(X, y, 1.0, w0=np.zeros(2))
    with pytest.raises(ValueError, match=r"tol must be a positive finite real number"):
        reglib.lasso(X, y, 1.0, tol=0.0)
    with pytest.raises(ValueError, match=r"max_iter must be an integer >= 1"):
        reglib.lasso(X, y, 1.0, max_iter=0)
    with pytest.raises(ValueError, match=r"w must have one entry per column of X"):
        reglib.lasso_kkt_violation(X, y, np.zeros(3), 1.0)


# ------------------------------------------------------------------ issue 20: hard inputs
@pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")
def test_lasso_tiny_lam_wide_design_is_the_minimizer():
    """Item 2: n < p, lam = 1e-9 and 1e-10 lam_max: lasso used to stop 17.7% / 28% above
    the optimum. Now lasso, lasso_path and scikit-learn's tightest fit agree."""
    g = np.random.default_rng(21)
    X, y = g.standard_normal((5, 10)), g.standard_normal(5)
    for frac in [1e-9, 1e-10]:
        lam = frac * lam_max(X, y)
        w, w_path = reglib.lasso(X, y, lam), reglib.lasso_path(X, y, [lam])[0]
        f, f_path = reglib.cost(X, y, w, lam, "l1"), reglib.cost(X, y, w_path, lam, "l1")
        assert abs(f - f_path) <= 1e-9 * f
        assert f <= reglib.cost(X, y, sk_lasso(X, y, lam), lam, "l1") * (1 + 1e-9)
        assert reglib.lasso_duality_gap(X, y, w, lam) <= 1e-5  # its rounding floor here
        assert np.count_nonzero(w) <= 5


def test_lasso_lam_zero_near_collinear_reaches_least_squares():
    """Item 3: cond(X) ~ 2e10 (a copy of column 0 perturbed by 1e-10): the path at lam = 0
    stopped 0.44% above the least-squares minimum; now both functions reach it."""
    g = np.random.default_rng(3)
    X = g.standard_normal((60, 5))
    X = np.column_stack([X, X[:, 0] + 1e-10 * g.standard_normal(60)])
    y = g.standard_normal(60)
    w_ls = np.linalg.lstsq(X, y, rcond=None)[0]
    L = np.longdouble
    rss = lambda w: float(np.sum((y.astype(L) - X.astype(L) @ w.astype(L)) ** 2))  # noqa: E731
    for w in (reglib.lasso(X, y, 0.0), reglib.lasso_path(X, y, [0.0, 1.0])[0]):
        assert rss(w) <= rss(w_ls) * (1 + 1e-12)


def test_lasso_lam_zero_is_the_path_end_in_both_functions(rng):
    """Item 4: one documented minimizer at lam = 0 when n < p: the path's end."""
    X = rng.standard_normal((6, 15))
    y = rng.standard_normal(6)
    w = reglib.lasso(X, y, 0.0)
    assert np.array_equal(w, reglib.lasso_path(X, y, [0.5, 0.0])[1])
    assert np.allclose(w, reglib.lasso_knots(X, y).coefs[-1], atol=1e-10)
    assert np.allclose(X @ w, y) and np.count_nonzero(w) <= 6
    # of the interpolating solutions it has a smaller l1 norm than the minimum-norm one
    assert np.abs(w).sum() <= np.abs(np.linalg.pinv(X) @ y).sum()


@pytest.mark.parametrize("scale", [1e160, 1e-170])
def test_lasso_extreme_scales(diabetes, scale, capfd):
    """Item 5: X scaled by 1e160 used to raise a bare LinAlgError (LAPACK on stderr)."""
    X, y = diabetes
    lam = 0.01 * lam_max(X, y)
    w = reglib.lasso(X, y, lam)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        w_big = reglib.lasso(scale * X, y, scale * lam)
        path_big = reglib.lasso_path(scale * X, y, [scale * lam, 0.0])
        knots = reglib.lasso_knots(scale * X, y)
    assert np.allclose(w_big * scale, w, rtol=1e-9, atol=1e-12)
    assert np.allclose(path_big[0] * scale, w, rtol=1e-9, atol=1e-12)
    assert np.allclose(path_big[1] * scale, reglib.lasso(X, y, 0.0), rtol=1e-9)
    assert np.allclose(knots.lams / scale, reglib.lasso_knots(X, y).lams, rtol=1e-12)
    assert capfd.readouterr().err == ""


def test_lasso_unrepresentable_minimizer_raises_value_error():
    X = np.array([[1e-300], [2e-300]])
    y = np.array([1e300, 1e300])
    with pytest.raises(ValueError, match="outside the range of float64"):
        reglib.lasso(X, y, 0.0)


def test_lasso_path_rejects_bool_lams(problem):
    """Item 6: a bool array as lams was read as [1, 0]."""
    X, y = problem
    with pytest.raises(TypeError, match="lams must hold real numbers, not bools"):
        reglib.lasso_path(X, y, np.array([True, False]))
    with pytest.raises(TypeError, match="lams must hold real numbers, not bools"):
        reglib.lasso_path(X, y, [1.0, True])


def test_lasso_wide_small_lam_is_fast():
    """Item 1 (scaled down): one lam on a wide design costs about one path to it."""
    import time

    X, y, _ = reglib.data.make_correlated_regression(100, 200, n_informative=10,
                                                     rng=np.random.default_rng(0))
    lam = 1e-5 * lam_max(X, y)
    t0 = time.process_time()
    w = reglib.lasso(X, y, lam)
    assert time.process_time() - t0 < 2.0  # was ~10 s of CPU on this size
    assert reglib.lasso_duality_gap(X, y, w, lam) <= 1e-7
