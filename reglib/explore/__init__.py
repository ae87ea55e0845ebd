"""Interactive figures written once, rendered twice.

``explore(draw, lam=LogSlider(1e-3, 1e3))`` returns an :class:`Explorer`. Displayed as the
last expression of a notebook cell it shows

* in a live kernel (JupyterLab, Binder, Colab): ipywidgets controls (7 or 8) that redraw
  the figure on every move (the front end picks the widget view of the output);
* on the static site: a self-contained *scrubber* -- the same controls as
  ``<input type="range">`` elements over frames precomputed when the cell ran, plain
  HTML and JavaScript, no kernel and no network (the book's ``_config.yml`` makes the HTML
  builder prefer the ``text/html`` view of the output).

``draw(fig, **values)`` receives a fresh, empty :class:`matplotlib.figure.Figure` and the
current value of every control; it draws on ``fig`` (never through ``pyplot``), so nothing
leaks into the notebook as ``<Figure size ...>`` text.

The modules, one concept each: :mod:`.controls` (the sliders and choices),
:mod:`.layouts` (wide frames, and narrow ones with stacked panels for phones),
:mod:`.frames` (drawing and encoding one frame, with :mod:`.glyphs`, a renderer that
reuses rasterized text, and :mod:`.ticks`, which makes only the ticks that show),
:mod:`.thinning` (which values get a static frame), :mod:`.explorer` (the
:class:`Explorer`), :mod:`.scrubber` (the static HTML, with ``scrubber.js`` and
``scrubber.css``), :mod:`.widget` (the live view) and :mod:`.api` (:func:`explore`).
"""

from .api import explore
from .controls import Choice, FloatSlider, IntSlider, LogSlider
from .explorer import Explorer, registry

__all__ = ["Choice", "Explorer", "FloatSlider", "IntSlider", "LogSlider", "explore", "registry"]
