"""Tick objects only where ticks show: a placed frame's locators fixed to the visible ones.

matplotlib makes a tick object (two tick lines, a grid line and two labels: costly) for
every location an axis's locator returns, and locators return some beyond the axis limits,
which are never drawn -- on a log axis whole decades of minor ticks.  :func:`trim_ticks`
runs once a frame's axes are placed: it replaces each locator by a ``FixedLocator`` of the
locations inside the limits, and each formatter by their labels (with the offset text) as
the original formatter writes them for all the locations.  The drawn ticks, labels and
offset are the same; only the undrawn ticks are not made.
"""

from __future__ import annotations

import numpy as np
from matplotlib.ticker import FixedFormatter, FixedLocator, NullLocator

__all__ = ["trim_ticks"]


def trim_ticks(fig) -> None:
    """Fix every axis's ticks to those inside its limits (ordinary 2-D axes only)."""
    for ax in fig.axes:
        if ax.name != "rectilinear" or ax.get_axes_locator() is not None or hasattr(ax, "_colorbar"):
            continue
        ax.apply_aspect()  # as drawing will: an equal aspect resizes the box or the limits
        for axis in (ax.xaxis, ax.yaxis):
            _trim(axis)


def _inside(axis, locs: np.ndarray) -> np.ndarray:
    """Which ``locs`` are inside the axis limits (a hair more loosely than matplotlib)."""
    transform = axis.get_transform()
    low, high = sorted(transform.transform(np.sort(axis.get_view_interval())))
    tol = 1e-6 * (high - low)
    with np.errstate(invalid="ignore", divide="ignore"):
        where = np.asarray(transform.transform(locs), dtype=float)
    return (where >= low - tol) & (where <= high + tol)


def _trim(axis) -> None:
    plans = []  # computed before replacing either locator: minor ticks skip the majors' places
    for ticker, locs in ((axis.major, axis.get_majorticklocs), (axis.minor, axis.get_minorticklocs)):
        if isinstance(ticker.locator, (NullLocator, FixedLocator)):
            continue
        locs = np.asarray(locs(), dtype=float)
        keep = _inside(axis, locs)
        if keep.all():
            continue
        labels = ticker.formatter.format_ticks(locs)
        plans.append((ticker is axis.major, locs[keep], [s for s, k in zip(labels, keep) if k],
                      ticker.formatter.get_offset()))
    for major, locs, labels, offset in plans:
        formatter = FixedFormatter(labels)
        formatter.set_offset_string(offset)
        if major:
            axis.set_major_locator(FixedLocator(locs))
            axis.set_major_formatter(formatter)
        else:
            axis.set_minor_locator(FixedLocator(locs))
            axis.set_minor_formatter(formatter)
