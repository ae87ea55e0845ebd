"""Tests of reglib._validation: clean values through, clear errors naming the argument."""

import numpy as np
import pytest

from reglib import _validation as v


# ------------------------------------------------------------------ arrays
def test_as_matrix_converts_and_copies():
    data = [[1, 2], [3, 4]]
    X = v.as_matrix(data)
    assert X.dtype == float and X.shape == (2, 2)
    src = np.ones((2, 2))
    out = v.as_matrix(src)
    out[0, 0] = 5.0
    assert src[0, 0] == 1.0  # never a view of the caller's data


def test_as_matrix_accepts_bool_and_int():
    assert v.as_matrix(np.array([[True, False]])).tolist() == [[1.0, 0.0]]
    assert v.as_matrix(np.arange(6).reshape(3, 2)).dtype == float


@pytest.mark.parametrize(
    "bad, exc, msg",
    [
        (np.ones(3), ValueError, r"X must be a 2-D array.*1-D"),
        (np.ones((2, 2, 2)), ValueError, r"X must be a 2-D array.*3-D"),
        (np.ones((0, 3)), ValueError, r"X must have at least one row and one column"),
        (np.ones((3, 0)), ValueError, r"X must have at least one row and one column"),
        ([[1.0, np.nan]], ValueError, r"X must contain only finite numbers"),
        ([[1.0, np.inf]], ValueError, r"X must contain only finite numbers"),
        ([[1.0, -np.inf]], ValueError, r"X must contain only finite numbers"),
        ("abc", TypeError, r"X must be an array of real numbers"),
        ([["a", "b"]], TypeError, r"X must be an array of real numbers"),
        (np.ones((2, 2)) * 1j, TypeError, r"X must hold real numbers"),
        ([[1.0, 2.0], [3.0]], ValueError, r"X must be a rectangular array"),
        ([[1.0, None]], TypeError, r"X must be an array of real numbers"),
    ],
)
def test_as_matrix_rejects(bad, exc, msg):
    with pytest.raises(exc, match=msg):
        v.as_matrix(bad)


def test_as_matrix_uses_given_name():
    with pytest.raises(ValueError, match=r"X_train must be a 2-D"):
        v.as_matrix([1.0, 2.0], "X_train")


@pytest.mark.parametrize(
    "bad, exc, msg",
    [
        (np.ones((2, 2)), ValueError, r"y must be a 1-D array, got 2-D"),
        (np.float64(3.0), ValueError, r"y must be a 1-D array, got 0-D"),
        ([], ValueError, r"y must not be empty"),
        ([1.0, np.nan], ValueError, r"y must contain only finite"),
        (["1", "2"], TypeError, r"y must be an array of real numbers"),
    ],
)
def test_as_vector_rejects(bad, exc, msg):
    with pytest.raises(exc, match=msg):
        v.as_vector(bad)


def test_as_array_any_shape_and_empty_flag():
    assert v.as_array(3).shape == ()
    assert v.as_array(np.zeros((2, 3, 4))).shape == (2, 3, 4)
    assert v.as_array([], allow_empty=True).shape == (0,)
    with pytest.raises(ValueError, match=r"a must not be empty"):
        v.as_array([])


def test_same_length_and_xy():
    X, y = v.as_xy([[1.0], [2.0]], [1.0, 2.0])
    assert X.shape == (2, 1) and y.shape == (2,)
    with pytest.raises(ValueError, match=r"X and y must have the same number of samples.*3 rows in X and 2 in y"):
        v.as_xy(np.ones((3, 1)), np.ones(2))
    with pytest.raises(ValueError, match=r"A and b must have the same number"):
        v.check_same_length(np.ones((3, 1)), np.ones(2), ("A", "b"))


def test_check_coef():
    assert v.check_coef([1, 2], 2).tolist() == [1.0, 2.0]
    with pytest.raises(ValueError, match=r"w must have one entry per column of X \(3\), got 2"):
        v.check_coef([1.0, 2.0], 3)
    with pytest.raises(ValueError, match=r"w0 must be a 1-D array"):
        v.check_coef(np.ones((2, 1)), 2, "w0")


# ----------------------------------------------------------------- scalars
@pytest.mark.parametrize("good", [0, 0.0, 2, 1.5, np.float64(3.0), np.int64(4), np.array(2.5), 1e300])
def test_check_lam_accepts(good):
    out = v.check_lam(good)
    assert isinstance(out, float) and out == float(good)


