"""The site on a phone (390 x 844 CSS pixels), and what a page weighs when it loads.

On a phone every interactive figure is shown at 70% or more of its natural pixel width
(the scrubber switches to its narrow frames, panels stacked), its controls and read-outs
stay on screen, and no page scrolls sideways.  A page's own HTML and the images it loads
(static figures, first frames, frames fetched ahead) weigh at most 1 MiB at load, on a
desktop and on a phone; the other frames are fetched when a reader moves a control.
"""

from __future__ import annotations

from urllib.parse import unquote, urlparse

import pytest

from . import site_support as ss
from .conftest import STATS, open_page
from .test_site import _REVEAL_JS

pytestmark = pytest.mark.site

PAGES = ss.book_pages()
PHONE = (390, 844)
MIN_SCALE = 0.7
MAX_LOAD_BYTES = 2**20


def ids(pages):
    return [p.docname for p in pages]


@pytest.fixture(scope="module")
def phone_visit(browser, base_url):
    cache: dict = {}

    def get(book_page):
        if book_page.docname not in cache:
            cache[book_page.docname] = open_page(browser, base_url + book_page.html, viewport=PHONE)
        return cache[book_page.docname]

    yield get
    for v in cache.values():
        v.page.context.close()


# Elements sticking out of the viewport (for the message of a failing sideways-scroll test).
_WIDE_JS = """() => {
  const w = document.documentElement.clientWidth, out = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width && r.right > w + 1) {
      let clipped = false;
      for (let p = el.parentElement; p; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (['auto', 'scroll', 'hidden'].includes(s.overflowX) && p.getBoundingClientRect().right <= w + 1) { clipped = true; break; }
      }
      if (!clipped) out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right=${Math.round(r.right)}`);
    }
  }
  return out.slice(0, 8);
}"""

# Inline text cut off at the right edge (a box that clips it hides it without a page
# scroll); text in a box that scrolls sideways itself (a table, an equation) is reachable.
_CUT_TEXT_JS = """() => {
  const w = document.documentElement.clientWidth;
  const scrolls = (el) => {
    for (let p = el.parentElement; p; p = p.parentElement)
      if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return true;
    return false;
  };
  return [...document.querySelectorAll('.bd-article code.literal, .bd-article a, .bd-article p')]
    .filter(el => [...el.getClientRects()].some(r => r.width && r.right > w + 1) && !scrolls(el))
    .map(el => `${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 50)}"`)
    .slice(0, 8);
}"""

_FIGURE_JS = """(root) => {
  const img = root.querySelector('.reglib-explorer-figure');
  const w = document.documentElement.clientWidth;
  const off = [...root.querySelectorAll('[data-control], output, .reglib-explorer-name')]
    .map(el => [el, el.getBoundingClientRect()])
    .filter(([el, r]) => r.left < -0.5 || r.right > w + 0.5)
    .map(([el, r]) => `${el.tagName.toLowerCase()} ${Math.round(r.left)}..${Math.round(r.right)}`);
  const d = JSON.parse(root.querySelector('.reglib-explorer-data').textContent);
  return {shown: img.clientWidth, natural: img.naturalWidth, off, layout: root.dataset.layout,
          layouts: d.layouts.map(l => l.name)};
}"""


def _wait_for_image(root):
    root.locator(".reglib-explorer-figure").evaluate(
        "img => img.complete && img.naturalWidth > 0 ? true : new Promise((ok, fail) => {"
        " img.addEventListener('load', () => ok(true), {once: true});"
        " img.addEventListener('error', () => fail(new Error('frame failed to load: ' + img.src)), {once: true}); })")


