"""The controls of an interactive figure: each is a finite grid of values.

A control has ``values`` (the grid), a ``default_index`` and a ``label``; ``format``
writes a value as the read-out shows it and ``check`` validates a value given to
:meth:`~reglib.explore.explorer.Explorer.render`.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from typing import Sequence

import numpy as np

__all__ = ["Choice", "FloatSlider", "IntSlider", "LogSlider"]


def _check_real(name: str, value) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {value!r} ({type(value).__name__})")
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


class _Control:
    """A finite grid of ``values`` with a ``default_index`` and a ``label``."""

    values: list
    default_index: int
    label: str | None

    def format(self, value) -> str:
        return str(value)

    def check(self, name: str, value):
        """``value`` as ``draw`` receives it for control ``name``; raises if it cannot be one."""
        return _check_real(f"control {name!r}", value)

    def _set_default(self, value) -> None:
        if value is None:
            self.default_index = (len(self.values) - 1) // 2
        else:
            self.default_index = int(np.argmin([abs(v - value) for v in self.values]))

    @property
    def default(self):
        return self.values[self.default_index]

    @property
    def numeric(self) -> bool:
        return True


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

    def check(self, name: str, value):
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise TypeError(f"control {name!r} must be an integer, got {value!r} ({type(value).__name__})")
        return int(value)


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

    def check(self, name: str, value):
        if value not in self.values:
            raise ValueError(f"control {name!r} must be one of {self.values!r}, got {value!r}")
        return value

    @property
    def numeric(self) -> bool:
        return False
