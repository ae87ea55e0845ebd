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


def test_numpy_scalars_are_glued_as_python_numbers(monkeypatch):
    # numpy 2's repr "np.float64(10.0)" would break a format spec in the prose
    import numpy as np

    calls = []
    monkeypatch.setattr(glue_module, "_myst_glue",
                        lambda name, value, display=True: calls.append(value))
    glue_module.glue("x", np.float64(10.0), display=False)
    glue_module.glue("k", np.int64(3), display=False)
    assert calls == [10.0, 3] and type(calls[0]) is float and type(calls[1]) is int
