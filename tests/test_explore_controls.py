"""reglib.explore.controls: the grids, defaults and checks of the four controls."""

import numpy as np
import pytest

from reglib.explore import Choice, FloatSlider, IntSlider, LogSlider


def test_log_slider_grid_is_geometric_and_snaps_value():
    s = LogSlider(1e-3, 1e3, steps=7, value=0.9)
    np.testing.assert_allclose(s.values, np.geomspace(1e-3, 1e3, 7))
    assert s.default == pytest.approx(1.0)  # 0.9 snaps to the nearest grid value in log scale


def test_float_int_choice_grids_and_defaults():
    f = FloatSlider(0.0, 1.0, steps=5)
    assert f.values == [0.0, 0.25, 0.5, 0.75, 1.0] and f.default == 0.5
    i = IntSlider(1, 9, step=2, value=4)
    assert i.values == [1, 3, 5, 7, 9] and i.default in (3, 5)
    c = Choice(["ridge", "lasso"], value="lasso")
    assert c.default == "lasso" and not c.numeric


@pytest.mark.parametrize(
    "make, exc, match",
    [
        (lambda: LogSlider(0.0, 1.0), ValueError, "low must be positive"),
        (lambda: LogSlider(1.0, 0.1), ValueError, "low must be smaller than high"),
        (lambda: LogSlider("a", 1.0), TypeError, "low must be a real number"),
        (lambda: LogSlider(1e-3, 1.0, steps=1), ValueError, "steps must be at least 2"),
        (lambda: LogSlider(1e-3, 1.0, steps=2.5), TypeError, "steps must be an integer"),
        (lambda: LogSlider(1e-3, 1.0, value=-1.0), ValueError, "value must be positive"),
        (lambda: FloatSlider(0.0, float("nan")), ValueError, "high must be finite"),
        (lambda: FloatSlider(0.0, 1.0, value=True), TypeError, "value must be a real number"),
        (lambda: IntSlider(0, 5, step=0), ValueError, "step must be a positive integer"),
        (lambda: IntSlider(0.5, 5), TypeError, "low must be an integer"),
        (lambda: Choice(["only"]), ValueError, "at least two strings"),
        (lambda: Choice("ab"), TypeError, "options must be a list of strings"),
        (lambda: Choice(["a", "a"]), ValueError, "distinct"),
        (lambda: Choice(["a", "b"], value="c"), ValueError, "value must be one of"),
    ],
)
def test_bad_controls_raise_clear_errors(make, exc, match):
    with pytest.raises(exc, match=match):
        make()


@pytest.mark.parametrize(
    "control, value, exc",
    [
        (LogSlider(), "x", TypeError),
        (LogSlider(), True, TypeError),
        (FloatSlider(), float("inf"), ValueError),
        (IntSlider(), 2.5, TypeError),
        (Choice(["a", "b"]), "c", ValueError),
    ],
)
def test_check_names_the_control(control, value, exc):
    with pytest.raises(exc, match="control 'lam'"):
        control.check("lam", value)


def test_check_accepts_values_off_the_grid():
    assert LogSlider().check("lam", 0.123) == 0.123
    assert IntSlider().check("k", np.int64(3)) == 3
    assert Choice(["a", "b"]).check("m", "b") == "b"
