"""Which control values get a precomputed frame on the static page."""

from __future__ import annotations

import math

import numpy as np

__all__ = ["thin"]


def thin(controls: dict, max_frames: int) -> dict:
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
