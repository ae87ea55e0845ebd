"""Interactive figures written once, rendered twice.

``explore(draw, lam=LogSlider(1e-3, 1e3))`` returns an :class:`Explorer`. Displayed as the
last expression of a notebook cell it shows

* in a live kernel (JupyterLab, Binder, Colab): ipywidgets controls that redraw the
  figure on every move (the front end picks the widget view of the output);
* on the static site: a self-contained *scrubber* -- the same controls as
  ``<input type="range">`` elements over frames precomputed when the cell ran, plain
  HTML and JavaScript, no kernel and no network (the book's ``_config.yml`` makes the HTML
  builder prefer the ``text/html`` view of the output).

``draw(fig, **values)`` receives a fresh, empty :class:`matplotlib.figure.Figure` and the
current value of every control; it draws on ``fig`` (never through ``pyplot``), so nothing
leaks into the notebook as ``<Figure size ...>`` text.
"""

from __future__ import annotations

import base64
import html
import io
import itertools
import json
import math
import numbers
import statistics
import time
import uuid
import weakref
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

__all__ = ["Choice", "Explorer", "FloatSlider", "IntSlider", "LogSlider", "explore", "registry"]

#: Weak references to the explorers created in this process, in order (used by
#: ``benchmarks/explorers.py``); weak, so re-running cells in a kernel frees old frames.
_REGISTRY: list = []


def registry() -> list:
    """Return the explorers created in this process that are still alive, oldest first."""
    _REGISTRY[:] = [ref for ref in _REGISTRY if ref() is not None]
    return [ref() for ref in _REGISTRY]


# --------------------------------------------------------------------------- controls


class _Control:
    """A control: a finite grid of ``values``, a ``default_index`` and a ``label``.

    Subclasses are dataclasses whose ``__post_init__`` validates the arguments and sets
    ``values`` and ``default_index``.
    """

    values: list
    default_index: int
    label: str | None

    def format(self, value) -> str:
        return str(value)

    def _set_default(self, value) -> None:
        if value is None:
            self.default_index = (len(self.values) - 1) // 2
        else:
            self.default_index = self._nearest(value)

    def _nearest(self, value) -> int:
        return int(np.argmin([abs(v - value) for v in self.values]))

    @property
    def default(self):
        return self.values[self.default_index]

    @property
    def numeric(self) -> bool:
        return True


def _check_real(name: str, value) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {type(value).__name__}")
    if not math.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value}")
    return float(value)


def _check_steps(steps) -> int:
    if isinstance(steps, bool) or not isinstance(steps, numbers.Integral):
        raise TypeError(f"steps must be an integer, got {type(steps).__name__}")
    if steps < 2:
        raise ValueError(f"steps must be at least 2, got {steps}")
    return int(steps)


def _check_range(low: float, high: float) -> None:
    if not low < high:
        raise ValueError(f"low must be smaller than high, got low={low}, high={high}")


@dataclass
class LogSlider(_Control):
    """A slider over ``steps`` geometrically spaced values from ``low`` to ``high``.

    Parameters
    ----------
    low, high : float
        Positive end points, ``low < high``.
    steps : int, default 13
        Number of grid values (at least 2).
    value : float, optional
        Initial value; snapped to the nearest grid value (default: the middle one).
    label : str, optional
        Shown next to the control (default: the keyword name given to :func:`explore`).
    fmt : str, default ".3g"
        Format specification for the displayed value.
    """

    low: float = 1e-3
    high: float = 1e3
    steps: int = 13
    value: float | None = None
    label: str | None = None
    fmt: str = ".3g"

    def __post_init__(self):
        self.low = _check_real("low", self.low)
        self.high = _check_real("high", self.high)
        if self.low <= 0:
            raise ValueError(f"low must be positive for a LogSlider, got {self.low}")
        _check_range(self.low, self.high)
        self.steps = _check_steps(self.steps)
        self.values = [float(v) for v in np.geomspace(self.low, self.high, self.steps)]
        if self.value is not None:
            self.value = _check_real("value", self.value)
            if self.value <= 0:
                raise ValueError(f"value must be positive for a LogSlider, got {self.value}")
            self.default_index = int(np.argmin(np.abs(np.log(self.values) - np.log(self.value))))
        else:
            self._set_default(None)

    def format(self, value) -> str:
        return format(value, self.fmt)


