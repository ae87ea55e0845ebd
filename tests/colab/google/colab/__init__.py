"""A stand-in for Colab's ``google.colab`` package, for the Colab-like test kernel.

Importable, as on Colab, so code that asks "am I on Colab?" (``importlib.util.find_spec(
"google.colab")``, as every chapter's setup cell does) gets Colab's answer.  It provides
nothing else of Colab but the no-op ``output.enable_custom_widget_manager``.
"""

from . import output  # noqa: F401

__version__ = "0.0.0+reglib.stub"
