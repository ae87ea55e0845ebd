"""An Agg renderer that remembers drawn text, so that the next frame pastes it back.

Consecutive frames of an explorer repeat most of their text at the same place: tick
labels, axis labels, legend entries.  matplotlib lays out and rasterizes every glyph of
every string on every draw (a third of an update in the chapters).  :class:`GlyphCacheAgg`
records the glyph bitmaps that one ``draw_text`` pastes into the image, keyed by
everything that decides them (string, font properties, angle, exact position, hinting,
antialiasing), and replays them when the same text is drawn at the same place again: the
same calls with the same bitmaps, so the pixels are identical.  Colour, alpha and clipping
come from the graphics context at replay, as they do when drawing.  Text whose drawing
does anything else than pasting bitmaps (a mathtext fraction bar, an unfamiliar
matplotlib version) is drawn as usual, uncached.

It also remembers each font's line metrics (ascent, descent, line gap), which matplotlib
otherwise reads from the font file's tables every time it lays out a text; it asks the
renderer for them first (``_get_font_height_metrics``), and this renderer answers from
the same tables, read once per font and size.
"""

from __future__ import annotations

import numpy as np
from matplotlib import rcParams
from matplotlib.font_manager import fontManager, get_font
from matplotlib.backends.backend_agg import RendererAgg

__all__ = ["GlyphCacheAgg"]

#: The font tables text layout reads line metrics from, in matplotlib's order of preference:
#: (table, line gap, ascent, descent).
_TABLES = (("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
           ("hhea", "lineGap", "ascent", "descent"))
#: rcParams that change how a string is rasterized.
_RC = ("text.hinting", "text.hinting_factor", "text.kerning_factor", "mathtext.fontset",
       "mathtext.default", "mathtext.fallback")


class _Recorder:
    """Stands in for the C renderer during one ``draw_text``: records pasted bitmaps."""

    def __init__(self, real):
        self.real, self.pasted, self.cacheable = real, [], True

    def draw_text_image(self, image, x, y, angle, gc):
        bitmap = np.array(image)  # a copy: FreeType reuses its buffer for the next glyph
        if bitmap.ndim != 2 or bitmap.dtype != np.uint8:
            self.cacheable = False
        self.pasted.append((bitmap, x, y, angle))
        self.real.draw_text_image(image, x, y, angle, gc)

    def __getattr__(self, name):  # anything else (draw_path for boxes): not replayable
        self.cacheable = False
        return getattr(self.real, name)


class GlyphCacheAgg(RendererAgg):
    """:class:`~matplotlib.backends.backend_agg.RendererAgg` with a cache of drawn text.

    ``max_entries`` bounds the cache (it is emptied when full).
    """

    max_entries = 4000

    def __init__(self, width, height, dpi):
        super().__init__(width, height, dpi)
        self.text_cache: dict = {}
        self.font_metrics: dict = {}

    def _get_font_height_metrics(self, prop):
        """``(ascent, descent, line_gap)`` in pixels of the font of ``prop``, as
        :meth:`matplotlib.text.Text._get_layout` computes them (the renderer's dpi is the
        figure's), or three ``None`` when the font has neither table."""
        try:
            key = tuple(vars(prop).values())
            hash(key)
        except TypeError:
            return None, None, None
        metrics = self.font_metrics.get(key)
        if metrics is None:
            metrics = (None, None, None)
            font = get_font(fontManager._find_fonts_by_props(prop))
            for name, gap, ascent, descent in _TABLES:
                table = font.get_sfnt_table(name)
                if table is not None:
                    units_per_em = font.get_sfnt_table("head")["unitsPerEm"]
                    scale = 1 / units_per_em * prop.get_size_in_points() * self.dpi / 72  # as matplotlib
                    metrics = (table[ascent] * scale, -table[descent] * scale, table[gap] * scale)
                    break
            self.font_metrics[key] = metrics
        return metrics

    def _text_key(self, gc, x, y, s, prop, angle, ismath, mtext):
        try:
            font = tuple(vars(prop).values())
            extra = (None, None) if mtext is None else (mtext.get_fontfeatures(), mtext.get_language())
            key = (s, font, angle, x, y, ismath, gc.get_antialiased(),
                   tuple(tuple(e) if isinstance(e, list) else e for e in extra),
                   tuple(rcParams[k] for k in _RC))
            hash(key)
        except (TypeError, AttributeError, KeyError):
            return None
        return key

    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
        key = self._text_key(gc, x, y, s, prop, angle, ismath, mtext)
        pasted = self.text_cache.get(key) if key is not None else None
        if pasted is not None:
            for bitmap, bx, by, bangle in pasted:
                self._renderer.draw_text_image(bitmap, bx, by, bangle, gc)
            return None
        real = self._renderer
        self._renderer = recorder = _Recorder(real)
        try:
            result = super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
        finally:
            self._renderer = real
        if key is not None and recorder.cacheable:
            if len(self.text_cache) >= self.max_entries:
                self.text_cache.clear()
            self.text_cache[key] = recorder.pasted
        return result
