"""The :class:`Explorer`: a draw function, its controls, and the frames drawn from them."""

from __future__ import annotations

import itertools
import statistics
import time
import uuid
import weakref

from .frames import calibrate, draw_frame
from .layouts import layouts_for
from .thinning import thin

__all__ = ["Explorer", "registry"]

#: Weak references to the explorers created in this process, in order (used by
#: ``benchmarks/explorers.py``); weak, so re-running cells in a kernel frees old frames.
_REGISTRY: list = []


def registry() -> list:
    """Return the explorers created in this process that are still alive, oldest first."""
    _REGISTRY[:] = [ref for ref in _REGISTRY if ref() is not None]
    return [ref() for ref in _REGISTRY]


class Explorer:
    """An interactive figure: a draw function and a grid of control values.

    Create it with :func:`~reglib.explore.explore`.  It precomputes the static frames at
    creation, in every layout (so an error in ``draw`` fails the cell, and the book build,
    loudly), and builds its live widget when displayed.
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
        self.layouts = layouts_for(figsize, dpi)
        self.static_index = thin(controls, max_frames)
        self.boxes = {lay.name: self._calibrate(lay) for lay in self.layouts}
        self.frames = {lay.name: [] for lay in self.layouts}  # PNGs in row-major order
        self.alts = []
        self._cache = {}
        self._render_static()
        self._widget = None
        _REGISTRY.append(weakref.ref(self))

    # -- values, text
    @property
    def defaults(self) -> dict:
        """The initial value of every control."""
        return {name: c.default for name, c in self.controls.items()}

    def label(self, name) -> str:
        return self.controls[name].label or name

    def describe(self, **values) -> str:
        """The alternative text of the frame at ``values``."""
        if callable(self._alt):
            return str(self._alt(**values))
        if self._alt and "{" in self._alt:
            return self._alt.format(**values)
        shown = ", ".join(f"{self.label(n)} = {self.controls[n].format(v)}" for n, v in values.items())
        return f"{self._alt or self.title or 'Figure'} ({shown})"

    def check_values(self, values: dict) -> dict:
        """Every control's value: ``values`` checked, defaults for the rest."""
        unknown = set(values) - set(self.controls)
        if unknown:
            raise ValueError(f"unknown control(s) {sorted(unknown)}; controls are {list(self.controls)}")
        full = self.defaults
        full.update({n: self.controls[n].check(n, v) for n, v in values.items()})
        return full

    # -- frames
    def render(self, **values) -> bytes:
        """Compute and draw the (wide) frame at ``values`` (defaults for the rest); PNG bytes.

        A live frame is shown once and not kept: it is compressed quickly (zlib level 1),
        unlike the static frames, which pages carry.
        """
        wide = self.layouts[0]
        png, _ = draw_frame(self.draw, self.check_values(values), wide, self.boxes[wide.name],
                            compress_level=1)
        return png

    def frame(self, **values) -> bytes:
        """The frame at ``values``: a precomputed one when there is one, else rendered."""
        full = self.check_values(values)
        png = self._cache.get(tuple(full.values()))
        return png if png is not None else self.render(**full)

    def _calibrate(self, layout) -> dict:
        probes = [self.defaults] + [{n: c.values[i] for n, c in self.controls.items()} for i in (0, -1)]
        try:
            return calibrate(self.draw, probes, layout)
        except Exception:
            return {}  # _render_static reports the failing values with a clear message

    def _render_static(self) -> None:
        names = list(self.controls)
        for combo in itertools.product(*(self.static_index[n] for n in names)):
            values = {n: self.controls[n].values[i] for n, i in zip(names, combo)}
            for lay in self.layouts:
                try:
                    png, _ = draw_frame(self.draw, values, lay, self.boxes[lay.name])
                except Exception as exc:
                    shown = ", ".join(f"{n}={v!r}" for n, v in values.items())
                    raise RuntimeError(
                        f"explore: draw failed at {shown}: {type(exc).__name__}: {exc}"
                    ) from exc
                self.frames[lay.name].append(png)
            self.alts.append(self.describe(**values))
            self._cache[tuple(values.values())] = self.frames[self.layouts[0].name][-1]

    def start_index(self) -> int:
        """Row-major index, among the static frames, of the frame at the defaults."""
        flat = 0
        for name, c in self.controls.items():
            idx = self.static_index[name]
            flat = flat * len(idx) + idx.index(c.default_index)
        return flat

    # -- timing
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

    # -- display
    def to_html(self) -> str:
        """The self-contained static scrubber (HTML + inline JavaScript and CSS)."""
        from .scrubber import scrubber_html

        return scrubber_html(self)

    def widget(self):
        """The live ipywidgets view (built once, on first use)."""
        if self._widget is None:
            from .widget import build_widget

            self._widget = build_widget(self)
        return self._widget

    def _repr_mimebundle_(self, include=None, exclude=None):
        from .widget import mimebundle

        return mimebundle(self)

    def plain(self) -> str:
        names = ", ".join(self.label(n) for n in self.controls)
        return f"Interactive figure: {self.title or 'explorer'} (controls: {names})"

    def __repr__(self) -> str:
        return self.plain()
