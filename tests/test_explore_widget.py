"""reglib.explore.widget: the live view under ipywidgets 7 and 8, and its fallback.

ipywidgets 8 is the venv's; tools/check_ipywidgets7.sh runs this file under ipywidgets
7.7.1 (Colab's) in a separate venv.
"""

import numpy as np
import pytest

from reglib.explore import widget as live
from reglib.explore import LogSlider, explore

VIEW = "application/vnd.jupyter.widget-view+json"


def line_draw(fig, lam):
    ax = fig.add_subplot()
    ax.plot(np.linspace(0, 1, 50), np.sin(3 * np.linspace(0, 1, 50)) / (1 + lam))


def test_mimebundle_has_widget_view_html_and_readable_text():
    import ipywidgets

    e = explore(line_draw, lam=LogSlider(1, 10, steps=3), title="Shrinking sine")
    bundle = e._repr_mimebundle_()
    view = bundle[VIEW]
    assert view["model_id"] == e.widget().model_id and view["version_major"] == 2
    assert "data-reglib-explorer" in bundle["text/html"]
    assert "reglib-explorer-fallback" not in bundle["text/html"]
    assert bundle["text/plain"] == "Interactive figure: Shrinking sine (controls: lam)"
    assert ipywidgets.__version__.split(".")[0] in ("7", "8")


def test_view_is_built_without_repr_mimebundle(monkeypatch):
    """ipywidgets 7 widgets have no _repr_mimebundle_: the view comes from get_view_spec."""
    e = explore(line_draw, lam=LogSlider(1, 10, steps=2))
    box = e.widget()
    cls = type(box)
    if hasattr(cls, "_repr_mimebundle_"):
        monkeypatch.delattr(_owner(cls, "_repr_mimebundle_"), "_repr_mimebundle_")
    assert not hasattr(box, "_repr_mimebundle_")
    view = live.widget_view(box)[VIEW]
    assert view == {"version_major": 2, "version_minor": 0, "model_id": box.model_id}


def _owner(cls, name):
    return next(c for c in cls.__mro__ if name in vars(c))


@pytest.mark.parametrize("failure", [ImportError("No module named 'ipywidgets'"),
                                     AttributeError("'VBox' object has no attribute 'x'"),
                                     RuntimeError("no comm\nsecond line")])
def test_any_widget_failure_falls_back_to_the_scrubber_with_a_note(monkeypatch, failure):
    def broken(explorer):
        raise failure

    monkeypatch.setattr(live, "build_widget", broken)
    e = explore(line_draw, lam=LogSlider(1, 10, steps=2))
    bundle = e._repr_mimebundle_()
    assert set(bundle) == {"text/plain", "text/html"}
    note, rest = bundle["text/html"].split("</p>", 1)
    assert "Live controls unavailable" in note and type(failure).__name__ in note
    assert "second line" not in note and rest.startswith("<div class=\"reglib-explorer\"")


def test_live_widget_redraws_and_survives_errors():
    state = {"fail": False}

    def draw(fig, lam):
        if state["fail"]:
            raise ZeroDivisionError("boom")
        line_draw(fig, lam)

    e = explore(draw, lam=LogSlider(1, 100, steps=9), max_frames=2)
    box = e.widget()
    slider, image, error = box._reglib_controls["lam"], box._reglib_image, box._reglib_error
    before = image.value
    options = [v for _, v in slider.options]
    slider.value = options[1]  # not a precomputed frame (max_frames=2): rendered live
    assert image.value != before and error.layout.display == "none"
    state["fail"] = True
    slider.value = options[2]
    assert "ZeroDivisionError: boom" in error.value
    assert error.layout.display == "" and image.layout.display == "none"
    state["fail"] = False
    slider.value = options[3]
    assert error.layout.display == "none" and image.layout.display == ""
    assert image.value == e.render(lam=options[3])
