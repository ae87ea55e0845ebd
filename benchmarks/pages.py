"""Page weight of every page of the site, and the whole site's build time.

    python benchmarks/pages.py                 # build the book afresh into a temp dir, time it, weigh it
    python benchmarks/pages.py --site _build/html   # weigh an existing build only (no build time)

For each page of _toc.yml it prints the HTML bytes, how much of that is inline data: URIs
(none once _ext/explorer_frames.py moved the frames into files), the images the page shows
at load under _images/ (static figures, the scrubbers' first frames), the total at load
(theme assets in _static/ are shared and cached, reported once), the frame files the
scrubbers fetch on demand, and its interactive figures.  The test suite asserts 1 MiB at
load, measured in Chromium (tests/browser/test_phone.py::test_page_weight_at_load), and
3 MB with every frame (tests/browser/test_site.py::test_page_weight_under_3_mb).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from browser import site_support as ss  # noqa: E402

LIMIT = 2**20  # at load
_DATA_URI = re.compile(r'data:[\w/+.-]+;base64,[A-Za-z0-9+/=]+')


def build(out: Path) -> float:
    """Build the whole book into ``out`` (as `make book` does); return seconds."""
    cmd = [str(Path(sys.executable).with_name("jupyter-book")), "build", str(ss.BOOK),
           "--path-output", str(out), "--warningiserror", "--nitpick", "--keep-going"]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout[-4000:] + proc.stderr[-4000:])
        raise SystemExit(f"jupyter-book build failed ({proc.returncode}) after {seconds:.1f} s")
    return seconds


def weigh(site: Path) -> list[dict]:
    rows = []
    for page in ss.book_pages():
        path = site / page.html
        if not path.is_file():
            rows.append({"page": page.html, "missing": True})
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        weight = ss.page_weight(site, page)
        scrubbers = text.count("data-reglib-explorer=")
        inline = sum(len(m) for m in _DATA_URI.findall(text))
        rows.append({"page": page.html, **weight, "inline": inline, "scrubbers": scrubbers})
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", help="weigh this built site instead of building afresh")
    args = parser.parse_args(argv)
    build_s = None
    tmp = None
    if args.site:
        site = Path(args.site).resolve()
    else:
        tmp = tempfile.TemporaryDirectory(prefix="reglib-book-")
        print(f"building the book into {tmp.name} ...", flush=True)
        build_s = build(Path(tmp.name))
        site = Path(tmp.name) / "_build" / "html"
    problem = ss.missing_site_message(site)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    rows = weigh(site)
    print(f"{'page':34s} {'load MiB':>9s} {'html B':>10s} {'inline B':>10s} {'images B':>9s} "
          f"{'explorers':>9s} {'frames B':>9s}")
    over = 0
    for r in rows:
        if r.get("missing"):
            print(f"{r['page']:34s} MISSING")
            over += 1
            continue
        flag = "  OVER 1 MiB" if r["total"] > LIMIT else ""
        over += bool(flag)
        print(f"{r['page']:34s} {r['total'] / 2**20:9.3f} {r['html']:10d} {r['inline']:10d} "
              f"{r['images']:9d} {r['scrubbers']:9d} {r['frames']:9d}{flag}")
    static = sum(f.stat().st_size for f in (site / "_static").rglob("*") if f.is_file())
    total = sum(f.stat().st_size for f in site.rglob("*") if f.is_file())
    print(f"shared theme assets (_static): {static / 1e6:.2f} MB; whole site: {total / 1e6:.2f} MB")
    if build_s is not None:
        print(f"whole-site build time (jupyter-book build, notebooks executed): {build_s:.1f} s")
    if tmp is not None:
        tmp.cleanup()
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
