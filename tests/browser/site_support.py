"""Shared machinery of the browser tests, ``tools/screenshots.py`` and ``benchmarks/pages.py``.

* the pages of the book, read from ``_toc.yml`` (root first, then every ``file`` entry);
* a threaded static HTTP server for the built site on 127.0.0.1 (a free port);
* Debian's Chromium under Playwright, offline: every request to a host other than
  127.0.0.1 is refused and recorded, so a test can assert that a page needs nothing from
  the internet (the site serves MathJax itself);
* a page's weight at load: its HTML and the images it shows, as files of the site.

Environment overrides: ``REGLIB_SITE_DIR`` (the built site, default ``_build/html``),
``REGLIB_BOOK_ROOT`` (the book's sources, default the repository),
``REGLIB_NODE_MODULES`` (default ``node_modules``: axe-core), ``REGLIB_CHROMIUM``
(default ``/usr/bin/chromium``).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
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
    """Where ``npm ci`` put axe-core (and MathJax, which the book build copies into the site)."""
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


# ----------------------------------------------------------------------------- offline


def is_remote(url: str) -> bool:
    """Whether ``url`` leaves the site (any http(s)/ws(s) host but 127.0.0.1)."""
    parsed = urlparse(url)
    return parsed.scheme in ("http", "https", "ws", "wss") and parsed.hostname not in LOCAL_HOSTS


def install_offline_routes(context, blocked: list) -> None:
    """Refuse every request of a Playwright ``context`` that leaves the site.

    The site serves everything it needs itself (MathJax included, see
    ``_ext/local_mathjax.py``); each refused URL is appended to ``blocked``.
    """

    def handle(route):
        blocked.append(route.request.url)
        route.abort("blockedbyclient")

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
    """Bytes of a page at load, as files of the site: its HTML and the images it shows.

    ``html`` is the HTML file; ``images`` adds every ``<img>``/``<source>`` file under
    ``_images/`` the page names in its markup (static figures and each interactive
    figure's first frame, in both layouts: an upper bound of what one reader loads);
    ``frames`` is what the scrubbers may fetch later, on demand.  Shared theme assets
    under ``_static/`` are cached across pages and not counted.
    """
    path = site / page.html
    text = path.read_text(encoding="utf-8", errors="replace")

    def size(refs) -> int:
        total = 0
        for src in refs:
            if src.startswith(("data:", "http:", "https:")) or "_images/" not in src:
                continue
            img = (path.parent / src.split("?")[0]).resolve()
            if img.is_file():
                total += img.stat().st_size
        return total

    shown = set(re.findall(r'<(?:img|source)[^>]+(?:src|srcset)="([^"]+)"', text))
    frames = set(re.findall(r'"((?:\.\./)*_images/explore/[^"]+\.png)"', text)) - shown
    html_bytes = path.stat().st_size
    images = size(shown)
    return {"html": html_bytes, "images": images, "total": html_bytes + images,
            "frames": size(frames)}
