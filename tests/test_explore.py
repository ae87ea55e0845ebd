"""Tests of reglib.explore: controls, static scrubber, live widget."""

import json
import re

import numpy as np
import pytest

from reglib.explore import Choice, FloatSlider, IntSlider, LogSlider, _thin, explore, registry


def line_draw(fig, lam, degree=3):
    ax = fig.add_subplot()
    x = np.linspace(0, 1, 50)
    ax.plot(x, np.sin(degree * x) / (1 + lam))
    ax.set_title(f"lam={lam:.3g}, degree={degree}")


# ---------------------------------------------------------------- controls


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
        (lambda: FloatSlider(0.0, float("nan")), ValueError, "high must be finite"),
        (lambda: IntSlider(0, 5, step=0), ValueError, "step must be a positive integer"),
        (lambda: IntSlider(0.5, 5), TypeError, "low must be an integer"),
        (lambda: Choice(["only"]), ValueError, "at least two strings"),
        (lambda: Choice("ab"), TypeError, "options must be a list of strings"),
        (lambda: Choice(["a", "b"], value="c"), ValueError, "value must be one of"),
    ],
)
def test_bad_controls_raise_clear_errors(make, exc, match):
    with pytest.raises(exc, match=match):
        make()


@pytest.mark.parametrize(
    "kwargs, exc, match",
    [
        (dict(draw=42, lam=LogSlider()), TypeError, "draw must be a function"),
        (dict(draw=line_draw), ValueError, "at least one control"),
        (dict(draw=line_draw, lam=0.5), TypeError, "control 'lam' must be"),
        (dict(draw=line_draw, lam=LogSlider(), figsize=(0, 3)), ValueError, "figsize"),
        (dict(draw=line_draw, lam=LogSlider(), max_frames=0), ValueError, "max_frames"),
        (dict(draw=line_draw, lam=LogSlider(), alt=3), TypeError, "alt must be"),
    ],
)
def test_bad_explore_arguments_raise(kwargs, exc, match):
    draw = kwargs.pop("draw")
    with pytest.raises(exc, match=match):
        explore(draw, **kwargs)


# ---------------------------------------------------------------- static frames


def test_thinning_keeps_default_and_ends_and_fits_the_cap():
    controls = {"lam": LogSlider(1e-3, 1e3, steps=25, value=1.0), "degree": IntSlider(1, 12, value=5)}
    chosen = _thin(controls, 48)
    sizes = [len(v) for v in chosen.values()]
    assert np.prod(sizes) <= 48
    for name, c in controls.items():
        idx = chosen[name]
        assert c.default_index in idx and idx[0] == 0 and idx[-1] == len(c.values) - 1
        assert idx == sorted(set(idx))


def test_small_grid_is_rendered_whole():
    e = explore(line_draw, lam=LogSlider(1e-2, 1e2, steps=5))
    assert len(e._frames) == 5


def _payload(page):
    return json.loads(re.search(r'class="reglib-explorer-data">(.*?)</script>', page, re.S).group(1))


def test_static_scrubber_structure():
    e = explore(
        line_draw,
        lam=LogSlider(1e-2, 1e2, steps=5, value=1.0, label="λ"),
        degree=IntSlider(2, 4, value=3),
        title="A test figure",
        alt="Sine curve shrunk by lam = {lam:.3g}, degree {degree}",
    )
    page = e.to_html()
    assert page.count("data-reglib-explorer=") == 1
    assert page.count('type="range"') == 2
    payload = _payload(page)
    assert len(payload["frames"]) == 5 * 3 == len(payload["alts"])
    assert all(f.startswith("data:image/png;base64,") for f in payload["frames"])
    # the initial image is the default frame, and its alt says which values it shows
    assert 'alt="Sine curve shrunk by lam = 1, degree 3"' in page
    assert "<function" not in page and "<Figure" not in page
    # the frame order is row-major over the controls, as the JavaScript expects
    assert payload["alts"][1] == "Sine curve shrunk by lam = 0.01, degree 3"
    assert payload["alts"][3] == "Sine curve shrunk by lam = 0.1, degree 2"


def test_choice_is_a_select_and_frames_differ():
    def draw(fig, model):
        ax = fig.add_subplot()
        ax.plot([0, 1], [0, 1] if model == "up" else [1, 0])

    e = explore(draw, model=Choice(["up", "down"]))
    page = e.to_html()
    assert "<select" in page and 'type="range"' not in page
    frames = _payload(page)["frames"]
    assert frames[0] != frames[1]


