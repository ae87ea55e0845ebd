import pytest
"""reglib.explore.scrubber: the static HTML, its payload, its script and style."""

import json
import re

import numpy as np

from reglib.explore import Choice, IntSlider, LogSlider, explore
from reglib.explore.scrubber import asset

# these tests look at the narrow (phone) frames, which only the book build draws
pytestmark = pytest.mark.usefixtures("narrow_frames")


def line_draw(fig, lam, degree=3):
    ax = fig.add_subplot()
    ax.plot(np.linspace(0, 1, 50), np.sin(degree * np.linspace(0, 1, 50)) / (1 + lam))


def _payload(page):
    return json.loads(re.search(r'class="reglib-explorer-data">(.*?)</script>', page, re.S).group(1))


def test_static_scrubber_structure():
    e = explore(
        line_draw,
        lam=LogSlider(1e-2, 1e2, steps=5, value=1.0, label="λ"),
        degree=IntSlider(2, 4, value=3),
        title="A test figure",
        alt="Sine curve shrunk by lam = {lam:.3g}, degree {degree}",
    )
    page = e.to_html()
    assert page.count("data-reglib-explorer=") == 1
    assert page.count('<input type="range"') == 2
    payload = _payload(page)
    wide, narrow = payload["layouts"]
    assert len(wide["frames"]) == len(narrow["frames"]) == 5 * 3 == len(payload["alts"])
    assert all(f.startswith("data:image/png;base64,") for f in wide["frames"] + narrow["frames"])
    assert (wide["width"], wide["height"], narrow["min"]) == (640, 380, 0) and wide["min"] == 480
    # the initial image is the default frame (the narrow one on a narrow viewport) ...
    start = e.start_index()
    assert f'src="{wide["frames"][start]}"' in page
    assert f'<source media="(max-width: 520px)" srcset="{narrow["frames"][start]}"' in page
    # ... and its alt says which values it shows
    assert 'alt="Sine curve shrunk by lam = 1, degree 3"' in page
    assert "<function" not in page and "<Figure" not in page
    # the frame order is row-major over the controls, as the JavaScript expects
    assert payload["alts"][1] == "Sine curve shrunk by lam = 0.01, degree 3"
    assert payload["alts"][3] == "Sine curve shrunk by lam = 0.1, degree 2"
    assert payload["controls"][0]["labels"] == ["0.01", "0.1", "1", "10", "100"]


def test_choice_is_a_select_and_frames_differ():
    def draw(fig, model):
        ax = fig.add_subplot()
        ax.plot([0, 1], [0, 1] if model == "up" else [1, 0])

    e = explore(draw, model=Choice(["up", "down"]))
    page = e.to_html()
    assert "<select" in page and '<input type="range"' not in page
    frames = _payload(page)["layouts"][0]["frames"]
    assert frames[0] != frames[1]


def test_script_and_style_come_from_package_files_and_are_inlined():
    e = explore(line_draw, lam=LogSlider(1, 10, steps=2), figsize=(4, 3))
    page = e.to_html()
    js, css = asset("scrubber.js"), asset("scrubber.css")
    assert "function init(root)" in js and ".reglib-explorer" in css
    assert f'<script class="reglib-explorer-js">{js}</script>' in page
    assert f'<style class="reglib-explorer-css">{css}</style>' in page
    assert "</script" not in js.lower() and "</style" not in css.lower()
    # a figure narrow enough for a phone has one layout and no <source>
    assert len(_payload(page)["layouts"]) == 1 and "<source" not in page


def test_html_escapes_titles_labels_and_alt():
    e = explore(line_draw, lam=LogSlider(1, 10, steps=2, label="<b>λ</b>"), title="a < b & c",
                alt=lambda lam: '"quoted" <alt>')
    page = e.to_html()
    assert "a &lt; b &amp; c" in page and "&lt;b&gt;λ&lt;/b&gt;" in page
    assert 'alt="&quot;quoted&quot; &lt;alt&gt;"' in page