@dataclass
class FloatSlider(_Control):
    """A slider over ``steps`` evenly spaced values from ``low`` to ``high``.

    Parameters are those of :class:`LogSlider`, without the positivity requirement.
    """

    low: float = 0.0
    high: float = 1.0
    steps: int = 11
    value: float | None = None
    label: str | None = None
    fmt: str = ".3g"

    def __post_init__(self):
        self.low = _check_real("low", self.low)
        self.high = _check_real("high", self.high)
        _check_range(self.low, self.high)
        self.steps = _check_steps(self.steps)
        self.values = [float(v) for v in np.linspace(self.low, self.high, self.steps)]
        self._set_default(None if self.value is None else _check_real("value", self.value))

    def format(self, value) -> str:
        return format(value, self.fmt)


@dataclass
class IntSlider(_Control):
    """A slider over the integers ``low, low + step, ..., high``.

    Parameters
    ----------
    low, high : int
        End points, ``low < high``.
    step : int, default 1
        Spacing of the grid (positive).
    value : int, optional
        Initial value; snapped to the nearest grid value (default: the middle one).
    label : str, optional
        Shown next to the control.
    """

    low: int = 0
    high: int = 10
    step: int = 1
    value: int | None = None
    label: str | None = None

    def __post_init__(self):
        for name in ("low", "high", "step"):
            v = getattr(self, name)
            if isinstance(v, bool) or not isinstance(v, numbers.Integral):
                raise TypeError(f"{name} must be an integer, got {type(v).__name__}")
        _check_range(self.low, self.high)
        if self.step < 1:
            raise ValueError(f"step must be a positive integer, got {self.step}")
        self.values = [int(v) for v in range(int(self.low), int(self.high) + 1, int(self.step))]
        self._set_default(None if self.value is None else _check_real("value", self.value))


@dataclass
class Choice(_Control):
    """A choice between named options (strings).

    Parameters
    ----------
    options : sequence of str
        At least two distinct options.
    value : str, optional
        Initial option (default: the first).
    label : str, optional
        Shown next to the control.
    """

    options: Sequence[str] = ()
    value: str | None = None
    label: str | None = None

    def __post_init__(self):
        if isinstance(self.options, str) or not isinstance(self.options, Sequence):
            raise TypeError("options must be a list of strings")
        opts = list(self.options)
        if len(opts) < 2 or not all(isinstance(o, str) for o in opts):
            raise ValueError(f"options must be at least two strings, got {opts!r}")
        if len(set(opts)) != len(opts):
            raise ValueError(f"options must be distinct, got {opts!r}")
        self.values = opts
        if self.value is None:
            self.default_index = 0
        elif self.value in opts:
            self.default_index = opts.index(self.value)
        else:
            raise ValueError(f"value must be one of {opts!r}, got {self.value!r}")

    @property
    def numeric(self) -> bool:
        return False


# --------------------------------------------------------------------------- explorer


def _figure_png(draw: Callable, values: dict, figsize, dpi, boxes=None):
    """Draw one frame on a fresh figure; return ``(png_bytes, axes_boxes)``.

    ``boxes`` maps a number of axes to their positions (figure coordinates). When the
    drawn figure has that many axes, they are placed there: every frame of an explorer
    then shares one layout, so axes do not jump while the reader scrubs, and the costly
    constrained-layout solve is skipped. Otherwise (or when ``draw`` chose a layout engine
    itself) matplotlib's constrained layout places them. The returned ``axes_boxes`` are
    the positions the axes ended up with.

    The canvas is rasterised once and encoded with an adaptive 128-colour palette: for line
    art this is visually lossless, about three times smaller than matplotlib's RGBA PNG, and
    faster than ``savefig``.
    """
    from PIL import Image

    fig = Figure(figsize=figsize, dpi=dpi, layout=None if boxes else "constrained")
    canvas = FigureCanvasAgg(fig)
    draw(fig, **values)
    fixed = boxes.get(len(fig.axes)) if boxes else None
    if boxes and fig.get_layout_engine() is None:
        if fixed is not None:
            for ax, box in zip(fig.axes, fixed):
                ax.set_position(box)
        else:
            # lay out from scratch: draw again on a constrained-layout figure
            fig = Figure(figsize=figsize, dpi=dpi, layout="constrained")
            canvas = FigureCanvasAgg(fig)
            draw(fig, **values)
    canvas.draw()
    rgb = np.asarray(canvas.buffer_rgba())[..., :3]
    image = Image.fromarray(rgb).quantize(
        colors=128, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
    )
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    return buf.getvalue(), [tuple(ax.get_position().bounds) for ax in fig.axes]


