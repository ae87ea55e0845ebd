"""The chapters and reglib use nothing that cannot work in a browser (JupyterLite's Pyodide).

Pyodide runs Python compiled to WebAssembly in the page: no threads, no processes, no
sockets, and a file system holding only the notebook's folder.  This reads the code of
every chapter and appendix notebook (IPython syntax turned into Python first) and every
module of reglib, and fails on:

* an import of ``threading``, ``_thread``, ``multiprocessing``, ``concurrent``,
  ``subprocess``, ``socket``, ``http.client``, ``urllib.request``, ``requests``,
  ``webbrowser`` or ``tkinter`` (threads, processes, the network, a desktop);
* a call of ``os.system``, ``os.popen``, ``os.fork``, ``os.spawn*``, ``os.exec*``,
  ``os.chdir``;
* ``n_jobs=`` other than ``None`` or ``1`` (joblib would start workers);
* a file path outside the notebook's folder: a string starting with ``/``, ``~`` or ``..``
  given to ``open``, ``Path``, ``savefig``, ``np.load``/``loadtxt``/``genfromtxt``/``save``.

``tests/test_pyodide.py`` runs the chapters on Pyodide's package versions; this checks what
a version pin cannot.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from IPython.core.inputtransformer2 import TransformerManager

from chapter_runner import CHAPTERS, ROOT

FORBIDDEN_MODULES = {"threading", "_thread", "multiprocessing", "concurrent", "subprocess",
                     "socket", "http.client", "urllib.request", "requests", "webbrowser",
                     "tkinter"}
FORBIDDEN_OS = {"system", "popen", "fork", "forkpty", "chdir", "startfile"}
FILE_CALLS = {"open", "Path", "savefig", "load", "loadtxt", "genfromtxt", "save", "savez",
              "read_csv", "imread", "imsave"}
MODULES = sorted((ROOT / "reglib").rglob("*.py"))


def _forbidden_module(name: str) -> bool:
    return any(name == m or name.startswith(m + ".") for m in FORBIDDEN_MODULES)


def _call_name(func) -> tuple[str | None, str | None]:
    """(object, attribute) of ``obj.attr(...)``, or (None, name) of ``name(...)``."""
    if isinstance(func, ast.Attribute):
        base = func.value.id if isinstance(func.value, ast.Name) else None
        return base, func.attr
    if isinstance(func, ast.Name):
        return None, func.id
    return None, None


def problems(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        where = f"line {getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Import):
            found += [f"{where}: import {a.name}" for a in node.names if _forbidden_module(a.name)]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if _forbidden_module(node.module):
                found.append(f"{where}: from {node.module} import ...")
        elif isinstance(node, ast.Call):
            base, name = _call_name(node.func)
            if base == "os" and (name in FORBIDDEN_OS or (name or "").startswith(("spawn", "exec"))):
                found.append(f"{where}: os.{name}(...)")
            for kw in node.keywords:
                if kw.arg == "n_jobs" and not (isinstance(kw.value, ast.Constant)
                                               and kw.value.value in (None, 1)):
                    found.append(f"{where}: n_jobs={ast.unparse(kw.value)}")
            if name in FILE_CALLS:
                for arg in node.args[:1]:
                    if (isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                            and arg.value.startswith(("/", "~", ".."))):
                        found.append(f"{where}: {name}({arg.value!r}) outside the notebook's folder")
    return found


def _notebook_code(path: Path) -> str:
    nb = json.loads(path.read_text())
    cells = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
    return "\n".join(TransformerManager().transform_cell(src) for src in cells)


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.name for p in CHAPTERS])
def test_notebook_uses_nothing_a_browser_cannot_do(path):
    found = problems(ast.parse(_notebook_code(path)))
    assert not found, f"{path.name} would fail in JupyterLite (Pyodide): {found}"


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(ROOT)) for p in MODULES])
def test_reglib_uses_nothing_a_browser_cannot_do(path):
    found = problems(ast.parse(path.read_text()))
    assert not found, f"{path.relative_to(ROOT)} would fail in JupyterLite (Pyodide): {found}"


@pytest.mark.parametrize("code", [
    "import threading", "from concurrent.futures import ThreadPoolExecutor",
    "import subprocess", "from multiprocessing import Pool", "import urllib.request",
    "os.system('ls')", "Ridge().fit(X, y, n_jobs=-1)", "GridSearchCV(m, g, n_jobs=2)",
    "open('/etc/passwd')", "np.loadtxt('../data.csv')", "fig.savefig('~/x.png')",
    "Path('/tmp/x')",
])
def test_the_check_catches(code):
    assert problems(ast.parse(code)), code


@pytest.mark.parametrize("code", [
    "import numpy as np", "from threadpoolctl import threadpool_limits",
    "LassoCV(n_jobs=None)", "open('frames/x.png')", "os.environ.get('REGLIB_SEED')",
    "import importlib.util",
])
def test_the_check_allows(code):
    assert not problems(ast.parse(code)), code
