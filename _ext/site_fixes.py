"""Sphinx fixes for the course site (jupyter-book 1.x on Sphinx 7.4), wired in _config.yml:

    sphinx:
      local_extensions:
        site_fixes: _ext

1. Sphinx < 8.2 writes an inline script added by ``app.add_js_file(None, body=...)`` after
   the builder started twice (sphinx-doc/sphinx#13402), so every page ran sphinx-thebe's
   ``const THEBE_JS_URL = ...`` twice: "SyntaxError: Identifier 'THEBE_JS_URL' has already
   been declared".  Drop repeated script tags from each page.
2. pydata-sphinx-theme reads the colour mode from ``html_context["default_mode"]``; left
   empty, every page logged "Got invalid theme mode: . Resetting to auto.".  Default it to
   "auto" (follow the reader's system setting, the theme's own default).

3. With ``nb_ipywidgets_js: {}`` no widget manager runs on the site (interactive figures
   show their static scrubber), so the ipywidgets state myst-nb embeds in each chapter page
   (~100 kB: one PNG per explorer) is dropped.
4. Four accessibility faults of the theme's markup that axe-core rates serious/critical,
   repaired in the page when it loads (tests/browser/test_accessibility.py checks them):
   the search buttons' ``aria-label="Search"`` hides their visible text ("Search ... Ctrl+K",
   label-content-name-mismatch); the colour-mode button's icons carry titles that are not
   part of its name "Color mode" (same rule; the icons are decorative); and the bibliography
   is a ``role="list"`` whose entries have the deprecated ``role="doc-biblioentry"``
   (aria-required-children): they become list items.  myst-nb's "Show code cell source"
   toggles (hide-input cells) are named "Toggle hidden content", which hides their visible
   text (label-content-name-mismatch): the visible text becomes their name.

5. pydata-sphinx-theme puts a search field in the header band unless
   ``html_theme_options["navbar_persistent"]`` is set, and jupyter-book never sets it: every
   page showed two search boxes (a header band holding only that field, plus the
   sidebar's).  Set it to ``[]``: wide screens keep the sidebar's field, narrow ones the
   article header's search button.

tests/browser/test_site.py fails on any JavaScript error a page raises, so 1 and 2 show there;
benchmarks/pages.py shows 3.
"""

from __future__ import annotations

WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


def _script_key(script):
    attributes = getattr(script, "attributes", {}) or {}
    return (str(getattr(script, "filename", script) or ""),
            tuple(sorted((k, str(v)) for k, v in attributes.items())))


def _dedupe_scripts(app, pagename, templatename, context, doctree):
    scripts = context.get("script_files")
    if not scripts:
        return
    # Without a widget manager on the page (nb_ipywidgets_js: {}), the saved ipywidgets
    # state is dead weight (it holds a PNG per explorer): drop it.
    manager = any("html-manager" in str(getattr(x, "filename", x) or "") for x in scripts)
    seen, unique = set(), []
    for script in scripts:
        attributes = getattr(script, "attributes", {}) or {}
        if not manager and attributes.get("type") == WIDGET_STATE:
            continue
        key = _script_key(script)
        if key not in seen:
            seen.add(key)
            unique.append(script)
    context["script_files"] = unique


def _default_mode(app, pagename, templatename, context, doctree):
    if not context.get("default_mode"):
        context["default_mode"] = "auto"


_A11Y_JS = """
(function () {
  function fix() {
    document.querySelectorAll(".search-button__button[aria-label]").forEach(function (b) {
      b.removeAttribute("aria-label");
    });
    document.querySelectorAll(".theme-switch-button > *").forEach(function (icon) {
      icon.setAttribute("aria-hidden", "true");
      icon.removeAttribute("title");
      icon.querySelectorAll("title").forEach(function (t) { t.remove(); });
    });
    document.querySelectorAll('details > summary[aria-label="Toggle hidden content"]').forEach(function (s) {
      s.removeAttribute("aria-label");
    });
    document.querySelectorAll('.citation-list[role="list"] > [role="doc-biblioentry"]').forEach(function (c) {
      c.setAttribute("role", "listitem");
    });
  }
  document.addEventListener("DOMContentLoaded", fix);
  window.addEventListener("load", fix);
})();
"""


def _add_a11y_script(app, config):
    # Added before the builder exists, so Sphinx writes it once (see 1.).
    app.add_js_file(None, body=_A11Y_JS)


def _one_search_box(app, config):
    config.html_theme_options.setdefault("navbar_persistent", [])


def setup(app):
    app.connect("config-inited", _add_a11y_script)
    app.connect("config-inited", _one_search_box)
    app.connect("html-page-context", _dedupe_scripts, priority=900)
    app.connect("html-page-context", _default_mode)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
