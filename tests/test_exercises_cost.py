"""Tests for reglib.exercises.cost: right answers pass, typical wrong answers fail."""

import numpy as np
import pytest

from reglib.exercises import cost as ex


def test_hand_example_values_and_copies():
    a = ex.hand_example()
    a["X"][0, 0] = 99.0
    b = ex.hand_example()
    assert b["X"][0, 0] == 1.0
    assert b["X"].shape == (3, 2) and b["y"].shape == (3,) and b["w"].shape == (2,)


def test_hand_cost_right_answer_by_hand():
    # residual y - X w = (3 - 2, 1 - 0.5, 2 - 1) = (1, 0.5, 1): loss 2.25; penalty 2 * 1.25
    assert ex.check_hand_cost(2.25 + 2 * 1.25)


@pytest.mark.parametrize("wrong, hint", [
    (2.25 + 2.0, "Loss + lam"),
    (2.25, "loss alone"),
    (2.25 + 2 * 1.5, "L1"),
    (2.25 + 2 * np.sqrt(1.25), "squared norm"),
    (4.0, None),
])
def test_hand_cost_wrong_answers_fail_with_hints(wrong, hint):
    res = ex.check_hand_cost(wrong)
    assert not res
    if hint:
        assert any(hint in m for m in res.messages)


def test_hand_cost_non_number_fails_cleanly():
    assert not ex.check_hand_cost("five")
    assert not ex.check_hand_cost([1.0, 2.0])


def test_hand_budget_by_hand():
    # (X^T X + 2 I) w = X^T y: [[4, 2], [2, 7]] w = [5, 7]  ->  w = (21/24, 18/24)
    t = (21 / 24) ** 2 + (18 / 24) ** 2
    assert ex.check_hand_budget(t)
    res = ex.check_hand_budget(np.sqrt(t))
    assert not res and any("squared norm" in m for m in res.messages)
    assert not ex.check_hand_budget(2.0)


def test_stable_step_by_hand():
    # X^T X = [[2, 2], [2, 5]] has eigenvalues 6 and 1, so the bound is 1 / (6 + 2)
    assert ex.check_stable_step(1 / 8)
    res = ex.check_stable_step(1 / 6)
    assert not res and any("include lam" in m for m in res.messages)
    res = ex.check_stable_step(2 / 8)
    assert not res and any("no 1/2" in m for m in res.messages)


def test_weight_decay_step_checker():
    def right(w, X, y, lam, eta):
        return (1 - 2 * eta * lam) * w + 2 * eta * X.T @ (y - X @ w)

    def no_two(w, X, y, lam, eta):
        return (1 - eta * lam) * w + eta * X.T @ (y - X @ w)

    def wrong_sign(w, X, y, lam, eta):
        return (1 + 2 * eta * lam) * w + 2 * eta * X.T @ (y - X @ w)

    def crashes(w, X, y, lam, eta):
        raise RuntimeError("boom")

    assert ex.check_weight_decay_step(right)
    assert not ex.check_weight_decay_step(no_two)
    assert not ex.check_weight_decay_step(wrong_sign)
    res = ex.check_weight_decay_step(crashes)
    assert not res and "boom" in str(res)
    with pytest.raises(TypeError):
        ex.check_weight_decay_step(3.0)


def _decay_first(w, X, y, lam, eta):
    v = (1 - 2 * eta * lam) * w
    return v + 2 * eta * X.T @ (y - X @ v)


def test_decay_first_step_checker():
    def simultaneous(w, X, y, lam, eta):          # weight decay: loss gradient at the undecayed w
        return (1 - 2 * eta * lam) * w + 2 * eta * X.T @ (y - X @ w)

    def half_convention(w, X, y, lam, eta):
        v = (1 - eta * lam) * w
        return v + eta * X.T @ (y - X @ v)

    assert ex.check_decay_first_step(_decay_first)
    assert not ex.check_decay_first_step(simultaneous)
    assert not ex.check_decay_first_step(half_convention)
    with pytest.raises(TypeError):
        ex.check_decay_first_step(None)


def test_decay_first_limit_is_where_the_iteration_goes():
    hand = ex.hand_example()
    X, y, lam, eta = hand["X"], hand["y"], hand["lam"], ex.HAND_ETA
    w = np.zeros(2)
    for _ in range(500):
        w = _decay_first(w, X, y, lam, eta)
    # by hand: ((1 - 2 eta lam) X^T X + lam I) w = X^T y, [[3.2, 1.2], [1.2, 5]] w = [5, 7]
    assert np.allclose(w, [16.6 / 14.56, 16.4 / 14.56])
    assert ex.check_decay_first_limit(w)


@pytest.mark.parametrize("wrong, hint", [
    ([0.875, 0.75], "ridge solution"),
    ([0.6 * 0.875, 0.6 * 0.75], "scaled"),
    ([2.0, 1.0 / 3.0], None),
    ([1.14, 1.126], None),                       # rounded to three digits
])
def test_decay_first_limit_rejects_plausible_wrong_answers(wrong, hint):
    res = ex.check_decay_first_limit(wrong)
    assert not res
    if hint:
        assert any(hint in m for m in res.messages)


def _adamw(X, y, lam, eta, n_steps, b1=0.9, b2=0.999, eps=1e-8):
    w, m, v = (np.zeros(X.shape[1]) for _ in range(3))
    for k in range(1, n_steps + 1):
        g = -2 * X.T @ (y - X @ w)
        m, v = b1 * m + (1 - b1) * g, b2 * v + (1 - b2) * g**2
        w = (1 - 2 * eta * lam) * w - eta * (m / (1 - b1**k)) / (np.sqrt(v / (1 - b2**k)) + eps)
    return w


def test_adamw_limit_matches_a_full_batch_run():
    a = ex.adamw_example()
    a["X"][0, 0] = 99.0
    a = ex.adamw_example()
    assert a["X"][0, 0] == 2.0
    w = _adamw(a["X"], a["y"], a["lam"], 0.001, 20000)
    assert np.allclose(w, [0.1, -0.05, 0.08], rtol=1e-2, atol=0)
    assert ex.check_adamw_limit([0.1, -0.05, 0.08])


@pytest.mark.parametrize("wrong, hint", [
    ([0.1, -0.1, 0.1], "not pinned"),
    ([0.6 * 2 / 9, -0.05 / 6, 0.02 / 5.25], "ridge"),
    ([0.3, -0.05, 0.08], "least squares"),
    ([0.2, -0.05, 0.08], "1 / (2 lam)"),
    ([0.1, -0.05], None),
])
def test_adamw_limit_rejects_plausible_wrong_answers(wrong, hint):
    res = ex.check_adamw_limit(wrong)
    assert not res
    if hint:
        assert any(hint in m for m in res.messages)
