"""Shared machinery of the browser tests, ``tools/screenshots.py`` and ``benchmarks/pages.py``.

* the pages of the book, read from ``_toc.yml`` (root first, then every ``file`` entry);
* a threaded static HTTP server for the built site on 127.0.0.1 (a free port);
* Debian's Chromium under Playwright, offline: every request to a host other than
  127.0.0.1 is either answered from the local npm copy of the CDN file it asks for
  (``node_modules``, installed by ``tools/install-browser-deps.sh``) or aborted and
  recorded, so a test can assert that a page needs nothing from the internet.

Environment overrides: ``REGLIB_SITE_DIR`` (the built site, default ``_build/html``),
``REGLIB_BOOK_ROOT`` (the book's sources, default the repository),
``REGLIB_NODE_MODULES`` (default ``node_modules``), ``REGLIB_CHROMIUM``
(default ``/usr/bin/chromium``).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import mimetypes
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import yaml

REPO = Path(__file__).resolve().parents[2]
#: The book's source tree (``_toc.yml``, ``_config.yml``, chapters): the repository, unless
#: ``$REGLIB_BOOK_ROOT`` names another one (to test a book built elsewhere).
BOOK = Path(os.environ.get("REGLIB_BOOK_ROOT", REPO)).resolve()

CHROMIUM = os.environ.get("REGLIB_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}

BUILD_HINT = "build it first with `make book` (or point REGLIB_SITE_DIR at a built site)"
NPM_HINT = "run `make browser` (tools/install-browser-deps.sh) to install them"


def site_dir() -> Path:
    """The built HTML site: ``$REGLIB_SITE_DIR`` or ``_build/html`` in the repository."""
    return Path(os.environ.get("REGLIB_SITE_DIR", BOOK / "_build" / "html")).resolve()


def node_modules() -> Path:
    """Where ``npm ci`` put the local copies of CDN scripts and axe-core."""
    return Path(os.environ.get("REGLIB_NODE_MODULES", REPO / "node_modules")).resolve()


@functools.lru_cache(maxsize=None)
def book_config() -> dict:
    """``_config.yml`` as a dict."""
    return yaml.safe_load((BOOK / "_config.yml").read_text(encoding="utf-8")) or {}


# ----------------------------------------------------------------------------- pages


@dataclass(frozen=True)
class BookPage:
    """One page of the table of contents."""

    docname: str  # e.g. "chapters/01_cost" (the ``file`` entry, no extension)
    source: Path  # the .ipynb or .md it is built from

    @property
    def html(self) -> str:
        """Path of the page relative to the site root."""
        return self.docname + ".html"

    @property
    def is_notebook(self) -> bool:
        return self.source.suffix == ".ipynb"

    @property
    def is_chapter(self) -> bool:
        return self.is_notebook and self.docname.startswith("chapters/")


def _toc_files(node) -> list[str]:
    files = []
    if isinstance(node, dict):
        if "file" in node:
            files.append(str(node["file"]))
        for key in ("parts", "chapters", "sections"):
            for child in node.get(key) or []:
                files.extend(_toc_files(child))
    return files


def _source_of(docname: str) -> Path:
    stem = re.sub(r"\.(ipynb|md|rst)$", "", docname)
    for ext in (".ipynb", ".md", ".rst"):
        path = BOOK / (stem + ext)
        if path.exists():
            return path
    return BOOK / (stem + ".ipynb" if stem.startswith("chapters/") else stem + ".md")


@functools.lru_cache(maxsize=None)
def book_pages() -> tuple[BookPage, ...]:
    """Every page listed in ``_toc.yml``: the root first, then in reading order."""
    toc = yaml.safe_load((BOOK / "_toc.yml").read_text(encoding="utf-8")) or {}
    names = [str(toc["root"])] + _toc_files(toc)
    seen, pages = set(), []
    for name in names:
        name = re.sub(r"\.(ipynb|md|rst)$", "", name)
        if name not in seen:
            seen.add(name)
            pages.append(BookPage(name, _source_of(name)))
    return tuple(pages)


def missing_site_message(site: Path) -> str | None:
    """Why ``site`` cannot be tested (None when every TOC page is there)."""
    if not (site / "index.html").is_file():
        return f"no built site at {site}: {BUILD_HINT}"
    missing = [p.html for p in book_pages() if not (site / p.html).is_file()]
    if missing:
        return f"pages of _toc.yml missing from {site}: {missing}; {BUILD_HINT}"
    return None


# ----------------------------------------------------------------------------- server


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        pass


@contextlib.contextmanager
def serve(directory: Path):
    """Serve ``directory`` on 127.0.0.1 at a free port; yields the base URL (ending in /)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