def _intersect(layouts: list) -> list:
    """Per axes, the largest box inside every layout's box (room for every frame's labels)."""
    out = []
    for group in zip(*layouts):
        x0 = max(b[0] for b in group)
        y0 = max(b[1] for b in group)
        x1 = min(b[0] + b[2] for b in group)
        y1 = min(b[1] + b[3] for b in group)
        out.append((x0, y0, max(x1 - x0, 0.05), max(y1 - y0, 0.05)))
    return out


def _thin(controls: dict, max_frames: int) -> dict:
    """Choose, per control, the grid indices rendered for the static page.

    Keeps every value when the full grid has at most ``max_frames`` combinations;
    otherwise thins the longest numeric grids evenly (always keeping the default and both
    ends) until the product fits.
    """
    counts = {name: len(c.values) for name, c in controls.items()}
    while math.prod(counts.values()) > max_frames:
        thinnable = [n for n, c in controls.items() if c.numeric and counts[n] > 2]
        if not thinnable:
            thinnable = [n for n in controls if counts[n] > 2]
        if not thinnable:
            break
        longest = max(thinnable, key=lambda n: counts[n])
        counts[longest] -= 1
    chosen = {}
    for name, c in controls.items():
        n_all, n = len(c.values), counts[name]
        if n == n_all:
            chosen[name] = list(range(n_all))
            continue
        idx = sorted(set(int(round(i)) for i in np.linspace(0, n_all - 1, n)))
        if c.default_index not in idx:
            nearest = min(range(len(idx)), key=lambda k: abs(idx[k] - c.default_index))
            idx[nearest] = c.default_index
            idx = sorted(set(idx))
        chosen[name] = idx
    return chosen


