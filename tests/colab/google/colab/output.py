"""Stand-in for ``google.colab.output``: the widget-manager switches, doing nothing.

On Colab, ``enable_custom_widget_manager()`` lets third-party ipywidgets (8.x) render; the
built-in ipywidgets 7 needs no switch.  Here there is no front end, so both are no-ops.
"""


def enable_custom_widget_manager():
    """Do nothing (Colab enables its custom widget manager)."""


def disable_custom_widget_manager():
    """Do nothing (Colab disables its custom widget manager)."""