# ----------------------------------------------------------------------------- CDN copies

_NPM_CDN = re.compile(
    r"^https?://(?:cdn\.jsdelivr\.net/npm|unpkg\.com)/"
    r"(?P<pkg>(?:@[^/@]+/)?[^/@]+)(?:@(?P<version>[^/]+))?(?P<path>/.*)?$"
)
_CDNJS = re.compile(r"^https?://cdnjs\.cloudflare\.com/ajax/libs/require\.js/[^/]+/require(?:\.min)?\.js$")


def _installed_version(pkg_dir: Path) -> str | None:
    try:
        return json.loads((pkg_dir / "package.json").read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        return None


def _version_fits(wanted: str | None, installed: str | None) -> bool:
    """A CDN version spec ("3", "3.2.2", "^1.0.1", "latest") against the installed one."""
    if not wanted or wanted == "latest":
        return True
    if installed is None:
        return False
    m = re.match(r"^[\^~]?(\d+)", wanted)
    return bool(m) and installed.split(".")[0] == m.group(1)


def local_copy(url: str, modules: Path | None = None) -> Path | None:
    """The file in ``node_modules`` that stands for CDN ``url``, or None when there is none."""
    modules = modules or node_modules()
    url = url.split("#")[0].split("?")[0]
    m = _NPM_CDN.match(url)
    if m:
        pkg_dir = modules / m.group("pkg")
        if not _version_fits(m.group("version"), _installed_version(pkg_dir)):
            return None
        rel = (m.group("path") or "/").lstrip("/")
        if not rel:
            return None
        target = (pkg_dir / rel).resolve()
        if pkg_dir.resolve() in target.parents and target.is_file():
            return target
        return None
    if _CDNJS.match(url):
        target = modules / "requirejs" / "require.js"
        return target if target.is_file() else None
    return None


_TYPES = {".js": "application/javascript", ".woff": "font/woff", ".woff2": "font/woff2",
          ".otf": "font/otf", ".ttf": "font/ttf", ".css": "text/css", ".json": "application/json"}


def install_offline_routes(context, blocked: list, served: list | None = None) -> None:
    """Route every non-local request of a Playwright ``context``.

    CDN URLs with a local npm copy are answered from it (recorded in ``served``); anything
    else is aborted and its URL appended to ``blocked``.
    """
    modules = node_modules()

    def is_remote(url: str) -> bool:
        parsed = urlparse(url)
        return parsed.scheme in ("http", "https", "ws", "wss") and parsed.hostname not in LOCAL_HOSTS

    def handle(route):
        url = route.request.url
        path = local_copy(url, modules)
        if path is None:
            blocked.append(url)
            route.abort("blockedbyclient")
            return
        if served is not None:
            served.append(url)
        ctype = _TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        route.fulfill(
            status=200,
            path=str(path),
            headers={"content-type": ctype, "access-control-allow-origin": "*",
                     "cache-control": "max-age=3600"},
        )

    context.route(is_remote, handle)


# ----------------------------------------------------------------------------- browser


def launch_chromium(playwright, **kwargs):
    """Debian's Chromium, headless, with the flags of the test suite."""
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} not found: {NPM_HINT.replace('them', 'Chromium')}")
    return playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=list(CHROMIUM_ARGS), **kwargs
    )


def wait_for_mathjax(page, timeout_ms: int = 30_000) -> bool:
    """Wait until MathJax (when the page loads it) has typeset; True if it was loaded."""
    has = page.evaluate(
        "() => !!document.querySelector('script[src*=\"mathjax\"], script[src*=\"MathJax\"]')"
    )
    if not has:
        return False
    page.wait_for_function(
        "() => window.MathJax && MathJax.startup && MathJax.startup.promise", timeout=timeout_ms
    )
    page.evaluate("() => MathJax.startup.promise.then(() => true)")
    return True


def page_weight(site: Path, page: BookPage) -> dict:
    """Bytes of a page as a reader downloads it for this page alone.

    ``html`` is the HTML file (the scrubbers' frames are inline data URIs, so they are in
    it); ``images`` adds the page's own images under ``_images/`` (static figures).
    Shared theme assets under ``_static/`` are cached across pages and not counted.
    """
    path = site / page.html
    text = path.read_text(encoding="utf-8", errors="replace")
    images = 0
    for src in set(re.findall(r'<img[^>]+src="([^"]+)"', text)):
        if src.startswith(("data:", "http:", "https:")) or "_images/" not in src:
            continue
        img = (path.parent / src.split("?")[0]).resolve()
        if img.is_file():
            images += img.stat().st_size
    html_bytes = path.stat().st_size
    return {"html": html_bytes, "images": images, "total": html_bytes + images}
