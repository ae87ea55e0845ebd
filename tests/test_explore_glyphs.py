"""reglib.explore.glyphs: replayed text is pixel-identical to text drawn afresh."""

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure

from reglib.explore.glyphs import GlyphCacheAgg


def draw(fig, lam):
    ax1, ax2 = fig.subplots(1, 2)
    ax1.plot([0, 1], [0, lam], label="fit")
    ax1.set_title(f"λ = {lam:.3g}", fontsize=9)
    ax1.set_xlabel("x", rotation=20)
    ax1.legend(loc="upper left")
    ax2.loglog([1e-3, 1e3], [1, lam])                 # mathtext tick labels 10^{k}
    ax2.set_ylabel(r"$\frac{a}{b}$ and $\sqrt{x}$")   # a fraction bar: drawn, not cached
    ax2.text(0.5, 0.5, "same text", color="C3", alpha=0.5, transform=ax2.transAxes)


def pixels(renderer_cls, lam, renderer=None):
    fig = Figure(figsize=(6.4, 3.8), dpi=100)
    canvas = FigureCanvasAgg(fig)
    draw(fig, lam)
    if renderer is None:
        renderer = renderer_cls(640, 380, 100)
    canvas.renderer, canvas._lastKey = renderer, (640, 380, 100)
    canvas.draw()
    return np.asarray(canvas.buffer_rgba()).copy(), renderer


@pytest.mark.parametrize("lams", [(1.0, 1.0, 2.0, 1.0), (0.5, 30.0, 0.5)])
def test_replayed_text_is_identical_to_fresh_text(lams):
    cached = GlyphCacheAgg(640, 380, 100)
    for lam in lams:
        fresh, _ = pixels(RendererAgg, lam)
        got, _ = pixels(None, lam, renderer=cached)
        np.testing.assert_array_equal(got, fresh)
    assert cached.text_cache  # tick labels etc. were cached and replayed


def test_uncacheable_text_is_drawn_not_cached():
    _, renderer = pixels(GlyphCacheAgg, 1.0)
    assert not any(r"\frac" in key[0] for key in renderer.text_cache)
    assert any(key[0] == "same text" for key in renderer.text_cache)


def test_colour_comes_from_the_context_at_replay():
    renderer = GlyphCacheAgg(200, 100, 100)
    images = []
    for color in ("red", "blue"):
        fig = Figure(figsize=(2, 1), dpi=100)
        canvas = FigureCanvasAgg(fig)
        fig.text(0.1, 0.4, "Tick", color=color, fontsize=20)
        canvas.renderer, canvas._lastKey = renderer, (200, 100, 100)
        canvas.draw()
        images.append(np.asarray(canvas.buffer_rgba())[..., :3].astype(int))
    red, blue = images
    assert red[..., 0].sum() > red[..., 2].sum() and blue[..., 2].sum() > blue[..., 0].sum()


def test_cache_is_bounded(monkeypatch):
    monkeypatch.setattr(GlyphCacheAgg, "max_entries", 5)
    renderer = GlyphCacheAgg(200, 100, 100)
    fig = Figure(figsize=(2, 1), dpi=100)
    canvas = FigureCanvasAgg(fig)
    for k in range(12):
        fig.text(0.1, 0.05 * k, f"t{k}")
    canvas.renderer, canvas._lastKey = renderer, (200, 100, 100)
    canvas.draw()
    assert 0 < len(renderer.text_cache) <= 5


def test_font_metrics_are_matplotlibs():
    from matplotlib.text import Text

    fig = Figure(figsize=(2, 1), dpi=100)
    text = Text(0, 0, "Ag\nline two", figure=fig, fontsize=13)
    plain, cached = RendererAgg(200, 100, 100), GlyphCacheAgg(200, 100, 100)
    for _ in range(2):  # computed, then remembered
        (bbox, lines, descent), (bbox0, lines0, descent0) = (text._get_layout(r) for r in (cached, plain))
        assert bbox.bounds == bbox0.bounds and lines == lines0 and descent == descent0
    assert cached.font_metrics
