import pytest
"""reglib.explore.frames: one frame's PNG, and one placement of the axes for all frames."""

import numpy as np

from reglib.explore import Choice, LogSlider, explore
from reglib.explore.frames import draw_frame, intersect
from reglib.explore.layouts import Layout

# these tests look at the narrow (phone) frames, which only the book build draws
pytestmark = pytest.mark.usefixtures("narrow_frames")

WIDE = Layout("wide", (6.4, 3.8), 100)


def test_frames_share_one_layout_that_fits_the_extremes():
    def draw(fig, scale):
        ax = fig.add_subplot()
        ax.plot([0, 1], [0, scale])
        ax.set_ylabel("y")

    e = explore(draw, scale=LogSlider(1e-2, 1e6, steps=5, value=1.0))
    (boxes,) = e.boxes["wide"].values()
    # the shared box leaves room for the widest tick labels (scale=1e6) ...
    _, wide = draw_frame(draw, {"scale": 1e6}, WIDE)
    _, narrow = draw_frame(draw, {"scale": 1.0}, WIDE)
    assert boxes[0][0] >= wide[0][0] - 1e-9 and boxes[0][0] >= narrow[0][0] - 1e-9
    # ... and every frame is drawn in it
    _, used = draw_frame(draw, {"scale": 1e-2}, WIDE, e.boxes["wide"])
    np.testing.assert_allclose(used[0], boxes[0])


def test_other_axes_counts_and_own_layout_engines_are_respected():
    def draw(fig, panels):
        fig.subplots(1, 2 if panels == "two" else 1)

    e = explore(draw, panels=Choice(["one", "two"]))
    assert len(e.frames["wide"]) == 2  # both counts drawn, whichever was calibrated

    def own(fig, lam):
        fig.set_layout_engine("tight")
        fig.add_subplot().plot([0, lam])

    _, boxes = draw_frame(own, {"lam": 1.0}, WIDE, {1: [(0.3, 0.3, 0.1, 0.1)]})
    assert boxes[0] != (0.3, 0.3, 0.1, 0.1)


def test_png_is_palette_and_pixel_size_of_the_layout():
    import io

    from PIL import Image

    png, _ = draw_frame(lambda fig: fig.add_subplot().plot([0, 1]), {}, WIDE)
    image = Image.open(io.BytesIO(png))
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and image.size == (640, 380) and image.mode == "P"


def test_intersect_is_the_common_box():
    a = [(0.1, 0.1, 0.8, 0.8)]
    b = [(0.2, 0.05, 0.75, 0.9)]
    np.testing.assert_allclose(intersect([a, b])[0], (0.2, 0.1, 0.7, 0.8))


def test_the_frame_figure_is_freed_at_once_and_gc_state_restored():
    import gc
    import weakref

    seen = []

    def draw(fig):
        seen.append(weakref.ref(fig))
        fig.add_subplot().plot([0, 1])

    assert gc.isenabled()
    draw_frame(draw, {}, WIDE)
    assert gc.isenabled() and seen[0]() is None  # collected without waiting for a full pass

    def broken(fig):
        raise ZeroDivisionError

    with pytest.raises(ZeroDivisionError):
        draw_frame(broken, {}, WIDE)
    assert gc.isenabled()
    gc.disable()
    try:
        draw_frame(draw, {}, WIDE)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_compress_level_changes_size_not_pixels():
    import io

    from PIL import Image

    def draw(fig):
        ax = fig.add_subplot()
        for k in range(8):
            ax.plot(np.sin(np.linspace(0, k, 300)), label=f"line {k}")
        ax.legend()

    default, _ = draw_frame(draw, {}, WIDE)
    fast, _ = draw_frame(draw, {}, WIDE, compress_level=1)
    assert len(fast) > len(default)
    pixels = [np.asarray(Image.open(io.BytesIO(png)).convert("RGB")) for png in (default, fast)]
    np.testing.assert_array_equal(*pixels)
