"""Every chapter opens with the generated setup cell, pointing at _config.yml's repository.

The cell's branches (Colab, JupyterLite, elsewhere) are run with stand-ins for the shell
and for piplite; under Pyodide also through the JupyterLite kernel's own ``%pip``
transform (from the kernel's wheels that jupyterlite-pyodide-kernel ships).
"""

import ast
import asyncio
import importlib.util
import json
import sys
import types
import zipfile
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("setup_cell", ROOT / "tools" / "setup_cell.py")
setup_cell = importlib.util.module_from_spec(spec)
spec.loader.exec_module(setup_cell)
NOTEBOOKS = setup_cell.chapters()


def test_reads_the_repository_url_of_the_config():
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    assert setup_cell.repository_url() == config["repository"]["url"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_first_code_cell_is_the_setup_cell(path):
    nb = json.loads(path.read_text())
    cell = nb["cells"][setup_cell.first_code_cell(nb)]
    url = yaml.safe_load((ROOT / "_config.yml").read_text())["repository"]["url"]
    assert cell["id"] == setup_cell.CELL_ID
    assert "".join(cell["source"]) == setup_cell.setup_source(url)
    assert f"git+{url}" in "".join(cell["source"])


def test_check_mode_passes_on_the_committed_chapters():
    assert setup_cell.main(["--check"]) == 0


def test_setup_cell_installs_only_on_colab_or_pyodide_without_reglib():
    source = setup_cell.setup_source("https://example.org/fork")
    lines = source.splitlines()
    assert 'if importlib.util.find_spec("reglib") is None:' in lines
    assert '    if sys.platform == "emscripten":  # JupyterLite: wheels served with the site' in lines
    assert '    elif importlib.util.find_spec("google.colab") is not None:' in lines
    assert '        %pip install --quiet "reglib @ git+https://example.org/fork"' in lines
    assert "        %pip install --quiet reglib ipywidgets scipy scikit-learn" in lines


# ------------------------------------------------------------- the Pyodide (JupyterLite) branch


class _IPython:
    """Records the line magics the setup cell runs (``%pip`` becomes run_line_magic)."""

    def __init__(self):
        self.magics = []

    def run_line_magic(self, name, line):
        self.magics.append((name, line))


@pytest.mark.parametrize("platform, colab, reglib, expected", [
    ("emscripten", False, False, "pyodide"),  # JupyterLite, first run: install from the site
    ("emscripten", False, True, None),        # JupyterLite, run again: nothing
    ("linux", True, False, "colab"),          # Colab, notebook alone
    ("linux", True, True, None),              # Colab, run again
    ("linux", False, False, None),            # elsewhere without reglib: the import explains
    ("linux", False, True, None),             # Binder, JupyterLab, nbval, the book build
])
def test_setup_cell_branches(monkeypatch, platform, colab, reglib, expected):
    """The cell as IPython runs it (``%pip`` -> ``run_line_magic``), with a stand-in shell."""
    from IPython.core.inputtransformer2 import TransformerManager

    url = setup_cell.repository_url()
    code = TransformerManager().transform_cell(setup_cell.setup_source(url))
    present = {"google.colab": colab, "reglib": reglib}
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: object() if present.get(name) else
                        (None if name in present else real(name, *a)))
    monkeypatch.setattr(sys, "platform", platform)
    shell = _IPython()
    exec(compile(code, "<setup cell>", "exec"), {"get_ipython": lambda: shell})
    installs = {
        "pyodide": [("pip", "install --quiet " + " ".join(setup_cell.PYODIDE_PACKAGES))],
        "colab": [("pip", f'install --quiet "reglib @ git+{url}"')],
        None: [],
    }
    assert shell.magics == installs[expected]


def _kernel_wheel_module(wheel_glob, module_path, name):
    """Load one module of a wheel the JupyterLite Pyodide kernel ships (its real code)."""
    static = (Path(sys.prefix) / "share" / "jupyter" / "labextensions" / "@jupyterlite"
              / "pyodide-kernel-extension" / "static" / "pypi")
    wheels = sorted(static.glob(wheel_glob))
    if not wheels:
        pytest.fail(f"no {wheel_glob} in {static}: is jupyterlite-pyodide-kernel installed "
                    "(requirements.txt)?", pytrace=False)
    with zipfile.ZipFile(wheels[-1]) as whl:
        source = whl.read(module_path).decode()
    module = types.ModuleType(name)
    module.__file__ = f"{wheels[-1]}/{module_path}"
    sys.modules[name] = module
    exec(compile(source, module.__file__, "exec"), module.__dict__)
    return module


def test_pyodide_kernel_turns_the_setup_cell_into_one_piplite_install(monkeypatch):
    """The JupyterLite kernel's own transform (pyodide_kernel.litetransform, which hands
    ``%pip`` to piplite.cli) applied to the cell; the result runs with top-level await
    under ``sys.platform == "emscripten"`` and calls ``piplite.install`` once, with the
    packages the chapters need, and nothing else.  piplite itself is a stand-in (it needs
    micropip, i.e. Pyodide); its argument parsing is the real one."""
    calls = []

    async def install(**kwargs):
        calls.append(kwargs)

    fake = types.ModuleType("piplite")
    fake.install = install
    fake.__path__ = []
    for name in ("piplite", "piplite.cli", "_lite_transform"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    monkeypatch.setitem(sys.modules, "piplite", fake)
    cli = _kernel_wheel_module("piplite-*.whl", "piplite/cli.py", "piplite.cli")
    fake.cli = cli
    transform = _kernel_wheel_module("pyodide_kernel-*.whl", "pyodide_kernel/litetransform.py",
                                     "_lite_transform")
    source = setup_cell.setup_source(setup_cell.repository_url())
    code = asyncio.run(transform.LiteTransformerManager().transform_cell(source))
    assert "%pip" not in code
    monkeypatch.setattr(sys, "platform", "emscripten")
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "reglib" else real(name, *a))
    compiled = compile(code, "<setup cell in JupyterLite>", "exec",
                       flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    result = eval(compiled, {"__builtins__": __builtins__})
    if result is not None:
        asyncio.run(result)
    assert calls == [{"requirements": list(setup_cell.PYODIDE_PACKAGES)}]
