"""Every chapter runs as the Colab button runs it: in a Colab-like kernel, notebook alone.

The kernel is ``.venv-colab`` (``make colab-venv``, from ``tests/colab/requirements.txt``):
ipywidgets 7.7.1 and versions of numpy, scipy, matplotlib and scikit-learn close to
Colab's, no myst-nb and no Sphinx, a stub ``google.colab`` (importable, as on Colab), and
reglib installed from a copy of the repository as ``pip install .`` installs it.  Each
chapter runs from an empty folder, where the repository's reglib is not importable, with a
``%pip`` that fails: the setup cell must find reglib and install nothing.  Every explorer
must show a live widget there (ipywidgets 7 has no ``_repr_mimebundle_`` on its widgets).

The setup cell's other branches (installing reglib on Colab or JupyterLite where it is
missing) are tested in ``tests/test_setup_cell.py`` with a stand-in IPython.
"""

import hashlib
import json
import subprocess
from pathlib import Path

import pytest

from chapter_runner import CHAPTERS, ROOT, kernel_env, read, run_notebook

VENV = ROOT / ".venv-colab"
PYTHON = VENV / "bin" / "python"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"

#: Prepended to every chapter: a %pip that fails, so an install attempt is an error.
NO_PIP = (
    "def _no_pip(line):\n"
    "    raise AssertionError('the setup cell ran %pip ' + line + ' although reglib is "
    "installed')\n"
    "get_ipython().register_magic_function(_no_pip, 'line', 'pip')\n"
    "del _no_pip\n"
)

#: Run by the Colab-like Python from an empty folder: what it can import, and from where.
PROBE = """
import hashlib, importlib.metadata as md, importlib.util as u, json, pathlib, sys
import reglib
pkg = pathlib.Path(reglib.__file__).parent
print(json.dumps({
    "python": sys.version.split()[0],
    "ipywidgets": md.version("ipywidgets"),
    "google.colab": u.find_spec("google.colab") is not None,
    "myst_nb": u.find_spec("myst_nb") is not None,
    "sphinx": u.find_spec("sphinx") is not None,
    "reglib_dir": str(pkg),
    "reglib_editable": any(p.name.endswith(".pth") and "reglib" in p.read_text()
                           for p in pkg.parent.glob("*.pth")),
    "reglib_files": {str(p.relative_to(pkg)): hashlib.sha256(p.read_bytes()).hexdigest()
                     for p in sorted(pkg.rglob("*.py"))},
    "imported": sorted({m.split(".")[0] for m in sys.modules}),
}))
"""


def _colab_python():
    if not PYTHON.exists():
        pytest.fail(f"no Colab-like environment at {VENV}: run `make colab-venv` "
                    "(make test builds it)", pytrace=False)
    return PYTHON


def _env(**extra):
    return kernel_env(PATH=f"{VENV / 'bin'}:{kernel_env()['PATH']}", **extra)


@pytest.fixture(scope="module")
def probe(tmp_path_factory):
    python = _colab_python()
    cwd = tmp_path_factory.mktemp("content")
    proc = subprocess.run([str(python), "-c", PROBE], cwd=cwd, env=_env(),
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, f"the Colab-like Python cannot import reglib:\n{proc.stderr}"
    return json.loads(proc.stdout)


@pytest.mark.notebooks
def test_the_environment_is_colab_like(probe):
    assert probe["ipywidgets"] == "7.7.1"
    assert probe["google.colab"], "google.colab must be importable, as on Colab"
    assert not probe["myst_nb"] and not probe["sphinx"], \
        "myst-nb or Sphinx is installed: reglib's dependencies must not pull them in"


@pytest.mark.notebooks
def test_reglib_is_installed_like_pip_install_dot_from_the_current_sources(probe):
    installed = Path(probe["reglib_dir"])
    assert installed.parent.name == "site-packages" and VENV in installed.parents, (
        f"reglib is not imported from the Colab-like site-packages: {installed}")
    assert not probe["reglib_editable"], "reglib is installed editable (a .pth to the sources)"
    source = ROOT / "reglib"
    here = {str(p.relative_to(source)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(source.rglob("*.py"))}
    assert probe["reglib_files"] == here, (
        "the Colab-like environment's reglib differs from reglib/ (run `make colab-venv`): "
        f"{sorted(k for k in here.keys() | probe['reglib_files'].keys() if here.get(k) != probe['reglib_files'].get(k))}")


@pytest.mark.notebooks
def test_import_reglib_needs_only_its_base_dependencies(probe):
    """``import reglib`` loads no optional package, though Colab has them all installed."""
    optional = {"sklearn", "scipy", "ipywidgets", "myst_nb", "sphinx", "IPython"}
    assert not optional & set(probe["imported"]), sorted(optional & set(probe["imported"]))


def _explorer_outputs(nb):
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if ("data-reglib-explorer" in data.get("text/html", "") or WIDGET_VIEW in data
                    or data.get("text/plain", "").startswith("Interactive figure")):
                yield cell, data


@pytest.mark.notebooks
@pytest.mark.parametrize("path", CHAPTERS, ids=[p.name for p in CHAPTERS])
def test_chapter_runs_on_colab(path, tmp_path):
    python = _colab_python()
    content = tmp_path / "content"  # Colab's working folder: the notebook alone
    content.mkdir()
    nb = read(path)
    nb["cells"].insert(0, {"cell_type": "code", "execution_count": None, "id": "no-pip",
                           "metadata": {}, "outputs": [], "source": NO_PIP})
    nb = run_notebook(nb, name=f"{path.name} in the Colab-like kernel", cwd=content,
                      env=_env(), workdir=tmp_path, python=python)
    explorers = list(_explorer_outputs(nb))
    if "explore(" not in "".join("".join(c["source"]) for c in read(path)["cells"]):
        assert not explorers, f"{path.name}: explorer output from a page without explorers"
        return  # a reference page (appendix): it ran, and has no figure to check
    assert explorers, f"{path.name}: no explorer output at all"
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    for cell, data in explorers:
        where = f"{path.name} cell {cell.get('id')}"
        assert WIDGET_VIEW in data, f"{where}: the explorer shows no live widget under " \
                                    f"ipywidgets 7.7.1 (output types {sorted(data)})"
        model = data[WIDGET_VIEW]["model_id"]
        assert model in state, f"{where}: widget view {model} has no model in the kernel"