class Explorer:
    """An interactive figure: a draw function and a grid of control values.

    Create it with :func:`explore`. It precomputes the static frames at creation (so an
    error in ``draw`` fails the cell, and the book build, loudly) and builds its live
    widget when displayed.
    """

    def __init__(self, draw, controls, *, title, alt, figsize, dpi, max_frames):
        self.draw = draw
        self.controls = controls
        self.title = title
        self._alt = alt
        self.figsize = figsize
        self.dpi = dpi
        self.max_frames = max_frames
        self.id = "rx-" + uuid.uuid4().hex[:10]
        self._static_index = _thin(controls, max_frames)
        self._cache = {}
        self._boxes = self._calibrate_or_explain()
        self._frames = self._render_static()
        self._widget = None
        _REGISTRY.append(weakref.ref(self))

    # -- values, text
    @property
    def defaults(self) -> dict:
        """The initial value of every control."""
        return {name: c.default for name, c in self.controls.items()}

    def _label(self, name) -> str:
        return self.controls[name].label or name

    def describe(self, **values) -> str:
        """The alternative text of the frame at ``values``."""
        shown = ", ".join(
            f"{self._label(n)} = {self.controls[n].format(v)}" for n, v in values.items()
        )
        if callable(self._alt):
            return str(self._alt(**values))
        if self._alt:
            if "{" in self._alt:
                return self._alt.format(**values)
            return f"{self._alt} ({shown})"
        return f"{self.title or 'Figure'} ({shown})"

    def _check_values(self, values: dict) -> dict:
        unknown = set(values) - set(self.controls)
        if unknown:
            raise ValueError(f"unknown control(s) {sorted(unknown)}; controls are {list(self.controls)}")
        full = self.defaults
        full.update(values)
        return full

    # -- rendering
    def render(self, **values) -> bytes:
        """Compute and draw the frame at ``values`` (defaults for the rest); PNG bytes."""
        png, _ = _figure_png(self.draw, self._check_values(values), self.figsize, self.dpi,
                             self._boxes)
        return png

    def _calibrate(self) -> dict:
        """One layout for all frames: constrained layout at the default and extreme values.

        For each number of axes seen, the boxes are intersected, so tick labels of the
        extreme frames fit too.
        """
        probes = [self.defaults]
        for pick in (0, -1):
            probes.append({n: c.values[pick] for n, c in self.controls.items()})
        layouts = {}
        for values in probes:
            _, boxes = _figure_png(self.draw, values, self.figsize, self.dpi)
            layouts.setdefault(len(boxes), []).append(boxes)
        return {n: _intersect(group) for n, group in layouts.items()}

    def _key(self, values: dict) -> tuple:
        return tuple(values[n] for n in self.controls)

    def frame(self, **values) -> bytes:
        """The frame at ``values``: a precomputed one when there is one, else rendered."""
        full = self._check_values(values)
        png = self._cache.get(self._key(full))
        return png if png is not None else self.render(**full)

    def _calibrate_or_explain(self) -> dict:
        try:
            return self._calibrate()
        except Exception:
            return {}  # _render_static reports the failing values with a clear message

    def _render_static(self) -> list:
        names = list(self.controls)
        frames = []
        for combo in itertools.product(*(self._static_index[n] for n in names)):
            values = {n: self.controls[n].values[i] for n, i in zip(names, combo)}
            try:
                png, _ = _figure_png(self.draw, values, self.figsize, self.dpi, self._boxes)
            except Exception as exc:
                shown = ", ".join(f"{n}={v!r}" for n, v in values.items())
                raise RuntimeError(
                    f"explore: draw failed at {shown}: {type(exc).__name__}: {exc}"
                ) from exc
            frames.append((png, self.describe(**values)))
            self._cache[self._key(values)] = png
        return frames

    def time_updates(self, repeats: int = 1) -> list:
        """Wall time in ms of live updates (compute + draw + encode) over the full grid.

        Each control in turn is moved across its whole grid, the others at their
        defaults, as a reader dragging one slider would.
        """
        times = []
        for _ in range(repeats):
            for name, c in self.controls.items():
                for v in c.values:
                    t0 = time.perf_counter()
                    self.render(**{name: v})
                    times.append(1000 * (time.perf_counter() - t0))
        return times

    def median_update_ms(self) -> float:
        """Median of :meth:`time_updates`."""
        return statistics.median(self.time_updates())

    # -- static HTML scrubber
    def to_html(self) -> str:
        """The self-contained static scrubber (HTML + inline JavaScript)."""
        names = list(self.controls)
        idx = self._static_index
        data = {
            "controls": [
                {
                    "name": n,
                    "labels": [self.controls[n].format(self.controls[n].values[i]) for i in idx[n]],
                }
                for n in names
            ],
            "frames": ["data:image/png;base64," + base64.b64encode(f).decode() for f, _ in self._frames],
            "alts": [a for _, a in self._frames],
        }
        start = [idx[n].index(self.controls[n].default_index) for n in names]
        flat = 0
        for n, s in zip(names, start):
            flat = flat * len(idx[n]) + s
        src, alt = data["frames"][flat], data["alts"][flat]
        esc = html.escape
        rows = []
        for k, (n, s) in enumerate(zip(names, start)):
            c = self.controls[n]
            label = esc(self._label(n))
            shown = esc(data["controls"][k]["labels"][s])
            cid = f"{self.id}-{k}"
            if c.numeric:
                rows.append(
                    f'<label class="reglib-explorer-control" for="{cid}">'
                    f'<span class="reglib-explorer-name">{label}</span>'
                    f'<input type="range" id="{cid}" data-control="{k}" min="0" max="{len(idx[n]) - 1}" '
                    f'step="1" value="{s}" aria-valuetext="{shown}">'
                    f'<output for="{cid}" aria-live="polite">{shown}</output></label>'
                )
            else:
                opts = "".join(
                    f'<option value="{j}"{" selected" if j == s else ""}>{esc(lab)}</option>'
                    for j, lab in enumerate(data["controls"][k]["labels"])
                )
                rows.append(
                    f'<label class="reglib-explorer-control" for="{cid}">'
                    f'<span class="reglib-explorer-name">{label}</span>'
                    f'<select id="{cid}" data-control="{k}">{opts}</select></label>'
                )
        title = f'<div class="reglib-explorer-title">{esc(self.title)}</div>' if self.title else ""
        payload = json.dumps(data, separators=(",", ":")).replace("</", "<\\/")
        width, height = (int(round(s * self.dpi)) for s in self.figsize)
        return (
            f'<div class="reglib-explorer" data-reglib-explorer="{self.id}" role="group" '
            f'aria-label="{esc("Interactive figure: " + (self.title or "explorer"))}">'
            f"{title}"
            f'<img class="reglib-explorer-figure" src="{src}" alt="{esc(alt)}" '
            f'width="{width}" height="{height}" style="max-width:100%;height:auto">'
            f'<div class="reglib-explorer-controls">{"".join(rows)}</div>'
            f'<p class="reglib-explorer-note">Precomputed frames: move a control to scrub. '
            f"Run the notebook for the live version.</p>"
            f'<script type="application/json" class="reglib-explorer-data">{payload}</script>'
            f"<script>{_SCRUBBER_JS}</script>"
            f"</div>"
        )

    # -- live widget
    def widget(self):
        """The live ipywidgets view (built once, on first use)."""
        if self._widget is None:
            self._widget = _build_widget(self)
        return self._widget

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = {"text/plain": self._plain(), "text/html": self.to_html()}
        try:
            view = self.widget()._repr_mimebundle_()
        except ImportError:  # ipywidgets missing: the static scrubber still works
            view = {}
        view.pop("text/plain", None)
        bundle.update(view)
        return bundle

    def _plain(self) -> str:
        names = ", ".join(self._label(n) for n in self.controls)
        return f"Interactive figure: {self.title or 'explorer'} (controls: {names})"

    def __repr__(self) -> str:
        return self._plain()


