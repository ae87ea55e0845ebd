"""The static scrubber: an explorer as self-contained HTML (no kernel, no network).

The controls are ``<input type="range">`` and ``<select>`` elements over the frames
precomputed when the cell ran; ``scrubber.js`` and ``scrubber.css`` (package data beside
this module) are inlined, so the output works wherever it is shown.  Frames are
``data:`` URIs in a JSON payload; the book's ``_ext/explorer_frames.py`` moves them into
image files beside the page and loads the script and style once per page instead.
"""

from __future__ import annotations

import base64
import html
import json
from functools import lru_cache
from importlib import resources

__all__ = ["asset", "payload", "scrubber_html"]

#: Share of its natural width below which a layout is not used (when a narrower one exists).
MIN_SCALE = 0.75


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    """The text of ``scrubber.js`` or ``scrubber.css``."""
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def _size(png: bytes) -> tuple:
    """Width and height of a PNG, from its header."""
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def _uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode()


def payload(explorer) -> dict:
    """What the script needs: read-out labels, alt texts and, per layout, the frame URLs.

    A layout's ``width``/``height`` are those of its first frame (a narrow frame's height
    depends on how many panels it stacks); ``min`` is the narrowest container it is used in.
    """
    idx, ctl = explorer.static_index, explorer.controls
    layouts, start = explorer.layouts, explorer.start_index()
    sizes = [_size(explorer.frames[lay.name][start]) for lay in layouts]
    return {
        "controls": [{"name": n, "labels": [c.format(c.values[i]) for i in idx[n]]}
                     for n, c in ctl.items()],
        "alts": list(explorer.alts),
        "layouts": [{"name": lay.name, "width": sizes[k][0], "height": sizes[k][1],
                     "min": 0 if k == len(layouts) - 1 else int(MIN_SCALE * lay.width_px),
                     "frames": [_uri(f) for f in explorer.frames[lay.name]]}
                    for k, lay in enumerate(layouts)],
    }


def _control_html(explorer, k: int, name: str, labels: list, start: int) -> str:
    c, esc = explorer.controls[name], html.escape
    cid = f"{explorer.id}-{k}"
    head = (f'<label class="reglib-explorer-control" for="{cid}">'
            f'<span class="reglib-explorer-name">{esc(explorer.label(name))}</span>')
    if c.numeric:
        shown = esc(labels[start])
        return (f'{head}<input type="range" id="{cid}" data-control="{k}" min="0" '
                f'max="{len(labels) - 1}" step="1" value="{start}" aria-valuetext="{shown}">'
                f'<output for="{cid}" aria-live="polite">{shown}</output></label>')
    opts = "".join(f'<option value="{j}"{" selected" if j == start else ""}>{esc(lab)}</option>'
                   for j, lab in enumerate(labels))
    return f'{head}<select id="{cid}" data-control="{k}">{opts}</select></label>'


def _picture_html(data: dict, flat: int, alt: str) -> str:
    """The frame at ``flat``: the wide one, or the narrow one on a narrow viewport."""
    wide, *rest = data["layouts"]
    sources = "".join(
        f'<source media="(max-width: {wide["min"] + 40}px)" srcset="{lay["frames"][flat]}" '
        f'width="{lay["width"]}" height="{lay["height"]}">' for lay in rest)
    return (f'<picture class="reglib-explorer-picture">{sources}'
            f'<img class="reglib-explorer-figure" src="{wide["frames"][flat]}" '
            f'alt="{html.escape(alt)}" width="{wide["width"]}" height="{wide["height"]}">'
            f"</picture>")


def scrubber_html(explorer) -> str:
    """The scrubber of ``explorer``, showing the frame at the controls' defaults."""
    esc = html.escape
    data = payload(explorer)
    idx, flat = explorer.static_index, explorer.start_index()
    rows = "".join(
        _control_html(explorer, k, name, spec["labels"],
                      idx[name].index(explorer.controls[name].default_index))
        for k, (name, spec) in enumerate(zip(explorer.controls, data["controls"])))
    title = f'<div class="reglib-explorer-title">{esc(explorer.title)}</div>' if explorer.title else ""
    text = json.dumps(data, separators=(",", ":")).replace("</", "<\\/")
    label = "Interactive figure: " + (explorer.title or "explorer")
    return (
        f'<div class="reglib-explorer" data-reglib-explorer="{explorer.id}" role="group" '
        f'aria-label="{esc(label)}">'
        f'<style class="reglib-explorer-css">{asset("scrubber.css")}</style>'
        f"{title}{_picture_html(data, flat, explorer.alts[flat])}"
        f'<div class="reglib-explorer-controls">{rows}</div>'
        f'<p class="reglib-explorer-note">Precomputed frames: move a control to scrub. '
        f"Run the notebook for the live version.</p>"
        f'<script type="application/json" class="reglib-explorer-data">{text}</script>'
        f'<script class="reglib-explorer-js">{asset("scrubber.js")}</script>'
        f"</div>"
    )
