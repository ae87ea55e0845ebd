"""Argument checks shared by every public function of :mod:`reglib`.

Each helper either returns a clean value (a float ``numpy`` array, a Python ``float`` ...)
or raises an exception whose message names the argument and says what is expected:

* :class:`TypeError` when the *kind* of value is wrong (a string where a number is
  expected, a bool used as a number, something that is not a ``numpy.random.Generator``);
* :class:`ValueError` when the kind is right but the value is not (NaN or inf, a
  negative ``lam``, a 1-D array where a matrix is expected, empty data, mismatched
  lengths, a probability outside ``[0, 1)``).

The helpers are public to the rest of the library (the chapter modules use them too),
so that every message reads the same way.
"""

from __future__ import annotations

import numbers
import operator

import numpy as np

__all__ = [
    "as_array",
    "as_matrix",
    "as_vector",
    "as_xy",
    "check_bool",
    "check_choice",
    "check_coef",
    "check_int",
    "check_lam",
    "check_lams",
    "check_positive",
    "check_probability",
    "check_rng",
    "check_same_length",
]


def _describe(value) -> str:
    """Short description of ``value`` for an error message."""
    if isinstance(value, np.ndarray):
        return f"array of shape {value.shape} and dtype {value.dtype}"
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{text} ({type(value).__name__})"


def as_array(a, name: str = "a", *, allow_empty: bool = False) -> np.ndarray:
    """Convert ``a`` to a float array of any shape, with finite entries.

    Parameters
    ----------
    a : array_like
        Real numbers (nested lists, tuples, arrays; booleans count as 0/1).
    name : str
        The argument's name, used in error messages.
    allow_empty : bool
        Whether an array with no entries is acceptable.

    Returns
    -------
    numpy.ndarray
        A new float64 array (never a view of the caller's data).

    Raises
    ------
    TypeError
        If ``a`` is not numeric (strings, objects, complex numbers).
    ValueError
        If ``a`` is ragged, empty (unless ``allow_empty``) or holds NaN or inf.
    """
    if isinstance(a, (str, bytes)):
        raise TypeError(f"{name} must be an array of real numbers, got {_describe(a)}")
    try:
        raw = np.asarray(a)
    except ValueError as exc:  # ragged nested sequences
        raise ValueError(f"{name} must be a rectangular array of real numbers: {exc}") from None
    if raw.dtype.kind not in "biuf":
        if raw.dtype.kind == "c":
            raise TypeError(f"{name} must hold real numbers, got complex dtype {raw.dtype}")
        if raw.dtype.kind == "O":
            if not all(isinstance(x, numbers.Real) for x in raw.flat):
                raise TypeError(f"{name} must be an array of real numbers, got {_describe(a)}")
            raw = raw.astype(float)
        else:
            raise TypeError(
                f"{name} must be an array of real numbers, got dtype {raw.dtype}"
            )
    arr = np.array(raw, dtype=float, copy=True)
    if arr.size == 0 and not allow_empty:
        raise ValueError(f"{name} must not be empty, got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must contain only finite numbers (no NaN or inf)")
    return arr


def as_matrix(X, name: str = "X") -> np.ndarray:
    """Convert ``X`` to a finite, non-empty 2-D float array ``(n_samples, n_features)``.

    Raises
    ------
    TypeError
        If ``X`` is not numeric.
    ValueError
        If ``X`` is not 2-D, has no rows or no columns, or holds NaN or inf.
    """
    arr = as_array(X, name, allow_empty=True)
    if arr.ndim != 2:
        raise ValueError(
            f"{name} must be a 2-D array of shape (n_samples, n_features), "
            f"got {arr.ndim}-D array of shape {arr.shape}"
        )
    if arr.shape[0] == 0 or arr.shape[1] == 0:
        raise ValueError(
            f"{name} must have at least one row and one column, got shape {arr.shape}"
        )
    return arr


def as_vector(y, name: str = "y") -> np.ndarray:
    """Convert ``y`` to a finite, non-empty 1-D float array.

    Raises
    ------
    TypeError
        If ``y`` is not numeric.
    ValueError
        If ``y`` is not 1-D, is empty, or holds NaN or inf.
    """
    arr = as_array(y, name, allow_empty=True)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be a 1-D array, got {arr.ndim}-D array of shape {arr.shape}")
    if arr.size == 0:
        raise ValueError(f"{name} must not be empty")
    return arr


def check_same_length(X: np.ndarray, y: np.ndarray, names: tuple[str, str] = ("X", "y")) -> None:
    """Check that ``X`` and ``y`` have the same number of rows (samples).

    Raises
    ------
    ValueError
        If ``len(X) != len(y)``.
    """
    if len(X) != len(y):
        a, b = names
        raise ValueError(
            f"{a} and {b} must have the same number of samples, "
            f"got {len(X)} rows in {a} and {len(y)} in {b}"
        )


def as_xy(X, y, names: tuple[str, str] = ("X", "y")) -> tuple[np.ndarray, np.ndarray]:
    """Check a design matrix and its targets together.

    Returns
    -------
    X : numpy.ndarray, shape (n, p)
    y : numpy.ndarray, shape (n,)

    Raises
    ------
    TypeError, ValueError
        As :func:`as_matrix`, :func:`as_vector` and :func:`check_same_length`.
    """
    X = as_matrix(X, names[0])
    y = as_vector(y, names[1])
    check_same_length(X, y, names)
    return X, y


