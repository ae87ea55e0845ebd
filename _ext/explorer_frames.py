"""Sphinx extension: interactive-figure frames as image files beside the page.

An explorer's ``text/html`` output (:mod:`reglib.explore.scrubber`) is self-contained: its
frames are ``data:`` URIs in a JSON payload, and its script and style are inline.  Left
so, a chapter page weighs 0.8-1.5 MiB before a reader touches a control.  On each page
this extension

* writes every frame to ``_images/explore/<sha256 prefix>.png`` (the same frame on two
  pages, or twice on one, is one file) and puts its relative URL in the payload and in
  the ``<img>``/``<source>`` showing the first frame, so the page loads only the frames
  it shows and the scrubber fetches the others when needed (``file://`` included: they
  are plain image URLs);
* drops the inline ``scrubber.js``/``scrubber.css`` copies and loads each once, from
  ``_static/``.

Wired in ``_config.yml`` (``sphinx.local_extensions``).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from pathlib import Path

from reglib.explore.layouts import NARROW_ENV

FRAMES_DIR = "_images/explore"
SCRIPT, STYLE = "reglib-scrubber.js", "reglib-scrubber.css"

_DATA = re.compile(r'(<script type="application/json" class="reglib-explorer-data">)(.*?)(</script>)', re.S)
_URI = re.compile(r"data:image/png;base64,[A-Za-z0-9+/=]+")
_INLINE = re.compile(r'<script class="reglib-explorer-js">.*?</script>|'
                     r'<style class="reglib-explorer-css">.*?</style>', re.S)


def _file_for(uri: str, outdir: Path) -> str:
    """Write the PNG of a data URI (once) and return its path relative to the site root."""
    png = base64.b64decode(uri.split(",", 1)[1])
    name = f"{FRAMES_DIR}/{hashlib.sha256(png).hexdigest()[:20]}.png"
    target = outdir / name
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".{id(png)}.tmp")
        tmp.write_bytes(png)
        tmp.replace(target)
    return name


def externalize(body: str, outdir: Path, pathto) -> str:
    """``body`` with every explorer frame as a file under ``outdir`` and no inline assets."""
    if "data-reglib-explorer" not in body:
        return body
    urls: dict = {}

    def url(uri: str) -> str:
        if uri not in urls:
            urls[uri] = pathto(_file_for(uri, outdir), 1)
        return urls[uri]

    def payload(m):
        data = json.loads(m.group(2).replace("<\\/", "</"))
        for layout in data["layouts"]:
            layout["frames"] = [url(u) if u.startswith("data:") else u for u in layout["frames"]]
        text = json.dumps(data, separators=(",", ":")).replace("</", "<\\/")
        return m.group(1) + text + m.group(3)

    body = _DATA.sub(payload, body)
    body = _URI.sub(lambda m: url(m.group(0)), body)  # the first frame's <img> and <source>
    return _INLINE.sub("", body)


def _on_page(app, pagename, templatename, context, doctree):
    if "body" in context:
        context["body"] = externalize(context["body"], Path(app.outdir), context["pathto"])


def _add_assets(app, config):
    """Copy the scrubber's script and style into a static folder; load them on every page."""
    from reglib.explore.scrubber import asset

    folder = Path(app.doctreedir) / "reglib-static"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / SCRIPT).write_text(asset("scrubber.js"), encoding="utf-8")
    (folder / STYLE).write_text(asset("scrubber.css"), encoding="utf-8")
    config.html_static_path = [*config.html_static_path, str(folder)]
    # added before the builder exists, so Sphinx < 8.2 writes each tag once (site_fixes 1.)
    app.add_js_file(SCRIPT, defer="defer")
    app.add_css_file(STYLE)


def setup(app):
    # the notebooks this build executes inherit the variable: their explorers then also
    # draw the narrow frames that phones are served (reglib.explore.layouts)
    os.environ[NARROW_ENV] = "1"
    app.connect("config-inited", _add_assets)
    app.connect("html-page-context", _on_page)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
