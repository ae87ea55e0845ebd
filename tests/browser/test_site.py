"""The built static site, as a reader gets it: every page of ``_toc.yml`` in headless Chromium.

Offline: every request leaving 127.0.0.1 is refused, and a refused request fails the page
(the site serves everything itself, MathJax included).  Run after ``make book``.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from bs4 import BeautifulSoup

from . import site_support as ss
from .conftest import STATS

pytestmark = pytest.mark.site

PAGES = ss.book_pages()
NOTEBOOKS = [p for p in PAGES if p.is_notebook]
CHAPTERS = [p for p in PAGES if p.is_chapter]
MAX_PAGE_BYTES = 3_000_000
MIN_EXPLORERS_PER_CHAPTER = 2


def ids(pages):
    return [p.docname for p in pages]


@functools.lru_cache(maxsize=None)
def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@functools.lru_cache(maxsize=None)
def ids_in(path: Path) -> frozenset:
    soup = soup_of(path)
    found = {el["id"] for el in soup.find_all(id=True)}
    found |= {el["name"] for el in soup.find_all("a", attrs={"name": True})}
    return frozenset(found)


def test_toc_lists_every_chapter_notebook():
    """A chapter notebook that is not in _toc.yml is never built or tested."""
    listed = {p.source.resolve() for p in PAGES}
    notebooks = sorted((ss.BOOK / "chapters").glob("*.ipynb"))
    assert notebooks, "no chapter notebooks in chapters/"
    missing = [n.name for n in notebooks if n.resolve() not in listed]
    assert not missing, f"chapters not listed in _toc.yml: {missing}"
    absent = [p.docname for p in PAGES if not p.source.exists()]
    assert not absent, f"_toc.yml lists pages whose source does not exist: {absent}"


@pytest.mark.parametrize("book_page", PAGES, ids=ids(PAGES))
def test_page_loads_offline_without_errors(visit, book_page):
    v = visit(book_page)
    STATS["timings"][f"load {book_page.docname}"] = v.seconds
    assert not v.errors, f"{book_page.html}: errors while loading:\n" + "\n".join(v.errors)
    assert not v.blocked, (
        f"{book_page.html} requested URLs outside the site (serve a copy from the site, as "
        f"_ext/local_mathjax.py does for MathJax, or stop loading it):\n" + "\n".join(sorted(set(v.blocked)))
    )


# Raw TeX left in the reader-visible text (code blocks and typeset math excluded).
_TEXT_OUTSIDE_CODE_JS = """() => {
  const skip = new Set(['PRE', 'CODE', 'SCRIPT', 'STYLE', 'MJX-CONTAINER', 'MJX-ASSISTIVE-MML',
                        'TEXTAREA', 'NOSCRIPT']);
  const root = document.querySelector('main') || document.body;
  const parts = [];
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) { parts.push(node.textContent); return; }
    if (node.nodeType !== Node.ELEMENT_NODE || skip.has(node.tagName)) return;
    if (node.classList.contains('highlight')) return;
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return parts.join(' ');
}"""
_RAW_TEX = re.compile(r"\$\$|\\\(|\\\)|\\\[|\\\]|\\begin\{|\$[^\s$][^$\n]{0,200}?\$")


@pytest.mark.parametrize("book_page", PAGES, ids=ids(PAGES))
def test_math_is_typeset(visit, book_page):
    v = visit(book_page)
    page = v.page
    n_math = page.locator(".math").count()
    if n_math:
        assert v.mathjax, f"{book_page.html} has {n_math} math elements but does not load MathJax"
        untypeset = page.evaluate(
            "() => [...document.querySelectorAll('.math')]"
            ".filter(el => !el.querySelector('mjx-container')).map(el => el.textContent.trim().slice(0, 80))"
        )
        assert not untypeset, f"{book_page.html}: math not typeset by MathJax: {untypeset[:5]}"
        tex_errors = page.evaluate(
            "() => [...document.querySelectorAll('mjx-merror')]"
            ".map(el => el.getAttribute('data-mjx-error') || el.textContent)"
        )
        assert not tex_errors, f"{book_page.html}: TeX errors: {tex_errors[:5]}"
    raw = sorted(set(m.group(0)[:60] for m in _RAW_TEX.finditer(page.evaluate(_TEXT_OUTSIDE_CODE_JS))))
    assert not raw, f"{book_page.html}: raw TeX left in the text (not typeset): {raw[:8]}"


_BAD_OUTPUT = re.compile(
    r"<Figure size|<function |Traceback \(most recent call last\)|<matplotlib\.|\[<matplotlib"
    r"|<ipywidgets\.|<reglib\.|\bInteractive figure: .* \(controls:"
)


@pytest.mark.parametrize("book_page", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_no_error_or_stray_repr_outputs(site, book_page):
    soup = soup_of(site / book_page.html)
    problems = []
    for out in soup.select(".cell_output .output"):
        classes = set(out.get("class", []))
        text = out.get_text(" ", strip=True)
        if classes & {"traceback", "error"}:
            problems.append(f"error output: {text[:300]}")
        elif "stderr" in classes:
            problems.append(f"stderr output: {text[:300]}")
        elif _BAD_OUTPUT.search(text):
            problems.append(f"stray output: {text[:300]}")
    assert not problems, f"{book_page.html}:\n" + "\n".join(problems)


@pytest.mark.parametrize("book_page", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_no_dead_widgets(site, book_page):
    """A widget view needs a kernel or a widget manager; the site must show the scrubber."""
    soup = soup_of(site / book_page.html)
    views = soup.select('script[type="application/vnd.jupyter.widget-view+json"]')
    assert not views, (
        f"{book_page.html} has {len(views)} ipywidgets view(s) that are dead without a kernel; "
        "display interactive figures with reglib.explore (its text/html scrubber is shown)"
    )


_FILENAME_ALT = re.compile(r"(^|/)[\w.-]+\.(png|jpe?g|gif|svg|webp)$|^(image|figure|img|png)$", re.I)


@pytest.mark.parametrize("book_page", PAGES, ids=ids(PAGES))
def test_images_have_alt_text(visit, book_page):
    images = visit(book_page).page.evaluate(
        "() => [...document.querySelectorAll('img')].map(img => ({src: img.getAttribute('src') || '',"
        " alt: img.getAttribute('alt'), role: img.getAttribute('role'),"
        " hidden: img.getAttribute('aria-hidden')}))"
    )
    bad = []
    for img in images:
        if img["role"] in ("presentation", "none") or img["hidden"] == "true":
            continue
        alt = (img["alt"] or "").strip()
        src = img["src"] if not img["src"].startswith("data:") else img["src"][:40] + "..."
        if not alt:
            bad.append(f"no alt text: {src}")
        elif _FILENAME_ALT.search(alt):
            bad.append(f"alt text is a file name ({alt!r}): {src}")
    assert not bad, (
        f"{book_page.html}: images without a description (set it on the figure's cell with "
        'metadata {"mystnb": {"image": {"alt": "..."}}}):\n' + "\n".join(bad)
    )


def _local_targets(soup):
    for tag, attr in (("a", "href"), ("link", "href"), ("img", "src"), ("script", "src")):
        for el in soup.find_all(tag):
            value = el.get(attr)
            if value:
                yield tag, value


@pytest.mark.parametrize("book_page", PAGES, ids=ids(PAGES))
def test_internal_links_resolve(site, book_page):
    path = site / book_page.html
    soup = soup_of(path)
    broken = []
    for tag, ref in _local_targets(soup):
        parsed = urlparse(ref)
        if parsed.scheme or parsed.netloc or ref.startswith(("mailto:", "javascript:", "data:")):
            continue
        target = path if not parsed.path else (path.parent / unquote(parsed.path)).resolve()
        if target.is_dir():
            target = target / "index.html"
        if site.resolve() not in target.parents and target != site.resolve():
            broken.append(f"<{tag}> {ref}: outside the site")
            continue
        if not target.is_file():
            broken.append(f"<{tag}> {ref}: no such file")
            continue
        frag = unquote(parsed.fragment)
        if tag == "a" and frag and target.suffix == ".html" and frag not in ids_in(target):
            broken.append(f"<a> {ref}: no element with id {frag!r} in {target.relative_to(site)}")
    assert not broken, f"{book_page.html}: broken internal links:\n" + "\n".join(sorted(set(broken)))


def _repo_parts():
    repo = ss.book_config().get("repository", {})
    url = str(repo.get("url", "")).rstrip("/")
    m = re.match(r"^https://github\.com/([^/]+)/([^/]+?)(?:\.git)?$", url)
    assert m, f"_config.yml repository.url must be a GitHub repository URL, got {url!r}"
    return url, m.group(1), m.group(2), str(repo.get("branch", "main")), str(repo.get("path_to_book", "") or "")


@pytest.mark.parametrize("book_page", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_launch_buttons_point_at_the_repository(site, book_page):
    url, org, name, branch, book_path = _repo_parts()
    launch = ss.book_config().get("launch_buttons", {})
    nb_path = "/".join(x for x in (book_path.strip("/"), book_page.docname + ".ipynb") if x)
    assert (ss.BOOK / nb_path).is_file(), f"{nb_path} does not exist in the repository"
    hrefs = [a.get("href", "") for a in soup_of(site / book_page.html).find_all("a")]
    ui = "lab" if launch.get("notebook_interface", "classic") == "jupyterlab" else "tree"
    expected = []
    if launch.get("binderhub_url"):
        binder = str(launch["binderhub_url"]).rstrip("/")
        path = f"lab/tree/{nb_path}" if ui == "lab" else f"tree/{nb_path}"
        expected.append(f"{binder}/v2/gh/{org}/{name}/{branch}?urlpath={path}")
    if launch.get("colab_url"):
        colab = str(launch["colab_url"]).rstrip("/")
        expected.append(f"{colab}/github/{org}/{name}/blob/{branch}/{nb_path}")
    assert expected, "_config.yml launch_buttons configure neither Binder nor Colab"
    missing = [e for e in expected if e not in hrefs]
    launchers = [h for h in hrefs if "binder" in h or "colab" in h]
    assert not missing, f"{book_page.html}: launch buttons {launchers} lack {missing}"
    assert url in hrefs, f"{book_page.html}: no repository button to {url}"


@pytest.mark.parametrize("book_page", PAGES, ids=ids(PAGES))
def test_page_weight_under_3_mb(site, book_page):
    """Everything a page can load (its HTML, images, and every frame) stays under 3 MB."""
    weight = ss.page_weight(site, book_page)
    STATS["weights"][book_page.docname] = weight
    total = weight["total"] + weight["frames"]
    assert total < MAX_PAGE_BYTES, (
        f"{book_page.html} weighs {total / 1e6:.2f} MB with every frame (HTML {weight['html']} B, "
        f"images {weight['images']} B, frames {weight['frames']} B), over 3 MB: fewer or smaller "
        "explorer frames (steps, max_frames, figsize/dpi)"
    )


# ----------------------------------------------------------------------------- scrubbers

_STATE_JS = """(root) => {
  const d = JSON.parse(root.querySelector('.reglib-explorer-data').textContent);
  const layout = d.layouts.find(l => l.name === root.dataset.layout);
  const inputs = [...root.querySelectorAll('[data-control]')];
  let flat = 0;
  for (const el of inputs) flat = flat * d.controls[+el.dataset.control].labels.length + (+el.value);
  const img = root.querySelector('img');
  return {
    values: inputs.map(el => +el.value),
    outputs: inputs.map(el => { const o = el.type === 'range' && el.parentNode.querySelector('output');
                                return o ? o.textContent : null; }),
    valuetexts: inputs.map(el => el.getAttribute('aria-valuetext')),
    labels: inputs.map(el => d.controls[+el.dataset.control].labels),
    src: img.getAttribute('src'), alt: img.getAttribute('alt'),
    expected_src: layout ? layout.frames[flat] : null, expected_alt: d.alts[flat],
    n_frames: d.alts.length,
  };
}"""

_REVEAL_JS = """(el) => {
  for (let n = el; n; n = n.parentElement) {
    if (n.tagName === 'DETAILS') n.open = true;
    if (n.classList && n.classList.contains('toggle-hidden')) n.classList.remove('toggle-hidden');
  }
  el.scrollIntoView({block: 'center'});
}"""


def _state(root):
    return root.evaluate(_STATE_JS)


def _check_consistent(state, where):
    assert state["src"] == state["expected_src"], f"{where}: the figure is not the frame of the controls' values"
    assert state["alt"] == state["expected_alt"], f"{where}: the alt text is not the frame's description"
    for k, (value, out, vt, labels) in enumerate(zip(state["values"], state["outputs"],
                                                      state["valuetexts"], state["labels"])):
        if out is not None:
            assert out == labels[value], f"{where}: control {k} shows {out!r}, expected {labels[value]!r}"
            assert vt == labels[value], f"{where}: control {k} aria-valuetext {vt!r} != {labels[value]!r}"


def _assert_moved(before, after, k, where):
    assert after["values"][k] != before["values"][k], f"{where}: the control did not move"
    assert after["src"] != before["src"], f"{where}: the figure did not change"
    assert after["alt"] != before["alt"], f"{where}: the alt text did not change ({after['alt']!r})"
    _check_consistent(after, where)


def _thumb_x(box, value, n):
    """x of the thumb centre of a range input with values 0..n-1 (Chromium thumb ~16 px)."""
    thumb = min(16.0, box["width"] / 4)
    frac = value / (n - 1) if n > 1 else 0.5
    return box["x"] + thumb / 2 + frac * (box["width"] - thumb)


@pytest.mark.parametrize("book_page", PAGES, ids=ids(PAGES))
def test_scrubbers_respond_to_mouse_and_keyboard(visit, book_page):
    page = visit(book_page).page
    roots = page.locator("[data-reglib-explorer]")
    n = roots.count()
    if book_page.is_chapter:
        assert n >= MIN_EXPLORERS_PER_CHAPTER, (
            f"{book_page.html} has {n} interactive figure(s); a chapter needs at least "
            f"{MIN_EXPLORERS_PER_CHAPTER}"
        )
    for i in range(n):
        root = roots.nth(i)
        name = root.get_attribute("data-reglib-explorer")
        root.evaluate(_REVEAL_JS)
        assert root.is_visible(), f"{book_page.html}: scrubber {name} is not visible"
        img = root.locator("img")
        assert img.count() == 1, f"{book_page.html}: scrubber {name} must have exactly one <img>"
        ranges = root.locator('input[type="range"]')
        assert ranges.count() + root.locator("select").count() >= 1, f"scrubber {name} has no control"
        _check_consistent(_state(root), f"{book_page.html} scrubber {name} (initial)")
        for k in range(ranges.count()):
            el = ranges.nth(k)
            where = f"{book_page.html} scrubber {name} range {k}"
            # position of this range among all the scrubber's controls (selects included)
            k = el.evaluate("(el) => [...el.closest('[data-reglib-explorer]')"
                            ".querySelectorAll('[data-control]')].indexOf(el)")
            el.scroll_into_view_if_needed()
            lo, hi = int(el.get_attribute("min")), int(el.get_attribute("max"))
            count = hi - lo + 1
            assert count >= 2, f"{where}: a range with fewer than two values"
            # 1. click: on the far side of the track from the current value
            before = _state(root)
            box = el.bounding_box()
            cur = before["values"][k]
            target = hi if cur - lo < (hi - lo) / 2 else lo
            page.mouse.click(_thumb_x(box, target - lo, count), box["y"] + box["height"] / 2)
            after = _state(root)
            _assert_moved(before, after, k, f"{where} (mouse click)")
            assert after["values"][k] == target, f"{where}: click at value {target} gave {after['values'][k]}"
            # 2. drag the thumb back across the track
            before = after
            box = el.bounding_box()
            y = box["y"] + box["height"] / 2
            dest = lo if target == hi else hi
            page.mouse.move(_thumb_x(box, target - lo, count), y)
            page.mouse.down()
            page.mouse.move(_thumb_x(box, dest - lo, count), y, steps=8)
            page.mouse.up()
            after = _state(root)
            _assert_moved(before, after, k, f"{where} (mouse drag)")
            assert after["values"][k] == dest, f"{where}: drag to value {dest} gave {after['values'][k]}"
            # 3. keyboard: focus, then one arrow step
            before = after
            el.focus()
            key = "ArrowRight" if before["values"][k] < hi else "ArrowLeft"
            page.keyboard.press(key)
            after = _state(root)
            _assert_moved(before, after, k, f"{where} (keyboard {key})")
            assert abs(after["values"][k] - before["values"][k]) == 1, f"{where}: {key} moved more than one step"
            STATS["ranges"] += 1
        selects = root.locator("select")
        for k in range(selects.count()):
            el = selects.nth(k)
            where = f"{book_page.html} scrubber {name} select {k}"
            options = el.locator("option")
            before = _state(root)
            current = el.input_value()
            other = next(options.nth(j).get_attribute("value") for j in range(options.count())
                         if options.nth(j).get_attribute("value") != current)
            el.select_option(other)
            after = _state(root)
            assert after["src"] != before["src"], f"{where}: the figure did not change"
            _check_consistent(after, where)
            STATS["selects"] += 1
        STATS["scrubbers"] += 1


def test_readme_binder_badge_points_at_the_repository():
    url, org, name, branch, _ = _repo_parts()
    readme = (ss.BOOK / "README.md").read_text(encoding="utf-8")
    badges = re.findall(r"\]\((https://mybinder\.org/v2/gh/[^)\s]+)\)", readme)
    assert badges, "README.md has no Binder badge"
    for badge in badges:
        assert badge.startswith(f"https://mybinder.org/v2/gh/{org}/{name}/{branch}"), (
            f"README Binder badge {badge} does not point at {url} (branch {branch})"
        )

