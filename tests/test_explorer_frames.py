import pytest
"""_ext/explorer_frames.py: an explorer's frames leave the page for image files."""

import json
import re
import sys
from pathlib import Path

import numpy as np

from reglib.explore import LogSlider, explore

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_ext"))
from explorer_frames import externalize  # noqa: E402

# these tests look at the narrow (phone) frames, which only the book build draws
pytestmark = pytest.mark.usefixtures("narrow_frames")


def draw(fig, lam):
    a, b = fig.subplots(1, 2)
    a.plot(np.linspace(0, 1, 20) * lam)
    b.plot(np.linspace(1, 0, 20) * lam)


def test_frames_become_files_and_inline_assets_go(tmp_path):
    e = explore(draw, lam=LogSlider(1, 100, steps=3), title="t")
    body = "<p>before</p>" + e.to_html() + e.to_html() + "<p>after</p>"
    out = externalize(body, tmp_path, lambda name, resource: "../" + name)
    assert "data:image" not in out and "reglib-explorer-js" not in out and "reglib-explorer-css" not in out
    files = sorted((tmp_path / "_images" / "explore").glob("*.png"))
    # 3 wide + 3 narrow frames, written once although the explorer is on the page twice
    assert len(files) == 6 and all(f.read_bytes()[:4] == b"\x89PNG" for f in files)
    payload = json.loads(re.search(r'class="reglib-explorer-data">(.*?)</script>', out, re.S).group(1))
    wide, narrow = payload["layouts"]
    assert wide["frames"][0].startswith("../_images/explore/") and narrow["frames"][0] != wide["frames"][0]
    assert (tmp_path / wide["frames"][1][3:]).read_bytes() == e.frames["wide"][1]
    assert f'src="{wide["frames"][e.start_index()]}"' in out
    assert f'srcset="{narrow["frames"][e.start_index()]}"' in out
    assert out.startswith("<p>before</p>") and out.endswith("<p>after</p>")


def test_pages_without_explorers_are_untouched(tmp_path):
    body = '<img src="data:image/png;base64,AAAA">'
    assert externalize(body, tmp_path, None) == body