@pytest.mark.parametrize("book_page", PAGES, ids=ids(PAGES))
def test_phone_layout(phone_visit, book_page):
    v = phone_visit(book_page)
    page = v.page
    assert not v.errors and not v.blocked, f"{book_page.html} on a phone: {v.errors + v.blocked}"
    roots = page.locator("[data-reglib-explorer]")
    scales, problems = [], []
    for i in range(roots.count()):
        root = roots.nth(i)
        root.evaluate(_REVEAL_JS)
        page.wait_for_timeout(50)  # let the ResizeObserver choose the layout
        _wait_for_image(root)
        info = root.evaluate(_FIGURE_JS)
        name = root.get_attribute("data-reglib-explorer")
        scale = info["shown"] / info["natural"]
        scales.append(scale)
        if scale < MIN_SCALE:
            problems.append(f"{name}: shown at {scale:.0%} of its natural width "
                            f"({info['shown']} of {info['natural']} px, layout {info['layout']})")
        if "narrow" in info["layouts"] and info["layout"] != "narrow":
            problems.append(f"{name}: shows its {info['layout']} frames, not the narrow ones")
        if info["off"]:
            problems.append(f"{name}: controls off screen: {info['off']}")
    # scrub on the phone: the next frame (a file fetched on demand) loads
    with_range = [roots.nth(i) for i in range(roots.count())
                  if roots.nth(i).locator("input[type=range]").count()]
    if with_range:
        root = with_range[0]
        el = root.locator("input[type=range]").first
        before = root.locator("img").get_attribute("src")
        el.focus()
        page.keyboard.press("ArrowRight" if int(el.input_value()) < int(el.get_attribute("max")) else "ArrowLeft")
        assert root.locator("img").get_attribute("src") != before, f"{book_page.html}: scrubbing did nothing"
        _wait_for_image(root)
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    width = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    if width[0] > width[1]:
        problems.append(f"the page scrolls sideways ({width[0]} px wide in {width[1]}): "
                        + "; ".join(page.evaluate(_WIDE_JS)))
    cut = page.evaluate(_CUT_TEXT_JS)
    if cut:
        problems.append(f"text runs past the screen's edge: {cut}")
    if page.locator("#pst-back-to-top").count() and page.locator("#pst-back-to-top").is_visible():
        problems.append("the theme's back-to-top button floats over the text")
    STATS["phone"][book_page.docname] = {
        "min_scale": round(min(scales), 2) if scales else None, "explorers": len(scales),
        "scroll_width": width[0]}
    assert not problems, f"{book_page.html} at {PHONE[0]} px:\n" + "\n".join(problems)


@pytest.mark.parametrize("width", [1280, PHONE[0]])
@pytest.mark.parametrize("book_page", PAGES, ids=ids(PAGES))
def test_page_weight_at_load(browser, base_url, site, book_page, width):
    """The page's HTML and the images it loads (not the shared _static assets) <= 1 MiB."""
    context = browser.new_context(viewport={"width": width, "height": 900}, device_scale_factor=1)
    blocked: list = []
    ss.install_offline_routes(context, blocked)
    loaded: dict = {}

    def on_response(response):
        kind = response.request.resource_type
        path = unquote(urlparse(response.url).path).lstrip("/")
        if kind in ("document", "image") and not path.startswith("_static/") and response.ok:
            target = site / path
            loaded[path] = (kind, target.stat().st_size if target.is_file() else len(response.body()))

    page = context.new_page()
    page.on("response", on_response)
    try:
        page.goto(base_url + book_page.html, wait_until="load", timeout=60_000)
        # the images the page shows, then a moment for the frames fetched ahead
        page.wait_for_function("() => [...document.images].every(img => img.complete)", timeout=60_000)
        page.wait_for_timeout(1000)
    finally:
        context.close()
    html = sum(size for kind, size in loaded.values() if kind == "document")
    images = sum(size for kind, size in loaded.values() if kind == "image")
    STATS["loaded"][f"{book_page.docname} @{width}"] = {
        "total": html + images, "html": html, "images": images, "width": width,
        "n_images": sum(kind == "image" for kind, _ in loaded.values())}
    assert html + images <= MAX_LOAD_BYTES, (
        f"{book_page.html} at {width} px loads {(html + images) / 2**20:.2f} MiB (HTML {html} B, "
        f"images {images} B), over 1 MiB")