def test_alt_callable_and_default_alt_include_values():
    e = explore(line_draw, lam=LogSlider(1, 10, steps=2), alt=lambda lam: f"callable {lam:g}")
    assert e.describe(lam=10.0) == "callable 10"
    e2 = explore(line_draw, lam=LogSlider(1, 10, steps=2, label="λ"), title="T")
    assert e2.describe(lam=10.0) == "T (λ = 10)"


def test_draw_error_at_creation_names_the_values():
    def bad(fig, lam):
        if lam > 5:
            raise ValueError("too big")
        fig.add_subplot().plot([0, 1])

    with pytest.raises(RuntimeError, match=r"draw failed at lam=10.0: ValueError: too big"):
        explore(bad, lam=LogSlider(1, 10, steps=2))


def test_frames_are_deterministic_pngs():
    e = explore(line_draw, lam=LogSlider(1, 10, steps=2))
    a, b = e.render(lam=1.0), e.render(lam=1.0)
    assert a == b and a[:8] == b"\x89PNG\r\n\x1a\n"
    assert e.frame(lam=1.0) == a
    with pytest.raises(ValueError, match="unknown control"):
        e.render(mu=1.0)


def test_registry_and_timing():
    e = explore(line_draw, lam=LogSlider(1, 10, steps=3))
    assert registry()[-1] is e
    times = e.time_updates()
    assert len(times) == 3 and all(t > 0 for t in times)


# ---------------------------------------------------------------- live widget


def test_mimebundle_has_widget_view_html_and_readable_text():
    e = explore(line_draw, lam=LogSlider(1, 10, steps=3), title="Shrinking sine")
    bundle = e._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "data-reglib-explorer" in bundle["text/html"]
    assert bundle["text/plain"] == "Interactive figure: Shrinking sine (controls: lam)"


def test_live_widget_redraws_and_survives_errors():
    state = {"fail": False}

    def draw(fig, lam):
        if state["fail"]:
            raise ZeroDivisionError("boom")
        line_draw(fig, lam)

    e = explore(draw, lam=LogSlider(1, 100, steps=9), max_frames=2)
    box = e.widget()
    slider, image, error = box._reglib_controls["lam"], box._reglib_image, box._reglib_error
    before = image.value
    options = [v for _, v in slider.options]
    slider.value = options[1]  # not a precomputed frame (max_frames=2): rendered live
    assert image.value != before and error.layout.display == "none"
    state["fail"] = True
    slider.value = options[2]
    assert "ZeroDivisionError: boom" in error.value
    assert error.layout.display == "" and image.layout.display == "none"
    state["fail"] = False
    slider.value = options[3]
    assert error.layout.display == "none" and image.layout.display == ""
    assert image.value == e.render(lam=options[3])


# ---------------------------------------------------------------- one layout for all frames


def test_frames_share_one_layout_that_fits_the_extremes():
    from reglib.explore import _figure_png

    def draw(fig, scale):
        ax = fig.add_subplot()
        ax.plot([0, 1], [0, scale])
        ax.set_ylabel("y")

    e = explore(draw, scale=LogSlider(1e-2, 1e6, steps=5, value=1.0))
    (boxes,) = e._boxes.values()
    # the shared box leaves room for the widest tick labels (scale=1e6) ...
    _, wide = _figure_png(draw, {"scale": 1e6}, e.figsize, e.dpi)
    _, narrow = _figure_png(draw, {"scale": 1.0}, e.figsize, e.dpi)
    assert boxes[0][0] >= wide[0][0] - 1e-9 and boxes[0][0] >= narrow[0][0] - 1e-9
    # ... and every frame is drawn in it
    _, used = _figure_png(draw, {"scale": 1e-2}, e.figsize, e.dpi, e._boxes)
    np.testing.assert_allclose(used[0], boxes[0])


def test_other_axes_counts_and_own_layout_engines_are_respected():
    from reglib.explore import _figure_png

    def draw(fig, panels):
        fig.subplots(1, 2 if panels == "two" else 1)

    e = explore(draw, panels=Choice(["one", "two"]))
    assert len(e._frames) == 2  # both counts drawn, whichever was calibrated

    def own(fig, lam):
        fig.set_layout_engine("tight")
        fig.add_subplot().plot([0, lam])

    _, boxes = _figure_png(own, {"lam": 1.0}, (6.4, 3.8), 100, {1: [(0.3, 0.3, 0.1, 0.1)]})
    assert boxes[0] != (0.3, 0.3, 0.1, 0.1)


def test_registry_does_not_keep_explorers_alive():
    import gc

    def own_draw(fig, lam):
        line_draw(fig, lam)

    e = explore(own_draw, lam=LogSlider(1, 10, steps=2))
    assert registry()[-1] is e
    del e
    gc.collect()
    assert all(x.draw is not own_draw for x in registry())