@pytest.mark.parametrize(
    "bad, exc, msg",
    [
        (-1.0, ValueError, r"lam must be a non-negative finite real number, got -1.0"),
        (-1e-12, ValueError, r"lam must be a non-negative"),
        (np.nan, ValueError, r"lam must be a non-negative finite real number, got nan"),
        (np.inf, ValueError, r"lam must be a non-negative finite real number, got inf"),
        ("1.0", TypeError, r"lam must be a non-negative finite real number, got '1.0' \(str\)"),
        (True, TypeError, r"lam must be .*got a bool"),
        (np.bool_(False), TypeError, r"lam must be .*got a bool"),
        (None, TypeError, r"lam must be .*None"),
        ([1.0], TypeError, r"lam must be .*list"),
        (np.array([1.0, 2.0]), TypeError, r"lam must be .*array of shape \(2,\)"),
        (1 + 2j, TypeError, r"lam must be .*complex"),
    ],
)
def test_check_lam_rejects(bad, exc, msg):
    with pytest.raises(exc, match=msg):
        v.check_lam(bad)


def test_check_lams():
    out = v.check_lams([3, 0, 1.5])
    assert out.tolist() == [3.0, 0.0, 1.5]
    with pytest.raises(ValueError, match=r"lams must be non-negative, got minimum -1.0"):
        v.check_lams([1.0, -1.0])
    with pytest.raises(ValueError, match=r"lams must be a 1-D sequence.*scalar"):
        v.check_lams(1.0)
    with pytest.raises(ValueError, match=r"lams must not be empty"):
        v.check_lams([])
    with pytest.raises(ValueError, match=r"lams must contain only finite"):
        v.check_lams([1.0, np.inf])
    with pytest.raises(TypeError, match=r"lams must be an array of real numbers"):
        v.check_lams(["a"])


@pytest.mark.parametrize("good", [0, 0.0, 0.5, 0.999999])
def test_check_probability_accepts(good):
    assert v.check_probability(good) == float(good)


@pytest.mark.parametrize(
    "bad, exc, msg",
    [
        (1.0, ValueError, r"p must be a probability in \[0, 1\), got 1.0"),
        (1.5, ValueError, r"p must be a probability in \[0, 1\)"),
        (-0.1, ValueError, r"p must be a probability in \[0, 1\)"),
        (np.nan, ValueError, r"p must be a probability in \[0, 1\)"),
        ("0.5", TypeError, r"p must be a probability .*str"),
        (True, TypeError, r"p must be a probability .*bool"),
    ],
)
def test_check_probability_rejects(bad, exc, msg):
    with pytest.raises(exc, match=msg):
        v.check_probability(bad)


def test_check_positive():
    assert v.check_positive("noise_var", 2) == 2.0
    with pytest.raises(ValueError, match=r"noise_var must be a positive finite real number, got 0.0"):
        v.check_positive("noise_var", 0.0)
    with pytest.raises(ValueError, match=r"prior_var must be a positive finite real number, got -2.0"):
        v.check_positive("prior_var", -2)
    with pytest.raises(ValueError, match=r"tol must be a positive finite"):
        v.check_positive("tol", np.inf)
    with pytest.raises(TypeError, match=r"tol must be a positive finite real number, got 'x'"):
        v.check_positive("tol", "x")


def test_check_int():
    assert v.check_int(3, "k") == 3
    assert v.check_int(np.int32(3), "k") == 3
    with pytest.raises(TypeError, match=r"k must be an integer, got 2.5"):
        v.check_int(2.5, "k")
    with pytest.raises(TypeError, match=r"k must be an integer, got a bool"):
        v.check_int(True, "k")
    with pytest.raises(ValueError, match=r"k must be an integer >= 1, got 0"):
        v.check_int(0, "k", minimum=1)


def test_check_bool_and_choice():
    assert v.check_bool(np.bool_(True), "flag") is True
    with pytest.raises(TypeError, match=r"flag must be True or False, got 1"):
        v.check_bool(1, "flag")
    assert v.check_choice(None, ("l1", None), "penalty") is None
    assert v.check_choice("l1", ("l1", None), "penalty") == "l1"
    with pytest.raises(ValueError, match=r"penalty must be one of 'l1', None; got 'l3'"):
        v.check_choice("l3", ("l1", None), "penalty")


def test_check_rng():
    g = np.random.default_rng(0)
    assert v.check_rng(g) is g
    for bad, shown in [(0, "int"), (None, "None"), (np.random.RandomState(0), "RandomState")]:
        with pytest.raises(TypeError, match=rf"rng must be a numpy.random.Generator.*{shown}"):
            v.check_rng(bad)


@pytest.mark.parametrize("lams", [np.array([True, False]), [True, 0.5], (False,), np.array([True, 1.0], dtype=object)])
def test_check_lams_refuses_bools_like_check_lam(lams):
    with pytest.raises(TypeError, match=r"lams must hold real numbers, not bools"):
        v.check_lams(lams)
