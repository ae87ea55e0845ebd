"""reglib.exercises.libraries: the checker accepts n k wd / 2 and rejects the usual slips."""

import pytest

from reglib.exercises import libraries


def test_accepts_the_right_answer():
    assert libraries.check_lam_multi_output(lambda weight_decay, n, k: n * k * weight_decay / 2)


@pytest.mark.parametrize("wrong", [
    lambda weight_decay, n, k: n * weight_decay / 2,          # forgets the k outputs
    lambda weight_decay, n, k: n * k * weight_decay,          # forgets the 1/2
    lambda weight_decay, n, k: weight_decay,                  # reads wd as lam
])
def test_rejects_plausible_slips(wrong):
    assert not libraries.check_lam_multi_output(wrong)
