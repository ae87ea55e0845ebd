"""Every chapter opens with the generated setup cell, pointing at _config.yml's repository."""

import importlib.util
import json
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


def test_setup_cell_installs_only_on_colab_without_reglib():
    source = setup_cell.setup_source("https://example.org/fork")
    body = source.split("\n")
    guard = "\n".join(line for line in body if line.startswith(("if", "        and")))
    assert 'find_spec("reglib") is None' in guard and 'find_spec("google.colab")' in guard
    assert '%pip install --quiet "reglib @ git+https://example.org/fork"' in source
