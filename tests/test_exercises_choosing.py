"""The chapter's exercise checkers accept right answers and reject wrong ones."""

import numpy as np
import pytest

from reglib.exercises import choosing


def good_standardize(X_train, X_val):
    return (X_val - X_train.mean(0)) / X_train.std(0)


def leaky_standardize(X_train, X_val):  # uses the validation fold's own statistics
    with np.errstate(invalid="ignore", divide="ignore"):
        return (X_val - X_val.mean(0)) / X_val.std(0)


def ddof1_standardize(X_train, X_val):
    return (X_val - X_train.mean(0)) / X_train.std(0, ddof=1)


def test_standardize_fold_checker():
    assert choosing.check_standardize_fold(good_standardize)
    assert not choosing.check_standardize_fold(leaky_standardize)
    assert not choosing.check_standardize_fold(ddof1_standardize)


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


def test_one_se_walk_checker():
    from reglib.cv import one_standard_error

    assert choosing.check_one_se_walk(good_walk)
    assert not choosing.check_one_se_walk(one_standard_error)   # jumps the hump
    assert not choosing.check_one_se_walk(assumes_sorted)
    assert not choosing.check_one_se_walk(argmin_only)


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
