"""Shared machinery for the exercise checkers of every chapter.

A checker compares a learner's answer with a reference and returns a
:class:`CheckResult`, which prints a short verdict in the notebook and is truthy when
the answer is right, so check cells can simply ``assert check_...(...)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Mapping

import numpy as np


@dataclass(frozen=True)
class CheckResult:
    """The verdict of an exercise checker.

    Attributes
    ----------
    name : str
        What was checked (e.g. ``"ridge closed form"``).
    passed : bool
        Whether every case matched the reference.
    messages : list of str
        One line per failed case, empty when ``passed``.
    """

    name: str
    passed: bool
    messages: list = field(default_factory=list)

    def __bool__(self) -> bool:
        return self.passed

    def __str__(self) -> str:
        if self.passed:
            return f"Correct: {self.name} matches the reference."
        return f"Not yet: {self.name}\n" + "\n".join(f"  - {m}" for m in self.messages)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        colour = "#1a7f37" if self.passed else "#b42318"
        lines = "".join(f"<li>{_escape(m)}</li>" for m in self.messages)
        head = "Correct" if self.passed else "Not yet"
        return (
            f'<div class="reglib-check" style="border-left:4px solid {colour};padding:0.3em 0.8em">'
            f"<strong>{head}:</strong> {_escape(self.name)}"
            + (f"<ul>{lines}</ul>" if lines else "")
            + "</div>"
        )


def _escape(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _compare(got, expected, rtol: float, atol: float) -> str | None:
    """Return None when ``got`` matches ``expected``, else a message saying how not."""
    try:
        got_arr = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return f"expected a number or an array of numbers, got {type(got).__name__}"
    exp_arr = np.asarray(expected, dtype=float)
    if got_arr.shape != exp_arr.shape:
        return f"expected shape {exp_arr.shape}, got shape {got_arr.shape}"
    if not np.all(np.isfinite(got_arr)):
        return "the answer contains NaN or infinity"
    if not np.allclose(got_arr, exp_arr, rtol=rtol, atol=atol):
        err = float(np.max(np.abs(got_arr - exp_arr)))
        return f"largest difference from the reference is {err:.3g} (tolerance rtol={rtol:g}, atol={atol:g})"
    return None


def check_value(answer, expected, *, name: str, rtol: float = 1e-6, atol: float = 1e-9) -> CheckResult:
    """Check a numeric answer (scalar or array) against the expected value.

    Parameters
    ----------
    answer : float or array_like
        The learner's answer.
    expected : float or array_like
        The reference value, computed (never typed in).
    name : str
        What is being checked, shown in the verdict.
    rtol, atol : float
        Tolerances as in :func:`numpy.allclose`.
    """
    problem = _compare(answer, expected, rtol, atol)
    return CheckResult(name, problem is None, [] if problem is None else [problem])


def check_function(
    fn: Callable,
    reference: Callable,
    cases: Iterable[Mapping],
    *,
    name: str,
    rtol: float = 1e-6,
    atol: float = 1e-9,
) -> CheckResult:
    """Check a learner's function against a reference on several inputs.

    Parameters
    ----------
    fn : callable
        The learner's implementation.
    reference : callable
        The trusted implementation (from reglib or a closed form).
    cases : iterable of dict
        Keyword arguments for one call each; both functions get the same arguments.
    name : str
        What is being checked, shown in the verdict.
    rtol, atol : float
        Tolerances as in :func:`numpy.allclose`.
    """
    if not callable(fn):
        raise TypeError(f"fn must be a function, got {type(fn).__name__}")
    messages = []
    for i, kwargs in enumerate(cases):
        shown = ", ".join(f"{k}={_short(v)}" for k, v in kwargs.items())
        try:
            got = fn(**kwargs)
        except Exception as exc:  # the learner's code may raise anything
            messages.append(f"case {i + 1} ({shown}) raised {type(exc).__name__}: {exc}")
            continue
        problem = _compare(got, reference(**kwargs), rtol, atol)
        if problem is not None:
            messages.append(f"case {i + 1} ({shown}): {problem}")
    return CheckResult(name, not messages, messages)


def _short(value) -> str:
    arr = np.asarray(value) if not isinstance(value, (str, np.random.Generator)) else None
    if arr is not None and arr.ndim > 0:
        return f"array{arr.shape}"
    return repr(value)
