"""reglib.explore.explorer: frames in every layout, values checked, alt texts, timing."""

import gc
import io

import numpy as np
import pytest
from PIL import Image

from reglib.explore import Choice, IntSlider, LogSlider, explore, registry

# these tests look at the narrow (phone) frames, which only the book build draws
pytestmark = pytest.mark.usefixtures("narrow_frames")


def line_draw(fig, lam, degree=3):
    ax = fig.add_subplot()
    x = np.linspace(0, 1, 50)
    ax.plot(x, np.sin(degree * x) / (1 + lam))
    ax.set_title(f"lam={lam:.3g}, degree={degree}")


def test_small_grid_is_rendered_whole_in_both_layouts():
    e = explore(line_draw, lam=LogSlider(1e-2, 1e2, steps=5))
    assert [lay.name for lay in e.layouts] == ["wide", "narrow"]
    assert len(e.frames["wide"]) == len(e.frames["narrow"]) == len(e.alts) == 5


def test_two_panels_are_stacked_in_the_narrow_frames():
    import io

    from PIL import Image

    def draw(fig, lam):
        a, b = fig.subplots(1, 2)
        a.plot([0, lam])
        b.plot([lam, 0])

    e = explore(draw, lam=LogSlider(1, 10, steps=2))
    w, h = Image.open(io.BytesIO(e.frames["narrow"][0])).size
    assert w == e.layouts[1].width_px and h > w  # a column of two panels


def test_alt_callable_and_default_alt_include_values():
    e = explore(line_draw, lam=LogSlider(1, 10, steps=2), alt=lambda lam: f"callable {lam:g}")
    assert e.describe(lam=10.0) == "callable 10"
    e2 = explore(line_draw, lam=LogSlider(1, 10, steps=2, label="λ"), title="T")
    assert e2.describe(lam=10.0) == "T (λ = 10)"
    e3 = explore(line_draw, lam=LogSlider(1, 10, steps=2), alt="A sine")
    assert e3.describe(lam=1.0) == "A sine (lam = 1)"


def test_draw_error_at_creation_names_the_values():
    def bad(fig, lam):
        if lam > 5:
            raise ValueError("too big")
        fig.add_subplot().plot([0, 1])

    with pytest.raises(RuntimeError, match=r"draw failed at lam=10.0: ValueError: too big"):
        explore(bad, lam=LogSlider(1, 10, steps=2))


def pixels(png: bytes) -> bytes:
    return Image.open(io.BytesIO(png)).convert("RGB").tobytes()


def test_frames_are_deterministic_pngs():
    e = explore(line_draw, lam=LogSlider(1, 10, steps=2))
    a, b = e.render(lam=1.0), e.render(lam=1.0)
    assert a == b and a[:8] == b"\x89PNG\r\n\x1a\n"
    assert pixels(e.frame(lam=1.0)) == pixels(a)  # the static frame (compressed harder)


@pytest.mark.parametrize("values, exc, match", [
    (dict(mu=1.0), ValueError, "unknown control"),
    (dict(lam="x"), TypeError, "control 'lam' must be a real number"),
    (dict(lam=float("nan")), ValueError, "control 'lam' must be finite"),
    (dict(degree=2.5), TypeError, "control 'degree' must be an integer"),
])
def test_render_checks_values_before_drawing(values, exc, match):
    calls = []

    def draw(fig, lam, degree):
        calls.append((lam, degree))
        line_draw(fig, lam, degree)

    e = explore(draw, lam=LogSlider(1, 10, steps=2), degree=IntSlider(1, 2))
    calls.clear()
    with pytest.raises(exc, match=match):
        e.render(**values)
    with pytest.raises(exc, match=match):
        e.frame(**values)
    assert calls == []  # draw never saw the bad value


def test_a_choice_rejects_an_unknown_option():
    def draw(fig, model):
        fig.add_subplot().plot([0, 1] if model == "up" else [1, 0])

    e = explore(draw, model=Choice(["up", "down"]))
    with pytest.raises(ValueError, match="control 'model' must be one of"):
        e.render(model="sideways")


def test_start_index_is_the_defaults_frame():
    e = explore(line_draw, lam=LogSlider(1e-2, 1e2, steps=5, value=1.0), degree=IntSlider(2, 4, value=3))
    # the same pixels (live frames are compressed faster)
    assert pixels(e.frames["wide"][e.start_index()]) == pixels(e.render())


def test_registry_and_timing():
    e = explore(line_draw, lam=LogSlider(1, 10, steps=3))
    assert registry()[-1] is e
    times = e.time_updates()
    assert len(times) == 3 and all(t > 0 for t in times)


def test_registry_does_not_keep_explorers_alive():
    def own_draw(fig, lam):
        line_draw(fig, lam)

    e = explore(own_draw, lam=LogSlider(1, 10, steps=2))
    assert registry()[-1] is e
    del e
    gc.collect()
    assert all(x.draw is not own_draw for x in registry())