_SCRUBBER_JS = (
    "(function(){function init(root){if(root.dataset.ready)return;root.dataset.ready='1';"
    "var d=JSON.parse(root.querySelector('.reglib-explorer-data').textContent);"
    "var img=root.querySelector('.reglib-explorer-figure');"
    "var inputs=root.querySelectorAll('[data-control]');"
    "function update(){var flat=0;inputs.forEach(function(el){var k=+el.dataset.control;"
    "var i=+el.value;flat=flat*d.controls[k].labels.length+i;var lab=d.controls[k].labels[i];"
    "if(el.type==='range'){el.setAttribute('aria-valuetext',lab);"
    "var o=el.parentNode.querySelector('output');if(o)o.textContent=lab;}});"
    "img.src=d.frames[flat];img.alt=d.alts[flat];}"
    "inputs.forEach(function(el){el.addEventListener('input',update);"
    "el.addEventListener('change',update);});}"
    "document.querySelectorAll('[data-reglib-explorer]').forEach(init);})();"
)


def _build_widget(explorer: Explorer):
    """Controls + image + caption as ipywidgets, redrawing on every change."""
    import ipywidgets as W

    controls = {}
    for name, c in explorer.controls.items():
        label = explorer._label(name)
        if isinstance(c, IntSlider):
            w = W.IntSlider(value=c.default, min=c.values[0], max=c.values[-1], step=c.step,
                            description=label, continuous_update=True)
        elif c.numeric:
            w = W.SelectionSlider(options=[(c.format(v), v) for v in c.values], value=c.default,
                                  description=label, continuous_update=True)
        else:
            w = W.ToggleButtons(options=c.values, value=c.default, description=label)
        w.style.description_width = "initial"
        controls[name] = w
    image = W.Image(value=explorer.frame(), format="png",
                    layout=W.Layout(max_width="100%", height="auto"))
    caption = W.HTML(layout=W.Layout(max_width="100%"))
    error = W.HTML(layout=W.Layout(display="none"))

    def values():
        return {name: w.value for name, w in controls.items()}

    def refresh(_change=None):
        vals = values()
        try:
            png = explorer.frame(**vals)
        except Exception as exc:  # show the error in the figure's place, keep the controls
            error.value = (
                '<div class="reglib-explorer-error" role="alert" style="color:#b42318;'
                'border:1px solid #b42318;padding:0.5em;white-space:pre-wrap">'
                f"Could not draw this figure: {html.escape(type(exc).__name__)}: "
                f"{html.escape(str(exc))}</div>"
            )
            error.layout.display = ""
            image.layout.display = "none"
            return
        image.value = png
        image.layout.display = ""
        error.layout.display = "none"
        caption.value = f'<span class="reglib-explorer-caption">{html.escape(explorer.describe(**vals))}</span>'

    for w in controls.values():
        w.observe(refresh, names="value")
    caption.value = f'<span class="reglib-explorer-caption">{html.escape(explorer.describe(**values()))}</span>'
    children = []
    if explorer.title:
        children.append(W.HTML(f"<strong>{html.escape(explorer.title)}</strong>"))
    children += [*controls.values(), image, error, caption]
    box = W.VBox(children)
    box.add_class("reglib-explorer-live")
    box._reglib_refresh = refresh  # for tests: redraw without a front end
    box._reglib_controls = controls
    box._reglib_image = image
    box._reglib_error = error
    return box


