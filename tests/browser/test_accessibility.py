"""axe-core (the npm package, injected from node_modules) on every page, light and dark theme.

A violation of impact "serious" or "critical" fails the page; "moderate" and "minor" ones are
counted in the run's summary.
"""

from __future__ import annotations

import pytest

from . import site_support as ss
from .conftest import STATS

pytestmark = pytest.mark.site

PAGES = ss.book_pages()
FAILING_IMPACTS = ("serious", "critical")

# pydata-sphinx-theme keeps the theme on <html data-theme>, its switcher in localStorage.
_SET_THEME_JS = """(theme) => {
  document.documentElement.dataset.theme = theme;
  document.documentElement.dataset.mode = theme;
  try { localStorage.setItem('theme', theme); localStorage.setItem('mode', theme); } catch (e) {}
}"""

_AXE_JS = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: (n.failureSummary || '').slice(0, 300),
                              html: n.html.slice(0, 200)}))
  }));
}"""


def run_axe(page) -> list:
    """axe-core's violations on ``page`` (axe injected from node_modules when needed)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(ss.node_modules() / "axe-core" / "axe.min.js"))
    return page.evaluate(_AXE_JS)


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("book_page", PAGES, ids=[p.docname for p in PAGES])
def test_no_serious_accessibility_violations(visit, book_page, theme):
    page = visit(book_page).page
    page.evaluate(_SET_THEME_JS, theme)
    # let the theme's colour transitions finish before measuring contrast
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    page.wait_for_timeout(50)
    try:
        violations = run_axe(page)
    finally:
        page.evaluate(_SET_THEME_JS, "light")
    counts: dict = {}
    for v in violations:
        key = f"{v['impact']} {v['id']}"
        counts[key] = counts.get(key, 0) + len(v["nodes"])
    STATS["axe"][f"{book_page.docname} [{theme}]"] = counts or {"violations": 0}
    bad = [v for v in violations if v["impact"] in FAILING_IMPACTS]
    lines = []
    for v in bad:
        lines.append(f"{v['impact']} {v['id']}: {v['help']} ({len(v['nodes'])} elements)")
        for node in v["nodes"][:6]:
            lines.append(f"    {node['target']}: {node['summary']}")
    assert not bad, f"{book_page.html} ({theme} theme): axe-core violations:\n" + "\n".join(lines)
