"""Sphinx extension: the chapters live in the reader's browser, with JupyterLite.

``jupyterlite_sphinx`` (in ``_config.yml``'s ``extra_extensions``) builds a JupyterLite
site into ``_build/html/lite/`` at the end of the book build, holding the notebooks of
``jupyterlite_contents`` (chapters/, appendix/).  This extension adds what the course needs:

1. **reglib as a wheel served with the site.**  Before anything is read, reglib is built
   into a wheel from the working tree (a copy of ``pyproject.toml``, ``README.md`` and
   ``reglib/``, so nothing of the build lands in the repository) and put into
   ``<jupyterlite_dir>/pypi/``, where JupyterLite's piplite addon indexes the wheels it
   serves (``lite/pypi/all.json``, which the Pyodide kernel searches before anything
   else).  It is rebuilt only when a source file changed (a stamp of their hashes), so the
   site always serves the current reglib.  Beside it go the pure-Python wheels of the
   live widgets, pinned in ``requirements.txt`` (the versions whose front end,
   jupyterlab_widgets, the same build bundles): ipywidgets, jupyterlab_widgets and comm.
   Served with the site, the kernel needs nothing from PyPI to boot or to show a widget;
   only the compiled packages (numpy, matplotlib, scipy, scikit-learn) come from the
   Pyodide CDN.  They are downloaded once with ``pip download`` (the book build needs the
   package index anyway) and kept there.  The chapter's setup cell
   (``tools/setup_cell.py``) installs them under Pyodide with ``%pip``.
2. **The launch button opens the chapter in that site.**  sphinx-book-theme writes
   ``launch_buttons.jupyterlite_url`` verbatim into every notebook page, so a URL relative
   to the site root would be wrong on ``chapters/*.html``, and an absolute ``/lite/...``
   wrong on a site served under a sub-path (GitHub Pages of a fork).  ``_config.yml``
   gives it relative to the site root (``lite/lab/index.html``); each page gets it
   relative to itself, labelled "Live in your browser".

3. **No page asset of jupyterlite-sphinx.**  It adds a stylesheet, a script and a web font
   from a CDN to every page, for its directives (``jupyterlite``, ``replite``, ...), which
   the course does not use: they are dropped, so the pages still load nothing from outside.

``jupyterlite_dir`` (``_build/jupyterlite``) is build output, and so is ``_contents/``,
the copy of the notebooks jupyterlite-sphinx makes in the source folder: both are
git-ignored and excluded from the book.  This extension writes ``jupyter lite build``'s
settings there too (``LITE_CONFIG``: no source maps, which are most of the weight).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from sphinx.errors import ExtensionError
from sphinx.util import logging

LOGGER = logging.getLogger(__name__)

#: Pure-Python wheels served with the site beside reglib's, at requirements.txt's pins.
WIDGET_WHEELS = ("ipywidgets", "jupyterlab_widgets", "comm")
#: What the reglib wheel is built from.
SOURCES = ("pyproject.toml", "README.md", "reglib")
LABEL = "Live in your browser"
#: What jupyterlite-sphinx adds to every page for its directives (see 3. above).
DIRECTIVE_ASSETS = {"https://fonts.googleapis.com/css?family=Vibur", "jupyterlite_sphinx.css",
                    "jupyterlite_sphinx.js"}
#: ``jupyter lite build``'s settings (written into ``jupyterlite_dir``): no source maps and
#: no shared packages the apps do not use, which keep the lite site at about a third of
#: its size (measured: 71 MB -> see README.md).
LITE_CONFIG = {"LiteBuildConfig": {"no_sourcemaps": True, "no_unused_shared_packages": True}}


def pins(requirements: Path, names=WIDGET_WHEELS) -> dict[str, str]:
    """``{name: version}`` of ``names`` as ``requirements.txt`` pins them (``name==v``)."""
    found = {}
    for line in requirements.read_text().splitlines():
        m = re.match(r"^([A-Za-z0-9_.\-]+)==([^\s;#]+)", line.strip())
        if m:
            key = m.group(1).lower().replace("-", "_")
            for name in names:
                if key == name.lower().replace("-", "_"):
                    found[name] = m.group(2)
    missing = [n for n in names if n not in found]
    if missing:
        raise ExtensionError(f"{requirements}: no `name==version` pin for {missing}")
    return found


def source_files(root: Path) -> list[Path]:
    files = []
    for name in SOURCES:
        path = root / name
        files += sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts) \
            if path.is_dir() else [path]
    return files


def source_stamp(root: Path) -> str:
    digest = hashlib.sha256()
    for path in source_files(root):
        digest.update(str(path.relative_to(root)).encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def build_reglib_wheel(root: Path, wheels: Path) -> Path:
    """Build reglib's wheel from ``root`` into ``wheels`` (unless it is current); return it."""
    wheels.mkdir(parents=True, exist_ok=True)
    stamp_file = wheels / ".reglib-sources.sha256"
    stamp = source_stamp(root)
    current = sorted(wheels.glob("reglib-*.whl"))
    if len(current) == 1 and stamp_file.is_file() and stamp_file.read_text().strip() == stamp:
        return current[0]
    for old in current:
        old.unlink()
    with tempfile.TemporaryDirectory(prefix="reglib-wheel-") as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        for name in SOURCES:
            if (root / name).is_dir():
                shutil.copytree(root / name, src / name,
                                ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            else:
                shutil.copy2(root / name, src / name)
        proc = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--quiet", "--disable-pip-version-check",
             "--no-deps", "--wheel-dir", str(wheels), str(src)],
            capture_output=True, text=True)
        if proc.returncode:
            raise ExtensionError(f"building reglib's wheel failed:\n{proc.stdout}\n{proc.stderr}")
    built = sorted(wheels.glob("reglib-*-py3-none-any.whl"))
    if len(built) != 1:
        raise ExtensionError(f"expected one pure-Python reglib wheel in {wheels}, found {built}")
    stamp_file.write_text(stamp + "\n")
    return built[0]


