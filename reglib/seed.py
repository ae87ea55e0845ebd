"""The seed a chapter runs under: its own default, or ``REGLIB_SEED`` when that is set."""

import os

ENV_VAR = "REGLIB_SEED"


def course_seed(default):
    """Return the seed a chapter should use.

    Parameters
    ----------
    default : int
        The chapter's own seed, used when the environment variable ``REGLIB_SEED`` is
        not set (or is empty).

    Returns
    -------
    int
        ``int(os.environ["REGLIB_SEED"])`` when that variable is set, else ``default``.
        ``make test`` runs every chapter under other seeds this way, so a claim a chapter
        checks must hold for any draw, not only for its default seed.

    Raises
    ------
    TypeError
        If ``default`` is not an integer (``bool`` included).
    ValueError
        If ``default`` is negative, or ``REGLIB_SEED`` is set to something that is not a
        non-negative integer.
    """
    if isinstance(default, bool) or not isinstance(default, int):
        raise TypeError(f"default must be an int seed, got {type(default).__name__}")
    if default < 0:
        raise ValueError(f"default must be a non-negative seed, got {default}")
    raw = os.environ.get(ENV_VAR, "").strip()
    if not raw:
        return default
    try:
        seed = int(raw)
    except ValueError:
        raise ValueError(f"{ENV_VAR} must be a non-negative integer, got {raw!r}") from None
    if seed < 0:
        raise ValueError(f"{ENV_VAR} must be a non-negative integer, got {raw!r}")
    return seed
