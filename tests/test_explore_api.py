"""reglib.explore.api: explore's argument checks, each error naming its argument."""

import numpy as np
import pytest

from reglib.explore import LogSlider, explore


def line_draw(fig, lam):
    fig.add_subplot().plot(np.linspace(0, 1, 5) * lam)


@pytest.mark.parametrize(
    "kwargs, exc, match",
    [
        (dict(draw=42, lam=LogSlider()), TypeError, "draw must be a function"),
        (dict(draw=line_draw), ValueError, "at least one control"),
        (dict(draw=line_draw, lam=0.5), TypeError, "control 'lam' must be"),
        (dict(draw=line_draw, lam=LogSlider(), title=3), TypeError, "title must be"),
        (dict(draw=line_draw, lam=LogSlider(), figsize=(0, 3)), ValueError, "figsize"),
        (dict(draw=line_draw, lam=LogSlider(), figsize=(float("inf"), 3)), ValueError, "figsize"),
        (dict(draw=line_draw, lam=LogSlider(), figsize=(6, float("nan"))), ValueError, "figsize"),
        (dict(draw=line_draw, lam=LogSlider(), figsize=(True, 3)), ValueError, "figsize"),
        (dict(draw=line_draw, lam=LogSlider(), figsize=6), ValueError, "figsize"),
        (dict(draw=line_draw, lam=LogSlider(), dpi=10), ValueError, "dpi"),
        (dict(draw=line_draw, lam=LogSlider(), max_frames=0), ValueError, "max_frames"),
        (dict(draw=line_draw, lam=LogSlider(), alt=3), TypeError, "alt must be"),
        (dict(draw=line_draw, lam=LogSlider(), alt="{mu}"), ValueError, "alt uses {mu}, but 'mu' is not a control"),
        (dict(draw=line_draw, lam=LogSlider(), alt="{}"), ValueError, "alt uses {}"),
        (dict(draw=line_draw, lam=LogSlider(), alt="{lam"), ValueError, "alt is not a valid format string"),
    ],
)
def test_bad_explore_arguments_raise(kwargs, exc, match):
    draw = kwargs.pop("draw")
    with pytest.raises(exc, match=match):
        explore(draw, **kwargs)


def test_alt_fields_may_format_and_index_controls():
    e = explore(line_draw, lam=LogSlider(1, 10, steps=2), alt="lam is {lam:.1f} ({lam.real}) {{literal}}")
    assert e.describe(lam=1.0) == "lam is 1.0 (1.0) {literal}"


def test_figsize_inf_is_rejected_before_drawing():
    calls = []
    with pytest.raises(ValueError, match="figsize"):
        explore(lambda fig, lam: calls.append(lam), lam=LogSlider(), figsize=(float("inf"), 3))
    assert calls == []
