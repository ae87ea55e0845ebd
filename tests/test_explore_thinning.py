"""reglib.explore.thinning: which values get a static frame."""

import numpy as np

from reglib.explore import Choice, IntSlider, LogSlider
from reglib.explore.thinning import thin


def test_thinning_keeps_default_and_ends_and_fits_the_cap():
    controls = {"lam": LogSlider(1e-3, 1e3, steps=25, value=1.0), "degree": IntSlider(1, 12, value=5)}
    chosen = thin(controls, 48)
    sizes = [len(v) for v in chosen.values()]
    assert np.prod(sizes) <= 48
    for name, c in controls.items():
        idx = chosen[name]
        assert c.default_index in idx and idx[0] == 0 and idx[-1] == len(c.values) - 1
        assert idx == sorted(set(idx))


def test_small_grids_are_kept_whole_and_choices_last():
    controls = {"lam": LogSlider(steps=5), "model": Choice(["a", "b", "c"])}
    assert thin(controls, 15) == {"lam": list(range(5)), "model": [0, 1, 2]}
    chosen = thin(controls, 6)
    assert chosen["model"] == [0, 1, 2] and len(chosen["lam"]) == 2
