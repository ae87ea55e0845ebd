"""Run a chapter notebook top to bottom in a kernel of a chosen Python (a test helper).

Used by ``test_chapter_runs.py`` (other seeds; hidden cells removed) and ``test_colab.py``
(a Colab-like kernel).  The kernel's Python, working directory and environment are given
explicitly, so a run tests exactly one setting; a failing cell is named by its index and id,
with the error and the end of its traceback.  A cell that leaves an error output fails too,
even when the kernel reports success (IPython shows an exception raised while *displaying*
a result, e.g. in ``_repr_mimebundle_``, that way).
"""

import json
import os
import re
import sys
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb")) + sorted((ROOT / "appendix").glob("*.ipynb"))
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")

#: Variables a kernel never inherits from the test process: each run sets what it needs.
_DROPPED = ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV", "REGLIB_SEED",
            "JUPYTER_PATH", "MPLBACKEND")


def read(path):
    """The notebook at ``path`` as a plain dict."""
    return json.loads(Path(path).read_text())


def kernel_env(**extra):
    """This process's environment without Python/course settings, plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if k not in _DROPPED}
    env.update({k: str(v) for k, v in extra.items()})
    return env


def run_notebook(nb, *, name, cwd, env, workdir, python=sys.executable, timeout=600):
    """Execute notebook ``nb`` (a dict) cell by cell; return the executed NotebookNode.

    The kernel is ``python -m ipykernel_launcher`` started in ``cwd`` with exactly ``env``;
    its kernel spec is written under ``workdir``.  Raises AssertionError naming the first
    cell that fails.
    """
    specs = Path(workdir) / "kernels"
    (specs / "chapter").mkdir(parents=True, exist_ok=True)
    (specs / "chapter" / "kernel.json").write_text(json.dumps({
        "argv": [str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "chapter run", "language": "python"}))
    km = AsyncKernelManager(kernel_name="chapter",
                            kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(specs)]))
    nb = nbformat.reads(json.dumps(nb), as_version=4)  # sources joined, as on disk
    client = NotebookClient(nb, km=km, timeout=timeout, kernel_name="chapter",
                            extra_arguments=["--HistoryManager.hist_file=:memory:"],
                            resources={"metadata": {"path": str(cwd)}})
    with client.setup_kernel(env=env):
        for index, cell in enumerate(nb.cells):
            try:
                client.execute_cell(cell, index)
                # An exception in a display formatter (e.g. _repr_mimebundle_) leaves an
                # error output although the cell "succeeded": a failure all the same.
                error = next((o for o in cell.get("outputs", []) if o.output_type == "error"),
                             None)
                if error is not None:
                    raise CellExecutionError("\n".join(error.get("traceback", [])),
                                             error.get("ename"), error.get("evalue"))
            except CellExecutionError as exc:
                source = cell.source.splitlines()
                head = "\n".join("    " + line for line in source[:8])
                tail = "\n".join(_ANSI.sub("", exc.traceback or "").splitlines()[-15:])
                raise AssertionError(
                    f"{name}: cell {index} (id {cell.get('id')}) raised "
                    f"{exc.ename}: {_ANSI.sub('', exc.evalue)}\n{head}\n{tail}") from None
        client.set_widgets_metadata()
    return nb