def explore(
    draw: Callable,
    *,
    title: str | None = None,
    alt: str | Callable | None = None,
    figsize: tuple = (6.4, 3.8),
    dpi: int = 100,
    max_frames: int = 48,
    **controls,
) -> Explorer:
    """Make an interactive figure from a draw function and its controls.

    Parameters
    ----------
    draw : callable
        ``draw(fig, **values)``: draws on ``fig``, a fresh empty
        :class:`matplotlib.figure.Figure`, for the given control values. Keep it fast:
        precompute anything expensive once, outside ``draw``.
    title : str, optional
        Shown above the figure.
    alt : str or callable, optional
        Alternative text of each frame: a format string over the control names
        (``"Ridge fit with lam = {lam:.3g}"``), or ``alt(**values) -> str``. A string
        without fields gets the current values appended.
    figsize : tuple of two floats, default (6.4, 3.8)
        Figure size in inches.
    dpi : int, default 100
        Resolution of the frames.
    max_frames : int, default 48
        Most frames precomputed for the static page; larger grids are thinned evenly
        for the static page only (the live widget keeps every value).
    **controls : LogSlider, FloatSlider, IntSlider or Choice
        One control per keyword argument of ``draw``.

    Returns
    -------
    Explorer
        Displayed as the last expression of a cell: a live widget in a kernel, a static
        scrubber (``text/html``) on the site.
    """
    if not callable(draw):
        raise TypeError(f"draw must be a function draw(fig, **values), got {type(draw).__name__}")
    if not controls:
        raise ValueError("explore needs at least one control, e.g. lam=LogSlider(1e-3, 1e3)")
    for name, c in controls.items():
        if not isinstance(c, _Control):
            raise TypeError(
                f"control {name!r} must be a LogSlider, FloatSlider, IntSlider or Choice, "
                f"got {type(c).__name__}"
            )
    if title is not None and not isinstance(title, str):
        raise TypeError(f"title must be a string, got {type(title).__name__}")
    if alt is not None and not (isinstance(alt, str) or callable(alt)):
        raise TypeError(f"alt must be a string or a function, got {type(alt).__name__}")
    if (not isinstance(figsize, (tuple, list)) or len(figsize) != 2
            or not all(isinstance(s, numbers.Real) and s > 0 for s in figsize)):
        raise ValueError(f"figsize must be two positive numbers (width, height), got {figsize!r}")
    if isinstance(dpi, bool) or not isinstance(dpi, numbers.Integral) or dpi < 20:
        raise ValueError(f"dpi must be an integer of at least 20, got {dpi!r}")
    if isinstance(max_frames, bool) or not isinstance(max_frames, numbers.Integral) or max_frames < 1:
        raise ValueError(f"max_frames must be a positive integer, got {max_frames!r}")
    return Explorer(draw, dict(controls), title=title, alt=alt, figsize=tuple(figsize),
                    dpi=int(dpi), max_frames=int(max_frames))
