"""reglib.glue: myst-nb's glue where it is installed, nothing elsewhere."""

import importlib

import pytest

# reglib.glue is also the name of the function reglib exports: fetch the module itself.
glue_module = importlib.import_module("reglib.glue")


def test_delegates_to_myst_nb(monkeypatch):
    calls = []
    monkeypatch.setattr(glue_module, "_myst_glue",
                        lambda name, value, display=True: calls.append((name, value, display)))
    glue_module.glue("answer", 42, display=False)
    assert calls == [("answer", 42, False)]


def test_without_myst_nb_does_nothing(monkeypatch, capsys):
    monkeypatch.setattr(glue_module, "_myst_glue", None)
    assert glue_module.glue("answer", 42) is None
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("bad", ["", None, 3])
def test_name_must_be_a_non_empty_string(bad):
    with pytest.raises(TypeError, match="name"):
        glue_module.glue(bad, 1)
