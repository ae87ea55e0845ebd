"""Glue a computed value into the book's prose, wherever the notebook runs.

On the site, ``myst_nb.glue`` stores the value so that ``{glue:text}`name``` in the text
shows it.  On Colab, JupyterLite or any kernel without myst-nb, gluing has nothing to do:
the value is already in the notebook, so :func:`glue` quietly does nothing there and the
chapter runs on with only reglib's own dependencies.
"""

import numpy as np

try:  # pragma: no cover - which branch runs depends on the environment
    from myst_nb import glue as _myst_glue
except ImportError:  # Colab, JupyterLite, a plain kernel
    _myst_glue = None


def glue(name, variable, display=True):
    """Store ``variable`` under ``name`` for the book, as ``myst_nb.glue`` does.

    Parameters
    ----------
    name : str
        The key the prose refers to, e.g. ``{glue:text}`name:.3f```.
    variable : object
        The value to glue; a numpy scalar is glued as the Python number it holds.
    display : bool, default True
        Whether to also display the value in the notebook (myst-nb's meaning).

    Returns
    -------
    None
        With myst-nb installed, exactly what ``myst_nb.glue`` does; without it, nothing
        (and nothing is displayed).

    Raises
    ------
    TypeError
        If ``name`` is not a non-empty string.
    """
    if not isinstance(name, str) or not name:
        raise TypeError(f"name must be a non-empty string, got {name!r}")
    if isinstance(variable, np.generic):
        # numpy 2 writes a scalar as "np.float64(10.0)", which a format spec in the prose
        # ({glue:text}`name:.2f`) cannot read: glue the plain Python number instead
        variable = variable.item()
    if _myst_glue is not None:
        _myst_glue(name, variable, display=display)