def _pyodide_python() -> str:
    """The Python version of the Pyodide the JupyterLite kernel loads (e.g. "3.14")."""
    from jupyterlite_pyodide_kernel.constants import PYODIDE_PYTHON_VERSION

    return PYODIDE_PYTHON_VERSION


def fetch_widget_wheels(requirements: Path, wheels: Path) -> list[Path]:
    """The pinned pure-Python widget wheels in ``wheels`` (downloaded when missing)."""
    wanted = pins(requirements)
    have = {}
    for name, version in wanted.items():
        pattern = f"{name.replace('-', '_')}-{version}-py3-none-any.whl"
        have[name] = [p for p in wheels.glob("*.whl") if p.name.lower() == pattern.lower()]
    missing = [f"{n}=={v}" for n, v in wanted.items() if not have[n]]
    if missing:
        LOGGER.info(f"[jupyterlite_site] pip download {' '.join(missing)}")
        proc = subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
             "--no-deps", "--only-binary=:all:", "--implementation", "py",
             "--python-version", _pyodide_python(), "--abi", "none", "--platform", "any",
             "--dest", str(wheels), *missing],
            capture_output=True, text=True)
        if proc.returncode:
            raise ExtensionError(
                f"downloading {missing} for the JupyterLite site failed:\n{proc.stderr}")
    # Other versions of these packages left from an older pin would be served too: drop them.
    keep = {f"{n.replace('-', '_')}-{v}-py3-none-any.whl".lower() for n, v in wanted.items()}
    for path in wheels.glob("*.whl"):
        stem = path.name.split("-")[0].lower()
        if stem in {n.lower().replace("-", "_") for n in wanted} and path.name.lower() not in keep:
            path.unlink()
    return sorted(p for p in wheels.glob("*.whl") if p.name.lower() in keep)


def _prepare_lite_dir(app, config):
    if "jupyterlite_sphinx" not in app.extensions:
        return
    root = Path(app.srcdir)
    lite_dir = root / str(config.jupyterlite_dir)
    lite_dir.mkdir(parents=True, exist_ok=True)
    # `jupyter lite build` adds to its output folder and never removes: start it empty, so
    # nothing of an older build (an older wheel, source maps) is served.
    shutil.rmtree(Path(app.outdir) / "lite", ignore_errors=True)
    (lite_dir / "jupyter_lite_config.json").write_text(json.dumps(LITE_CONFIG, indent=2) + "\n")
    wheels = lite_dir / "pypi"
    wheel = build_reglib_wheel(root, wheels)
    fetch_widget_wheels(root / "requirements.txt", wheels)
    LOGGER.info(f"[jupyterlite_site] serving {wheel.name} with the JupyterLite site")


def _drop_directive_assets(app, config):
    """Load none of jupyterlite-sphinx's page assets: they serve its directives, which the
    course does not use, and one is a font from a CDN (the site loads nothing from outside;
    tests/browser/test_site.py and test_offline.py refuse every outside request)."""
    if "jupyterlite_sphinx" not in app.extensions:
        return
    app.registry.css_files[:] = [(f, a) for f, a in app.registry.css_files
                                 if f not in DIRECTIVE_ASSETS]
    app.registry.js_files[:] = [(f, a) for f, a in app.registry.js_files
                                if f not in DIRECTIVE_ASSETS]


def _iter_buttons(buttons):
    for button in buttons or []:
        if isinstance(button, dict):
            yield button
            yield from _iter_buttons(button.get("buttons"))


def _relative_launch_url(app, pagename, templatename, context, doctree):
    """Make the JupyterLite launch link relative to the page (see 2. above)."""
    lite = (app.config.html_theme_options.get("launch_buttons") or {}).get("jupyterlite_url", "")
    lite = lite.rstrip("/")
    if not lite or "://" in lite or lite.startswith("/") or "pathto" not in context:
        return
    for button in _iter_buttons(context.get("header_buttons")):
        url = button.get("url", "")
        if button.get("text") == "JupyterLite" and url.startswith(lite + "?"):
            button["url"] = context["pathto"](lite, 1) + url[len(lite):]
            button["text"] = LABEL
            button["tooltip"] = "Run this page in your browser (JupyterLite, no server)"


def setup(app):
    app.connect("config-inited", _prepare_lite_dir, priority=900)
    app.connect("config-inited", _drop_directive_assets)
    # After sphinx-book-theme adds the launch buttons (priority 501).
    app.connect("html-page-context", _relative_launch_url, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
