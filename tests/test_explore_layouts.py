"""reglib.explore.layouts: the wide and narrow frame layouts, stacked panels."""

import pytest
from matplotlib.figure import Figure

from reglib.explore.layouts import NARROW_PX, Layout, NarrowFigure, layouts_for

# these tests look at the narrow (phone) frames, which only the book build draws
pytestmark = pytest.mark.usefixtures("narrow_frames")


def test_a_wide_figure_gets_a_narrow_layout_readable_on_a_phone():
    wide, narrow = layouts_for((6.4, 3.8), 100)
    assert (wide.width_px, wide.height_px, wide.narrow) == (640, 380, False)
    assert narrow.narrow and narrow.width_px == NARROW_PX
    # a 390-pixel phone leaves about 330 pixels for the figure: at least 70% of natural size
    assert 330 / narrow.width_px >= 0.7


def test_a_small_figure_needs_no_narrow_layout():
    (only,) = layouts_for((4.0, 3.0), 100)
    assert only.name == "wide"


@pytest.mark.parametrize("make", [
    lambda fig: fig.subplots(1, 3, sharey=True),
    lambda fig: fig.subplots(1, 3, width_ratios=[1, 2, 1]),
    lambda fig: [fig.add_subplot(1, 3, i) for i in (1, 2, 3)],
    lambda fig: [fig.add_subplot(131), fig.add_subplot(132), fig.add_subplot(133)],
])
def test_narrow_figure_stacks_a_row_of_panels(make):
    fig = NarrowFigure(figsize=(4.2, 3.0))
    axes = list(make(fig))
    assert len(axes) == 3
    xs = {round(ax.get_position().x0, 3) for ax in axes}
    ys = [ax.get_position().y0 for ax in axes]
    assert len(xs) == 1 and ys == sorted(ys, reverse=True)  # one column, top to bottom
    assert fig.get_figheight() > 3 * 2.0  # taller: each panel keeps its height


def test_other_grids_are_left_alone():
    fig = NarrowFigure(figsize=(4.2, 3.0))
    axes = fig.subplots(2, 2)
    assert axes.shape == (2, 2) and fig.get_figheight() == 3.0
    assert isinstance(Layout("wide", (6.4, 3.8), 100).new_figure(False), Figure)
    assert isinstance(Layout("n", (4.2, 3), 100, narrow=True).new_figure(True), NarrowFigure)


def test_a_manual_wide_layout_is_ignored_and_long_titles_wrap():
    fig = Layout("n", (4.2, 3.0), 100, narrow=True).new_figure(constrained=True)
    fig.set_layout_engine("none")
    fig.subplots_adjust(left=0.5)
    axes = fig.subplots(1, 2, gridspec_kw=dict(left=0.3, right=0.4, wspace=0.9, width_ratios=[1, 2]))
    assert type(fig.get_layout_engine()).__name__ == "ConstrainedLayoutEngine"
    gs = axes[0].get_subplotspec().get_gridspec()
    assert gs.left is None and gs.get_height_ratios() == [1, 2]
    title = fig.suptitle("a long title " * 8, fontsize=10)
    assert "\n" in title.get_text() and title.get_text().replace("\n", " ") == ("a long title " * 8).strip()


def test_axes_placed_by_hand_stay_where_draw_put_them():
    import warnings

    from reglib.explore.frames import draw_frame

    def draw(fig):
        fig.set_layout_engine("none")
        fig.add_axes((0.1, 0.13, 0.87, 0.77)).plot([0, 1])

    narrow = Layout("narrow", (4.2, 3.0), 100, narrow=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        _, boxes = draw_frame(draw, {}, narrow)
        _, again = draw_frame(draw, {}, narrow, {1: boxes})
    assert boxes == again == [pytest.approx((0.1, 0.13, 0.87, 0.77))]


def test_outside_the_book_build_there_are_no_narrow_frames(monkeypatch):
    # JupyterLab, Colab and nbval pay for the wide frames only
    monkeypatch.delenv("REGLIB_NARROW_FRAMES", raising=False)
    assert [lay.name for lay in layouts_for((6.4, 3.8), 100)] == ["wide"]
    monkeypatch.setenv("REGLIB_NARROW_FRAMES", "0")
    assert [lay.name for lay in layouts_for((6.4, 3.8), 100)] == ["wide"]
