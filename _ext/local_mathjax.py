"""Sphinx extension: MathJax served from the site itself, not from a CDN.

A copy of the site opened without a network (a classroom, a train, a downloaded copy)
must still typeset its math.  ``_config.yml`` sets ``mathjax_path`` to the relative
``mathjax/tex-mml-chtml.js`` (Sphinx reads a relative path under ``_static/``), and this
extension copies MathJax's ``es5`` build from the npm package (``package.json`` pins
mathjax 3.2.2; ``make book`` runs ``npm ci`` first) into ``_static/mathjax/``: the
component, the TeX extensions it loads on demand, the CHTML fonts and the menu and
accessibility modules.  The build fails with a clear message when the package is
missing.  ``$REGLIB_NODE_MODULES`` overrides where ``node_modules`` is.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from sphinx.errors import ExtensionError

ENTRY = "tex-mml-chtml.js"
#: What the component loads on demand (TeX extensions, fonts, menu, a11y, speech rules).
PARTS = ["input", "output/chtml", "a11y", "ui", "sre", "adaptors"]


def _es5(app) -> Path:
    modules = Path(os.environ.get("REGLIB_NODE_MODULES", Path(app.confdir) / "node_modules"))
    return modules / "mathjax" / "es5"


def _check(app, config):
    if "://" in str(config.mathjax_path):
        return  # a CDN was configured on purpose: nothing to copy
    if not (_es5(app) / ENTRY).is_file():
        raise ExtensionError(
            f"MathJax is served from the site, but {_es5(app) / ENTRY} is missing: "
            "run `make npm` (npm ci) first")


def _copy(app, exception):
    if exception is not None or app.builder.format != "html" or "://" in str(app.config.mathjax_path):
        return
    src, dst = _es5(app), Path(app.outdir) / "_static" / "mathjax"
    dst.mkdir(parents=True, exist_ok=True)
    shutil.copy2(src / ENTRY, dst / ENTRY)
    for part in PARTS:
        if (src / part).is_dir():
            shutil.copytree(src / part, dst / part, dirs_exist_ok=True)


def setup(app):
    app.connect("config-inited", _check)
    app.connect("build-finished", _copy)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
