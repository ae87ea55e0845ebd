"""Fixtures of the browser tests: the built site on 127.0.0.1, Chromium, loaded pages.

The site must be built (``make book``); a missing site FAILS every site test with a message
saying so, it is never skipped.  Pages are loaded once per run and shared by the tests that
inspect them (loading and typesetting a page is the slow part).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import pytest

from . import site_support as ss

# Figures collected by the tests, printed at the end of the run (pytest_terminal_summary).
STATS: dict = {"pages": set(), "scrubbers": 0, "ranges": 0, "selects": 0, "axe": {},
               "weights": {}, "loaded": {}, "phone": {}, "live": {}, "timings": {}}


@pytest.fixture(scope="package")
def site():
    """The built site directory; fails (never skips) when it is missing or incomplete."""
    path = ss.site_dir()
    message = ss.missing_site_message(path)
    if message:
        pytest.fail(message, pytrace=False)
    return path


@pytest.fixture(scope="package")
def base_url(site):
    """The built site served over HTTP on 127.0.0.1 (a threaded server, a free port)."""
    with ss.serve(site) as url:
        yield url


@pytest.fixture(scope="package")
def playwright_instance():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - playwright is in requirements.txt
        pytest.fail(f"playwright is not installed in this environment: {exc}", pytrace=False)
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="package")
def browser(playwright_instance):
    """Debian's Chromium, headless (one instance for the package)."""
    try:
        browser = ss.launch_chromium(playwright_instance)
    except Exception as exc:
        pytest.fail(f"cannot start {ss.CHROMIUM}: {exc}; {ss.NPM_HINT.replace('them', 'it')}",
                    pytrace=False)
    yield browser
    browser.close()


@pytest.fixture(scope="package")
def npm_copies():
    """The npm packages the tests inject (axe-core); fails when they are not installed."""
    modules = ss.node_modules()
    needed = ["axe-core/axe.min.js"]
    missing = [n for n in needed if not (modules / n).is_file()]
    if missing:
        pytest.fail(f"missing in {modules}: {missing}; {ss.NPM_HINT}", pytrace=False)
    return modules


@dataclass
class Visit:
    """A page loaded in its own browser context, with what happened while it loaded."""

    page: object
    url: str
    errors: list = field(default_factory=list)  # console errors, page errors, failed loads
    blocked: list = field(default_factory=list)  # requests leaving the site (refused)
    mathjax: bool = False
    seconds: float = 0.0


def open_page(browser, url: str, *, color_scheme: str = "light",
              viewport=(1280, 900)) -> Visit:
    """Load ``url`` offline in a fresh context and wait for MathJax; return a Visit."""
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]},
                                  color_scheme=color_scheme, device_scale_factor=1)
    visit = Visit(page=None, url=url)
    ss.install_offline_routes(context, visit.blocked)
    page = context.new_page()
    visit.page = page

    def on_console(msg):
        if msg.type == "error":
            loc = msg.location or {}
            visit.errors.append(f"console error: {msg.text} [{loc.get('url', '')}:{loc.get('lineNumber', '')}]")

    def on_request_failed(request):
        if request.url not in visit.blocked:
            visit.errors.append(f"request failed: {request.url} ({request.failure})")

    def on_response(response):
        if response.status >= 400:
            visit.errors.append(f"HTTP {response.status}: {response.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda exc: visit.errors.append(f"page error: {exc}"))
    page.on("requestfailed", on_request_failed)
    page.on("response", on_response)
    t0 = time.perf_counter()
    page.goto(url, wait_until="load", timeout=60_000)
    try:
        visit.mathjax = ss.wait_for_mathjax(page)
    except Exception as exc:  # reported by the tests instead of erroring every one of them
        visit.errors.append(f"MathJax did not load or typeset: {type(exc).__name__}: {str(exc)[:200]}")
    visit.seconds = time.perf_counter() - t0
    return visit


@pytest.fixture(scope="package")
def visit(browser, base_url, npm_copies):
    """``visit(book_page) -> Visit``: each page is loaded once and shared by the tests."""
    cache: dict = {}

    def get(book_page) -> Visit:
        if book_page.docname not in cache:
            cache[book_page.docname] = open_page(browser, base_url + book_page.html)
            STATS["pages"].add(book_page.docname)
        return cache[book_page.docname]

    yield get
    for v in cache.values():
        v.page.context.close()


def pytest_terminal_summary(terminalreporter):
    """Print the figures of the browser tests (pages, scrubbers, axe, weights, live)."""
    if not (STATS["pages"] or STATS["live"] or STATS["weights"] or STATS["phone"]):
        return
    tr = terminalreporter
    tr.section("site and live-kernel figures")
    tr.write_line(f"pages loaded: {len(STATS['pages'])}; scrubbers exercised: {STATS['scrubbers']} "
                  f"({STATS['ranges']} range inputs, {STATS['selects']} selects)")
    for doc, w in sorted(STATS["weights"].items()):
        tr.write_line(f"weight {doc}: {w['total'] / 2**20:.3f} MiB (html {w['html']} B, images {w['images']} B, "
                      f"frames fetched on demand {w.get('frames', 0)} B)")
    for doc, w in sorted(STATS["loaded"].items()):
        tr.write_line(f"weight at load {doc}: {w['total'] / 2**20:.3f} MiB in Chromium at {w['width']} px "
                      f"(html {w['html']} B, images {w['images']} B in {w['n_images']} files)")
    for doc, info in sorted(STATS["phone"].items()):
        tr.write_line(f"phone {doc}: smallest figure scale {info['min_scale']}, {info['explorers']} explorers, "
                      f"page width {info['scroll_width']} px")
    for key, counts in sorted(STATS["axe"].items()):
        tr.write_line(f"axe {key}: " + ", ".join(f"{k}={v}" for k, v in sorted(counts.items())))
    for doc, info in sorted(STATS["live"].items()):
        tr.write_line(f"live {doc}: {info}")
    for key, sec in sorted(STATS["timings"].items()):
        tr.write_line(f"time {key}: {sec:.1f} s")
