"""A copy of the site opened from disk (file://) with no network, as a reader with a
downloaded copy has it: every page typesets its math, loads nothing that fails, and its
scrubbers show the frames they fetch from the files beside the page.

(Over HTTP, with every request outside the site refused, test_site.py checks the same for
the served site.)
"""

from __future__ import annotations

import pytest

from . import site_support as ss
from .test_site import _RAW_TEX, _TEXT_OUTSIDE_CODE_JS, _REVEAL_JS

pytestmark = pytest.mark.site

PAGES = ss.book_pages()


@pytest.fixture(scope="module")
def disk_context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
    blocked: list = []
    ss.install_offline_routes(context, blocked)
    yield context, blocked
    context.close()


@pytest.mark.parametrize("book_page", PAGES, ids=[p.docname for p in PAGES])
def test_page_works_from_disk(site, disk_context, book_page):
    context, blocked = disk_context
    blocked.clear()
    page = context.new_page()
    failed: list = []
    page.on("requestfailed", lambda r: failed.append(f"{r.url} ({r.failure})"))
    page.on("pageerror", lambda exc: failed.append(f"page error: {exc}"))
    try:
        page.goto((site / book_page.html).as_uri(), wait_until="load", timeout=60_000)
        if page.locator(".math").count():
            assert ss.wait_for_mathjax(page), f"{book_page.html}: MathJax not loaded from disk"
            untypeset = page.evaluate(
                "() => [...document.querySelectorAll('.math')].filter(el => !el.querySelector('mjx-container')).length")
            assert untypeset == 0, f"{book_page.html}: {untypeset} math elements not typeset from disk"
        raw = sorted(set(m.group(0)[:60] for m in _RAW_TEX.finditer(page.evaluate(_TEXT_OUTSIDE_CODE_JS))))
        assert not raw, f"{book_page.html} from disk: raw TeX left in the text: {raw[:5]}"
        roots = page.locator("[data-reglib-explorer]")
        for i in range(roots.count()):
            root = roots.nth(i)
            root.evaluate(_REVEAL_JS)
            control = root.locator("[data-control]").first
            before = root.locator("img").get_attribute("src")
            if control.evaluate("el => el.tagName") == "SELECT":
                values = control.locator("option").evaluate_all("os => os.map(o => o.value)")
                control.select_option(next(v for v in values if v != control.input_value()))
            else:
                control.focus()
                at_end = int(control.input_value()) == int(control.get_attribute("max"))
                page.keyboard.press("ArrowLeft" if at_end else "ArrowRight")
            after = root.locator("img").get_attribute("src")
            assert after != before and not after.startswith("data:"), (
                f"{book_page.html} from disk: scrubber {i} did not switch to a frame file ({after[:60]})")
            loaded = root.locator("img").evaluate(
                "img => img.complete && img.naturalWidth > 0 ? true : new Promise(ok => {"
                " img.onload = () => ok(true); img.onerror = () => ok(false); })")
            assert loaded, f"{book_page.html} from disk: frame {after} did not load"
        assert not failed and not blocked, (
            f"{book_page.html} from disk: failed or refused requests:\n" + "\n".join(failed + blocked))
    finally:
        page.close()
