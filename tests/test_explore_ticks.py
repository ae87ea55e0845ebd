"""reglib.explore.ticks: only visible ticks are made, and the picture does not change."""

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator

from reglib.explore.ticks import trim_ticks


def draw_log(fig):
    ax1, ax2 = fig.subplots(1, 2)
    x = np.geomspace(0.03, 30, 50)
    ax1.semilogx(x, np.log(x), label="log")          # minor ticks over several decades
    ax1.axvline(1.0, color="k")
    ax1.legend()
    ax2.plot([1e5, 1e5 + 3], [0.001, 0.004])          # ScalarFormatter offset texts
    ax2.set_aspect("auto")


def draw_shared_equal(fig):
    ax1, ax2 = fig.subplots(1, 2, sharex=True)
    ax1.plot([-2.2, 2.6], [-1, 1])
    ax1.set_aspect("equal")                           # resized box, more or fewer ticks
    ax2.loglog([1e-3, 1e3], [1, 1e6])
    ax2.set_ylim(0.5, 2e6)


def pixels(draw, trim):
    fig = Figure(figsize=(6.4, 3.8), dpi=100)
    canvas = FigureCanvasAgg(fig)
    draw(fig)
    if trim:
        trim_ticks(fig)
    canvas.draw()
    return np.asarray(canvas.buffer_rgba()).copy(), fig


@pytest.mark.parametrize("draw", [draw_log, draw_shared_equal])
def test_same_pixels_fewer_ticks(draw):
    plain, fig0 = pixels(draw, trim=False)
    trimmed, fig1 = pixels(draw, trim=True)
    np.testing.assert_array_equal(trimmed, plain)
    made = [sum(len(a.majorTicks) + len(a.minorTicks) for a in (ax.xaxis, ax.yaxis))
            for fig in (fig0, fig1) for ax in fig.axes]
    assert sum(made[len(made) // 2:]) < sum(made[:len(made) // 2])


def test_offset_text_and_labels_kept():
    _, fig = pixels(draw_log, trim=True)
    ax2 = fig.axes[1]
    assert isinstance(ax2.xaxis.get_major_locator(), FixedLocator)
    assert ax2.xaxis.get_major_formatter().get_offset() != ""   # e.g. "+1e5"
    lo, hi = ax2.get_xlim()
    assert all(lo - 1e-9 <= x <= hi + 1e-9 for x in ax2.get_xticks())


def test_other_axes_untouched():
    fig = Figure()
    ax = fig.add_subplot(projection="polar")
    ax.plot([0, 1], [0, 1])
    before = type(ax.xaxis.get_major_locator())
    trim_ticks(fig)
    assert type(ax.xaxis.get_major_locator()) is before
