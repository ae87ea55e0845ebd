"""``explore``: check the arguments, make the :class:`~.explorer.Explorer`."""

from __future__ import annotations

import math
import numbers
import string
from typing import Callable

from .controls import _Control
from .explorer import Explorer

__all__ = ["explore"]


def _check_alt(alt, controls: dict) -> None:
    if alt is None or callable(alt):
        return
    if not isinstance(alt, str):
        raise TypeError(f"alt must be a string or a function, got {type(alt).__name__}")
    try:
        fields = [f for _, f, _, _ in string.Formatter().parse(alt) if f is not None]
    except ValueError as exc:
        raise ValueError(f"alt is not a valid format string: {exc}") from None
    for field in fields:
        name = field.split(".")[0].split("[")[0]
        if name not in controls:
            raise ValueError(f"alt uses {{{field}}}, but {name!r} is not a control; "
                             f"controls are {list(controls)}")


def _check_figsize(figsize) -> tuple:
    if (not isinstance(figsize, (tuple, list)) or len(figsize) != 2
            or not all(isinstance(s, numbers.Real) and not isinstance(s, bool) for s in figsize)
            or not all(math.isfinite(s) and s > 0 for s in figsize)):
        raise ValueError(f"figsize must be two positive finite numbers (width, height) in inches, "
                         f"got {figsize!r}")
    return tuple(float(s) for s in figsize)


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
        precompute anything expensive once, outside ``draw``.  For phones the same
        function also draws narrow frames, in which ``fig.subplots(1, k)`` stacks its
        ``k`` panels into a column.
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
            raise TypeError(f"control {name!r} must be a LogSlider, FloatSlider, IntSlider or "
                            f"Choice, got {type(c).__name__}")
    if title is not None and not isinstance(title, str):
        raise TypeError(f"title must be a string, got {type(title).__name__}")
    _check_alt(alt, controls)
    figsize = _check_figsize(figsize)
    if isinstance(dpi, bool) or not isinstance(dpi, numbers.Integral) or dpi < 20:
        raise ValueError(f"dpi must be an integer of at least 20, got {dpi!r}")
    if isinstance(max_frames, bool) or not isinstance(max_frames, numbers.Integral) or max_frames < 1:
        raise ValueError(f"max_frames must be a positive integer, got {max_frames!r}")
    return Explorer(draw, dict(controls), title=title, alt=alt, figsize=figsize,
                    dpi=int(dpi), max_frames=int(max_frames))
