"""Frame layouts: the figure's own size for wide screens, a narrow one for phones.

A phone shows a 640-pixel frame at about half size, too small to read.  So an explorer
whose frames are wider than :data:`NARROW_PX` / 0.7 also draws *narrow* frames,
:data:`NARROW_PX` pixels wide, in which the panels of a one-row grid are stacked: the
same ``draw`` function runs on a :class:`NarrowFigure`, whose ``subplots(1, k)`` and
``add_subplot(1, k, i)`` make a column of ``k`` panels instead.  A manual layout made for
the wide figure (margins in ``gridspec_kw``, ``subplots_adjust``, a layout engine) is
ignored there: constrained layout places the panels, and a long ``suptitle`` wraps.
The scrubber picks the layout by the width of its container.

Narrow frames serve only the static site, so they are drawn only when the environment
variable :data:`NARROW_ENV` is ``"1"``: the book's Sphinx extension
(``_ext/explorer_frames.py``) sets it before the notebooks execute, and a chapter run in
JupyterLab, Colab or nbval pays for the wide frames alone.
"""

from __future__ import annotations

import os
import textwrap
from dataclasses import dataclass

from matplotlib import rcParams
from matplotlib.font_manager import FontProperties

from matplotlib.figure import Figure

__all__ = ["Layout", "NARROW_ENV", "NARROW_PX", "NarrowFigure", "layouts_for"]

#: The environment variable that asks for narrow frames (set by the book build).
NARROW_ENV = "REGLIB_NARROW_FRAMES"
#: Width in pixels of the narrow frames (a 390-pixel phone shows them at 80% or more).
NARROW_PX = 420
#: Height of one narrow panel, as a fraction of the narrow width: one panel alone, and
#: each panel of a stack.
_SINGLE_ASPECT, _STACKED_ASPECT = 0.72, 0.7
#: Margins and spacing a draw function may fix for its wide figure.
_MANUAL = ("left", "right", "top", "bottom", "wspace", "hspace")


@dataclass(frozen=True)
class Layout:
    """How one set of frames is drawn: ``name``, ``figsize`` (inches), ``dpi``, ``narrow``."""

    name: str
    figsize: tuple
    dpi: int
    narrow: bool = False

    @property
    def width_px(self) -> int:
        return int(round(self.figsize[0] * self.dpi))

    @property
    def height_px(self) -> int:
        return int(round(self.figsize[1] * self.dpi))

    def new_figure(self, constrained: bool) -> Figure:
        cls = NarrowFigure if self.narrow else Figure
        return cls(figsize=self.figsize, dpi=self.dpi, layout="constrained" if constrained else None)


def layouts_for(figsize: tuple, dpi: int) -> list[Layout]:
    """The layouts of an explorer: ``wide`` (its own figsize), and ``narrow`` if needed.

    ``narrow`` is needed when the wide frames are too wide for a phone and the book is
    being built (``REGLIB_NARROW_FRAMES=1``, see the module docstring).
    """
    wide = Layout("wide", tuple(figsize), dpi)
    if os.environ.get(NARROW_ENV) != "1" or wide.width_px * 0.7 <= NARROW_PX:
        return [wide]
    width = NARROW_PX / dpi
    return [wide, Layout("narrow", (width, width * _SINGLE_ASPECT), dpi, narrow=True)]


class NarrowFigure(Figure):
    """A figure that stacks a one-row grid of panels into a column (see the module)."""

    def _stack(self, rows: int) -> None:
        width = self.get_figwidth()
        aspect = _SINGLE_ASPECT if rows == 1 else _STACKED_ASPECT
        self.set_size_inches(width, width * aspect * rows, forward=False)

    def subplots(self, nrows=1, ncols=1, **kwargs):
        gridspec_kw = {k: v for k, v in (kwargs.pop("gridspec_kw", None) or {}).items()
                       if k not in _MANUAL}
        if nrows == 1 and ncols > 1:
            nrows, ncols = ncols, 1
            for kw in (kwargs, gridspec_kw):
                if "width_ratios" in kw:
                    kw["height_ratios"] = kw.pop("width_ratios")
            self._stack(nrows)
        if gridspec_kw:
            kwargs["gridspec_kw"] = gridspec_kw
        return super().subplots(nrows, ncols, **kwargs)

    def add_subplot(self, *args, **kwargs):
        if len(args) == 1 and isinstance(args[0], int) and 100 < args[0] < 1000:
            args = tuple(int(c) for c in str(args[0]))
        if len(args) == 3 and all(isinstance(a, int) for a in args) and args[0] == 1 and args[1] > 1:
            args = (args[1], 1, args[2])
            self._stack(args[0])
        return super().add_subplot(*args, **kwargs)

    def add_axes(self, *args, **kwargs):
        """Axes placed by hand: no layout engine can place them, so none is used."""
        Figure.set_layout_engine(self, "none")
        return super().add_axes(*args, **kwargs)

    def set_layout_engine(self, layout=None, **kwargs):
        """Ignored: the layout the explorer chose for the narrow frames stays."""
        if not hasattr(self, "_reglib_ready"):  # Figure.__init__ sets the initial one
            self._reglib_ready = True
            return super().set_layout_engine(layout, **kwargs)
        return None

    def subplots_adjust(self, *args, **kwargs):
        """Ignored: margins chosen for the wide figure do not fit the narrow one."""
        return None

    def suptitle(self, t, **kwargs):
        size = kwargs.get("fontsize", kwargs.get("size", rcParams["figure.titlesize"]))
        points = FontProperties(size=size).get_size_in_points()
        chars = max(20, int(self.get_figwidth() * 72 / (0.55 * points)))
        return super().suptitle(textwrap.fill(str(t), chars), **kwargs)
