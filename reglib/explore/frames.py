"""Drawing one frame: ``draw`` on a figure of a :class:`~.layouts.Layout`, then a PNG.

Every frame of an explorer shares one placement of its axes (``boxes``: a number of axes
-> their positions in figure coordinates), found by :func:`calibrate` with matplotlib's
constrained layout at the default and extreme values.  Axes then do not jump while the
reader scrubs, and the costly constrained-layout solve is skipped for every frame.
"""

from __future__ import annotations

import gc
import io
from collections import OrderedDict

import matplotlib
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.layout_engine import PlaceHolderLayoutEngine

from .glyphs import GlyphCacheAgg
from .ticks import trim_ticks

__all__ = ["calibrate", "draw_frame", "encode_png", "intersect", "rasterize"]

#: Agg renderers by (width, height, dpi), reused from frame to frame (see rasterize).
_RENDERERS: OrderedDict = OrderedDict()


def rasterize(canvas: FigureCanvasAgg) -> None:
    """Draw the canvas with a renderer kept from earlier frames of the same pixel size.

    matplotlib caches text metrics and parsed mathtext (tick labels such as ``10^{-3}``)
    per renderer, and a fresh canvas makes a fresh renderer: every frame measured and
    parsed every label again.  Reusing the renderer (``draw`` clears it) keeps those caches,
    and its own cache of rasterized text (:class:`~.glyphs.GlyphCacheAgg`).
    """
    key = (*canvas.get_width_height(physical=True), canvas.figure.dpi)
    renderer = _RENDERERS.pop(key, None) or GlyphCacheAgg(key[0], key[1], key[2])
    _RENDERERS[key] = renderer
    while len(_RENDERERS) > 8:
        _RENDERERS.popitem(last=False)
    canvas.renderer, canvas._lastKey = renderer, key
    canvas.draw()


def encode_png(canvas: FigureCanvasAgg, compress_level=None) -> bytes:
    """The canvas as a PNG with an adaptive 128-colour palette.

    For line art this is visually lossless, about three times smaller than matplotlib's
    RGBA PNG, and faster than ``savefig`` (encoding is under a tenth of an update).
    ``compress_level`` (zlib's, default 6) trades size for time: 1 takes a third of the
    time for files a seventh larger, the same pixels.
    """
    from PIL import Image

    rgb = np.asarray(canvas.buffer_rgba())[..., :3]
    image = Image.fromarray(rgb).quantize(colors=128, method=Image.Quantize.FASTOCTREE,
                                          dither=Image.Dither.NONE)
    buf = io.BytesIO()
    options = {} if compress_level is None else {"compress_level": compress_level}
    image.save(buf, format="PNG", **options)
    return buf.getvalue()


def draw_frame(draw, values: dict, layout, boxes=None, compress_level=None):
    """Draw one frame; return ``(png_bytes, axes_boxes)``.

    When ``boxes`` has an entry for the number of axes ``draw`` made, the axes are placed
    there; otherwise (or when ``draw`` chose a layout engine itself) constrained layout
    places them.  ``axes_boxes`` are the positions the axes ended up with.
    ``compress_level`` is :func:`encode_png`'s.

    Titles sit at a fixed height above their axes (``axes.titley = 1``): matplotlib's
    default moves each title clear of top-side ticks, and that measurement (a tight
    bounding box of every axis, on every draw) was a third of an update's time in the
    chapters, whose axes have no top-side ticks.

    Once the axes are placed, only the ticks that show are made (:func:`~.ticks.trim_ticks`).

    The cyclic garbage collector pauses while the frame is drawn, and the frame's figure
    (many thousands of objects in reference cycles) is collected right after, while its
    objects are still in the youngest generation.  Otherwise the collector's passes during
    the draw promote them to the oldest generation, whose full collections (every ten or
    so frames, over the whole heap of a notebook) froze a live update for 0.3 s.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        with matplotlib.rc_context({"axes.titley": 1.0}):
            out = _draw_frame(draw, values, layout, boxes, compress_level)
    finally:
        if enabled:
            gc.enable()
    if enabled:
        gc.collect(0)
    return out


def _draw_frame(draw, values, layout, boxes, compress_level):
    fig = layout.new_figure(constrained=not boxes)
    canvas = FigureCanvasAgg(fig)
    draw(fig, **values)
    if boxes and fig.get_layout_engine() is None:
        fixed = boxes.get(len(fig.axes))
        if fixed is not None:
            for ax, box in zip(fig.axes, fixed):
                ax.set_position(box)
        else:  # an unforeseen number of axes: lay out from scratch
            fig = layout.new_figure(constrained=True)
            canvas = FigureCanvasAgg(fig)
            draw(fig, **values)
    if isinstance(fig.get_layout_engine(), (type(None), PlaceHolderLayoutEngine)):
        trim_ticks(fig)  # the axes are placed: make only the ticks that show
    rasterize(canvas)
    return encode_png(canvas, compress_level), [tuple(ax.get_position().bounds) for ax in fig.axes]


def intersect(layouts: list) -> list:
    """Per axes, the largest box inside every layout's box (room for every frame's labels)."""
    out = []
    for group in zip(*layouts):
        x0 = max(b[0] for b in group)
        y0 = max(b[1] for b in group)
        x1 = min(b[0] + b[2] for b in group)
        y1 = min(b[1] + b[3] for b in group)
        out.append((x0, y0, max(x1 - x0, 0.05), max(y1 - y0, 0.05)))
    return out


def calibrate(draw, probes: list, layout) -> dict:
    """One placement per number of axes: constrained layout at each of ``probes``, intersected."""
    seen = {}
    for values in probes:
        _, boxes = draw_frame(draw, values, layout)
        seen.setdefault(len(boxes), []).append(boxes)
    return {n: intersect(group) for n, group in seen.items()}
