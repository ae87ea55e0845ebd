"""Exercise checkers, one module per chapter (``reglib.exercises.<chapter>``).

Every checker returns a :class:`CheckResult`: it prints a verdict in the notebook and is
truthy when the answer matches the reference.
"""

from ._check import CheckResult, check_function, check_value

__all__ = ["CheckResult", "check_function", "check_value"]
