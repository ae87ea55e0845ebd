"""The live view: ipywidgets controls that redraw the figure (ipywidgets 7 and 8).

:func:`mimebundle` is what a front end receives for an explorer: the static scrubber
(``text/html``) and, when the widget can be built, its widget view.  ipywidgets 8
widgets have ``_repr_mimebundle_``, ipywidgets 7 ones only ``_ipython_display_``, so the
view is written here from the widget's view spec, the same under both.  If the
widget cannot be built for any reason, the output is the scrubber with a one-line note.
"""

from __future__ import annotations

import html

from .controls import IntSlider

__all__ = ["build_widget", "mimebundle", "widget_view"]

VIEW = "application/vnd.jupyter.widget-view+json"


def _caption(explorer, values) -> str:
    return f'<span class="reglib-explorer-caption">{html.escape(explorer.describe(**values))}</span>'


def _control_widget(W, c, label):
    if isinstance(c, IntSlider):
        w = W.IntSlider(value=c.default, min=c.values[0], max=c.values[-1], step=c.step,
                        description=label, continuous_update=True)
    elif c.numeric:
        w = W.SelectionSlider(options=[(c.format(v), v) for v in c.values], value=c.default,
                              description=label, continuous_update=True)
    else:
        w = W.ToggleButtons(options=c.values, value=c.default, description=label)
    w.style.description_width = "initial"
    return w


def build_widget(explorer):
    """Controls + image + caption as an ipywidgets ``VBox``, redrawing on every change."""
    import ipywidgets as W

    controls = {n: _control_widget(W, c, explorer.label(n)) for n, c in explorer.controls.items()}
    image = W.Image(value=explorer.frame(), format="png",
                    layout=W.Layout(max_width="100%", height="auto"))
    caption = W.HTML(layout=W.Layout(max_width="100%"))
    error = W.HTML(layout=W.Layout(display="none"))

    def values():
        return {name: w.value for name, w in controls.items()}

    def refresh(_change=None):
        vals = values()
        try:
            png = explorer.frame(**vals)
        except Exception as exc:  # show the error in the figure's place, keep the controls
            error.value = (
                '<div class="reglib-explorer-error" role="alert" style="color:#b42318;'
                'border:1px solid #b42318;padding:0.5em;white-space:pre-wrap">'
                f"Could not draw this figure: {html.escape(type(exc).__name__)}: "
                f"{html.escape(str(exc))}</div>")
            error.layout.display = ""
            image.layout.display = "none"
            return
        image.value = png
        image.layout.display = ""
        error.layout.display = "none"
        caption.value = _caption(explorer, vals)

    for w in controls.values():
        w.observe(refresh, names="value")
    caption.value = _caption(explorer, values())
    title = [W.HTML(f"<strong>{html.escape(explorer.title)}</strong>")] if explorer.title else []
    box = W.VBox([*title, *controls.values(), image, error, caption])
    box.add_class("reglib-explorer-live")
    box._reglib_refresh = refresh  # for tests: redraw without a front end
    box._reglib_controls = controls
    box._reglib_image = image
    box._reglib_error = error
    return box


def widget_view(widget) -> dict:
    """The widget-view part of ``widget``'s mimebundle, under ipywidgets 7 or 8.

    Both write it as ``get_view_spec()``: ``version_major``, ``version_minor`` (of the
    widget message protocol) and the ``model_id`` a front end finds the widget by.
    """
    if getattr(widget, "_view_name", None) is None:
        raise RuntimeError(f"{type(widget).__name__} has no view")
    view = dict(widget.get_view_spec())
    if not view.get("model_id") or "version_major" not in view:
        raise RuntimeError("the widget has no model id (no comm to a front end)")
    return {VIEW: view}


def mimebundle(explorer) -> dict:
    """``text/plain``, the scrubber as ``text/html`` and, if it can be built, the widget view."""
    page = explorer.to_html()
    try:
        view = widget_view(explorer.widget())
    except Exception as exc:  # any failure: the scrubber, with a one-line note saying why
        why = html.escape(f"{type(exc).__name__}: {exc}".splitlines()[0][:200])
        note = (f'<p class="reglib-explorer-fallback">Live controls unavailable ({why}); '
                "showing the precomputed frames.</p>")
        return {"text/plain": explorer.plain(), "text/html": note + page}
    return {"text/plain": explorer.plain(), "text/html": page, **view}
