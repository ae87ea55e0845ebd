"""The chapter's exercise checkers accept right answers and reject wrong ones."""

import numpy as np
import pytest

from reglib.exercises import choosing


def good_fold_lam(lam, n, n_train):
    return lam * n_train / n


def test_fold_lam_checker():
    assert choosing.check_fold_lam(good_fold_lam)
    assert not choosing.check_fold_lam(lambda lam, n, n_train: lam)             # unchanged
    assert not choosing.check_fold_lam(lambda lam, n, n_train: lam * n / n_train)  # inverted
    assert not choosing.check_fold_lam(lambda lam, n, n_train: lam * 4 / 5)   # (K-1)/K


def good_one_se(lams, mean, se):
    i = np.argmin(mean)
    return np.max(np.asarray(lams)[mean <= mean[i] + se[i]])


def argmin_only(lams, mean, se):
    return lams[np.argmin(mean)]


def smallest_within(lams, mean, se):  # the least regularized model within one SE
    i = np.argmin(mean)
    return np.min(np.asarray(lams)[mean <= mean[i] + se[i]])


def test_one_standard_error_checker():
    assert choosing.check_one_standard_error(good_one_se)
    assert not choosing.check_one_standard_error(argmin_only)
    assert not choosing.check_one_standard_error(smallest_within)


def good_walk(lams, mean, se):
    order = np.argsort(lams)
    lams, mean, se = np.asarray(lams)[order], np.asarray(mean)[order], np.asarray(se)[order]
    i = int(np.argmin(mean))
    j = i
    while j + 1 < len(lams) and mean[j + 1] <= mean[i] + se[i]:
        j += 1
    return lams[j]


def assumes_sorted(lams, mean, se):
    i = int(np.argmin(mean))
    j = i
    while j + 1 < len(lams) and mean[j + 1] <= mean[i] + se[i]:
        j += 1
    return lams[j]


def _walk(threshold, strict=False):
    def walk(lams, mean, se):
        order = np.argsort(lams)
        lams, mean, se = (np.asarray(a)[order] for a in (lams, mean, se))
        i = int(np.argmin(mean))
        j = i
        while j + 1 < len(lams):
            t = threshold(mean, se, i, j)
            if (mean[j + 1] < t) if strict else (mean[j + 1] <= t):
                j += 1
            else:
                break
        return lams[j]
    return walk


walk_from_previous = _walk(lambda mean, se, i, j: mean[j] + se[i])
walk_se_at_step = _walk(lambda mean, se, i, j: mean[i] + se[j + 1])
walk_largest_se = _walk(lambda mean, se, i, j: mean[i] + se.max())
walk_strict = _walk(lambda mean, se, i, j: mean[i] + se[i], strict=True)


def test_one_se_walk_checker():
    from reglib.cv import one_standard_error

    assert choosing.check_one_se_walk(good_walk)
    assert not choosing.check_one_se_walk(one_standard_error)   # jumps the hump
    assert not choosing.check_one_se_walk(assumes_sorted)
    assert not choosing.check_one_se_walk(argmin_only)
    assert not choosing.check_one_se_walk(walk_from_previous)
    assert not choosing.check_one_se_walk(walk_se_at_step)
    assert not choosing.check_one_se_walk(walk_largest_se)
    assert not choosing.check_one_se_walk(walk_strict)


def good_lam1_max(X, y, lam2):
    Xc = X - X.mean(0)
    return 2 * np.max(np.abs(Xc.T @ (y - y.mean())))


def test_lam1_max_checker():
    assert choosing.check_lam1_max(good_lam1_max)
    assert not choosing.check_lam1_max(lambda X, y, lam2: 2 * np.max(np.abs(X.T @ y)))  # no centering
    assert not choosing.check_lam1_max(lambda X, y, lam2: good_lam1_max(X, y, 0) / (1 + lam2))
    assert not choosing.check_lam1_max(lambda X, y, lam2: good_lam1_max(X, y, 0) / (2 * len(y)))
    assert not choosing.check_lam1_max(lambda X, y, lam2: good_lam1_max(X, y, 0) / 2)


@pytest.mark.parametrize("lam2", [0.0, 5.0, 500.0])
def test_reference_lam1_max_is_the_zero_threshold(lam2):
    import reglib

    rng = np.random.default_rng(1)
    X = rng.normal(3.0, 2.0, size=(40, 5))
    y = X @ rng.normal(size=5) + 7.0 + rng.normal(size=40)
    lam1 = choosing.reference_lam1_max(X, y, lam2)
    Xc, yc = X - X.mean(0), y - y.mean()
    assert np.all(reglib.elastic_net(Xc, yc, lam1 * (1 + 1e-9), lam2) == 0)
    assert np.any(reglib.elastic_net(Xc, yc, lam1 * (1 - 1e-3), lam2) != 0)


def test_checker_reports_exceptions():
    def broken(*a, **k):
        raise RuntimeError("boom")

    res = choosing.check_lam1_max(broken)
    assert not res and "RuntimeError" in str(res)
    with pytest.raises(TypeError):
        choosing.check_one_standard_error(3)
