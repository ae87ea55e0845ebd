"""reglib.course_seed: the chapter's default, or REGLIB_SEED when set."""

import pytest

from reglib import course_seed


def test_default_when_unset(monkeypatch):
    monkeypatch.delenv("REGLIB_SEED", raising=False)
    assert course_seed(7) == 7


def test_empty_variable_means_unset(monkeypatch):
    monkeypatch.setenv("REGLIB_SEED", " ")
    assert course_seed(7) == 7


def test_environment_overrides(monkeypatch):
    monkeypatch.setenv("REGLIB_SEED", "12345")
    assert course_seed(7) == 12345


@pytest.mark.parametrize("raw", ["abc", "1.5", "-3"])
def test_bad_environment_value_names_the_variable(monkeypatch, raw):
    monkeypatch.setenv("REGLIB_SEED", raw)
    with pytest.raises(ValueError, match="REGLIB_SEED"):
        course_seed(7)


@pytest.mark.parametrize("bad", [1.0, "7", None, True])
def test_default_must_be_an_int(bad):
    with pytest.raises(TypeError, match="default"):
        course_seed(bad)


def test_default_must_be_non_negative():
    with pytest.raises(ValueError, match="default"):
        course_seed(-1)