def check_coef(w, p: int, name: str = "w") -> np.ndarray:
    """Check a weight vector of length ``p`` (one entry per column of ``X``).

    Raises
    ------
    TypeError, ValueError
        If ``w`` is not a finite 1-D array of length ``p``.
    """
    w = as_vector(w, name)
    if w.shape[0] != p:
        raise ValueError(f"{name} must have one entry per column of X ({p}), got {w.shape[0]}")
    return w


def _as_real(value, name: str, what: str) -> float:
    """``value`` as a Python float, refusing bools, strings and non-real objects."""
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be {what}, got a bool ({value!r})")
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value[()]
    if not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be {what}, got {_describe(value)}")
    out = float(value)
    if not np.isfinite(out):
        raise ValueError(f"{name} must be {what}, got {out!r}")
    return out


def check_lam(lam, name: str = "lam") -> float:
    """Check a regularization strength: a finite real number ``>= 0``.

    Returns
    -------
    float

    Raises
    ------
    TypeError
        If ``lam`` is not a real number (strings, bools, arrays, None ...).
    ValueError
        If ``lam`` is negative, NaN or infinite.
    """
    out = _as_real(lam, name, "a non-negative finite real number")
    if out < 0:
        raise ValueError(f"{name} must be a non-negative finite real number, got {out!r}")
    return out


def check_lams(lams, name: str = "lams") -> np.ndarray:
    """Check a sequence of regularization strengths (1-D, finite, ``>= 0``, non-empty).

    Returns
    -------
    numpy.ndarray
        A new 1-D float array in the order given.

    Raises
    ------
    TypeError
        If ``lams`` is not numeric, or holds bools (as :func:`check_lam` refuses a bool).
    ValueError
        If ``lams`` is not 1-D, is empty, or has a negative, NaN or infinite entry.
    """
    if isinstance(lams, numbers.Number):
        raise ValueError(
            f"{name} must be a 1-D sequence of non-negative numbers, got the scalar {lams!r}"
            " (wrap it in a list)"
        )
    raw = lams if isinstance(lams, np.ndarray) else None
    if raw is None and isinstance(lams, (list, tuple)):
        if any(isinstance(v, (bool, np.bool_)) for v in lams):
            raise TypeError(f"{name} must hold real numbers, not bools, got {_describe(lams)}")
    elif raw is not None and (
        raw.dtype.kind == "b"
        or (raw.dtype.kind == "O" and any(isinstance(v, (bool, np.bool_)) for v in raw.flat))
    ):
        raise TypeError(f"{name} must hold real numbers, not bools, got {_describe(lams)}")
    arr = as_vector(lams, name)
    if np.any(arr < 0):
        raise ValueError(f"{name} must be non-negative, got minimum {float(arr.min())!r}")
    return arr


def check_probability(p, name: str = "p") -> float:
    """Check a drop probability: a real number in ``[0, 1)``.

    Raises
    ------
    TypeError
        If ``p`` is not a real number.
    ValueError
        If ``p`` is outside ``[0, 1)`` (``p = 1`` would drop everything) or NaN.
    """
    out = _as_real(p, name, "a probability in [0, 1)")
    if not 0.0 <= out < 1.0:
        raise ValueError(f"{name} must be a probability in [0, 1), got {out!r}")
    return out


def check_positive(name: str, value) -> float:
    """Check that ``value`` (called ``name``) is a finite real number ``> 0``.

    Note the argument order: the *name* comes first.

    Raises
    ------
    TypeError
        If ``value`` is not a real number.
    ValueError
        If ``value`` is zero, negative, NaN or infinite.
    """
    out = _as_real(value, name, "a positive finite real number")
    if out <= 0:
        raise ValueError(f"{name} must be a positive finite real number, got {out!r}")
    return out


def check_int(value, name: str, minimum: int | None = None) -> int:
    """Check an integer argument (bools refused), optionally ``>= minimum``.

    Raises
    ------
    TypeError
        If ``value`` is not an integer.
    ValueError
        If ``value < minimum``.
    """
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be an integer, got a bool ({value!r})")
    try:
        out = operator.index(value)
    except TypeError:
        raise TypeError(f"{name} must be an integer, got {_describe(value)}") from None
    if minimum is not None and out < minimum:
        raise ValueError(f"{name} must be an integer >= {minimum}, got {out}")
    return out


def check_bool(value, name: str) -> bool:
    """Check a flag: exactly ``True`` or ``False`` (``numpy.bool_`` accepted).

    Raises
    ------
    TypeError
        If ``value`` is not a bool.
    """
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be True or False, got {_describe(value)}")
    return bool(value)


def check_choice(value, options, name: str):
    """Check that ``value`` is one of ``options`` (compared with ``==``).

    Raises
    ------
    ValueError
        If ``value`` is not among ``options``.
    """
    for option in options:
        if value is option or (type(value) is type(option) and value == option):
            return value
    shown = ", ".join(repr(o) for o in options)
    raise ValueError(f"{name} must be one of {shown}; got {value!r}")


def check_rng(rng, name: str = "rng") -> np.random.Generator:
    """Check that ``rng`` is a ``numpy.random.Generator``.

    Randomness in :mod:`reglib` is always explicit: make one generator with
    ``rng = np.random.default_rng(seed)`` and pass it along.

    Raises
    ------
    TypeError
        If ``rng`` is anything else (an int seed, ``None``, a legacy ``RandomState``).
    """
    if not isinstance(rng, np.random.Generator):
        raise TypeError(
            f"{name} must be a numpy.random.Generator (e.g. np.random.default_rng(0)), "
            f"got {_describe(rng)}"
        )
    return rng
