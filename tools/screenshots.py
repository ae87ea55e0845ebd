"""PNG screenshots of every page of the built site, light and dark theme.

    python tools/screenshots.py [SITE_DIR] [OUT_DIR]      (make screenshots)

SITE_DIR defaults to _build/html, OUT_DIR to screenshots/.  Pages come from _toc.yml; each
is served on 127.0.0.1 and loaded offline in headless Chromium (MathJax from node_modules,
see tests/browser/site_support.py), then captured full page as
``OUT_DIR/<page>-light.png`` and ``OUT_DIR/<page>-dark.png`` (``/`` in the page name
becomes ``__``); a page taller than --segment pixels continues in ``<page>-light-2.png``,
``-3`` and so on (Chromium captures at most about 16k pixels at once).  A phone pass
(``--phone-width``, default 390 CSS pixels, light theme) writes ``<page>-phone.png``.
Prints one line per file and exits non-zero when a page is missing.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from browser import site_support as ss  # noqa: E402

# pydata-sphinx-theme reads the colour mode from localStorage before the page renders.
_THEME_INIT = "try {{ localStorage.setItem('mode', '{0}'); localStorage.setItem('theme', '{0}'); }} catch (e) {{}}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default=str(ss.site_dir()), help="built site (default _build/html)")
    parser.add_argument("out", nargs="?", default=str(REPO / "screenshots"), help="output folder")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--phone-width", type=int, default=390, help="phone pass width (0: none)")
    parser.add_argument("--segment", type=int, default=15000,
                        help="split taller pages into PNGs of this many pixels")
    args = parser.parse_args(argv)
    site, out = Path(args.site).resolve(), Path(args.out)
    problem = ss.missing_site_message(site)
    if problem:
        print(f"screenshots: {problem}", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)

    from playwright.sync_api import sync_playwright

    t0 = time.perf_counter()
    count = 0
    with ss.serve(site) as base, sync_playwright() as pw:
        browser = ss.launch_chromium(pw)
        passes = [("light", args.width, ""), ("dark", args.width, "")]
        if args.phone_width:
            passes.append(("light", args.phone_width, "phone"))
        for theme, width, suffix in passes:
            context = browser.new_context(viewport={"width": width, "height": 844 if suffix else 900},
                                          color_scheme=theme, device_scale_factor=1)
            context.add_init_script(_THEME_INIT.format(theme))
            blocked: list = []
            ss.install_offline_routes(context, blocked)
            page = context.new_page()
            for book_page in ss.book_pages():
                page.goto(base + book_page.html, wait_until="load", timeout=60_000)
                ss.wait_for_mathjax(page)
                page.wait_for_timeout(200)
                height = page.evaluate("() => document.documentElement.scrollHeight")
                stem = f"{book_page.docname.replace('/', '__')}-{suffix or theme}"
                for part, top in enumerate(range(0, height, args.segment), start=1):
                    target = out / (f"{stem}.png" if part == 1 else f"{stem}-{part}.png")
                    clip = {"x": 0, "y": top, "width": width, "height": min(args.segment, height - top)}
                    page.screenshot(path=str(target), clip=clip, full_page=True)
                    count += 1
                    print(f"{target}  (y {top}..{top + clip['height']} of {height} px)")
            if blocked:
                print(f"screenshots: remote requests blocked ({theme}): {sorted(set(blocked))}", file=sys.stderr)
            context.close()
        browser.close()
    print(f"{count} screenshots in {out} ({time.perf_counter() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
