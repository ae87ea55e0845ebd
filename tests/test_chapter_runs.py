"""Every chapter runs top to bottom under other seeds, and without its hidden cells.

* ``REGLIB_SEED=101`` and ``202``: each chapter's claims are checked (its hidden cells run)
  on other draws than its default seed, so a claim must hold for any seed.
* Hidden cells removed (``tools/strip_hidden.py``): the code on the page runs on its own,
  as Thebe's live code and a reader copying the page run it.

Each run uses this Python and the repository's reglib (``PYTHONPATH``), from the chapter's
own folder, as nbval does.
"""

import importlib.util

import pytest

from chapter_runner import CHAPTERS, ROOT, kernel_env, read, run_notebook

spec = importlib.util.spec_from_file_location("strip_hidden", ROOT / "tools" / "strip_hidden.py")
strip_hidden = importlib.util.module_from_spec(spec)
spec.loader.exec_module(strip_hidden)

pytestmark = pytest.mark.notebooks
SEEDS = (101, 202)
IDS = [p.name for p in CHAPTERS]


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("path", CHAPTERS, ids=IDS)
def test_chapter_runs_under_another_seed(path, seed, tmp_path):
    run_notebook(read(path), name=f"{path.name} with REGLIB_SEED={seed}", cwd=path.parent,
                 env=kernel_env(PYTHONPATH=ROOT, REGLIB_SEED=seed), workdir=tmp_path)


@pytest.mark.parametrize("path", CHAPTERS, ids=IDS)
def test_chapter_runs_without_its_hidden_cells(path, tmp_path):
    nb = strip_hidden.strip_hidden(read(path))
    run_notebook(nb, name=f"{path.name} without its hidden cells", cwd=path.parent,
                 env=kernel_env(PYTHONPATH=ROOT), workdir=tmp_path)
