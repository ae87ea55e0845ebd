"""Tests of the book's sources: the TOC, the chapter standard, clean notebooks."""

import json
import re
from pathlib import Path

import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "chapters").glob("*.ipynb"))
PAGES = NOTEBOOKS + sorted((ROOT / "appendix").glob("*.ipynb"))  # chapters and reference pages
TOPICS = {"cost": "cost", "ridge": "ridge", "lasso": "lasso", "choos|select|valid": "choosing",
          "bayes": "bayes", "dropout": "dropout", "implicit|early": "implicit"}


def toc_files():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [toc["root"]]
    for part in toc.get("parts", []):
        files += [c["file"] for c in part.get("chapters", [])]
    return files


def test_every_toc_entry_exists_and_every_chapter_is_in_the_toc():
    files = toc_files()
    for f in files:
        assert any((ROOT / f).with_suffix(s).exists() for s in (".md", ".ipynb")), f
    for nb in NOTEBOOKS:
        assert f"chapters/{nb.stem}" in files, f"{nb.name} is not in _toc.yml"


def test_the_design_chapters_are_all_there():
    names = [nb.stem for nb in NOTEBOOKS]
    for pattern in TOPICS:
        assert any(re.search(pattern, n) for n in names), f"no chapter matching {pattern!r}"


@pytest.fixture(params=NOTEBOOKS, ids=[nb.name for nb in NOTEBOOKS])
def notebook(request):
    return nbformat.read(request.param, as_version=4)


def test_notebook_is_committed_without_outputs(notebook):
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


def test_notebook_uses_the_python3_kernel(notebook):
    assert notebook.metadata["kernelspec"]["name"] == "python3"


def markdown(nb):
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def code(nb):
    return "\n".join(c.source for c in nb.cells if c.cell_type == "code")


def test_chapter_standard(notebook):
    md, src = markdown(notebook), code(notebook)
    assert len(re.findall(r"^# ", md, re.M)) == 1, "exactly one H1 title"
    assert re.search(r"(learning objectives|you will be able to|by the end)", md, re.I)
    assert src.count("explore(") >= 2, "at least two interactive figures"
    assert len(re.findall(r"```+\{exercise\}", md)) >= 3, "at least three exercises"
    assert len(re.findall(r"```+\{solution\}", md)) >= 3, "at least three solutions"
    assert len(re.findall(r":class: dropdown", md)) >= 3, "solutions are dropdowns"
    assert re.search(r":class: misconception", md), "a misconception callout"
    assert "{cite}" in md or "{cite:" in md, "cites its sources"
    assert "{glue" in md and "glue(" in src, "numbers in the prose are glued"
    checks = [c for c in notebook.cells if "remove-cell" in c.metadata.get("tags", [])]
    assert checks and any("assert" in c.source for c in checks), "hidden check cells"
    assert "default_rng(" in src, "a seeded rng"
    assert "sys.path" not in src, "no path tricks: reglib is installed"
    assert "np.linalg.inv(" not in src, "solve, do not invert"


# Chapters whose check and glue code lives only in hidden cells (the standard: "hidden cells
# only check and glue"). Other chapters still glue from some visible cells; add a chapter
# here once it follows the rule.
HIDDEN_CHECKS_ONLY = [p.stem for p in PAGES]
HIDDEN = {"remove-cell", "remove-input"}


@pytest.mark.parametrize("name", HIDDEN_CHECKS_ONLY)
def test_checks_and_glue_are_never_shown_on_the_site(name):
    path = next(p for p in PAGES if p.stem == name)
    nb = nbformat.read(path, as_version=4)
    shown = [c.get("id") for c in nb.cells if c.cell_type == "code"
             and not HIDDEN & set(c.metadata.get("tags", []))
             and (re.search(r"^\s*assert\b", c.source, re.M) or re.search(r"\bglue\(", c.source))]
    assert not shown, f"code cells with assert/glue that the site would show: {shown}"


def test_config_prefers_static_html_and_never_serves_stale_outputs():
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    assert config["execute"]["execute_notebooks"] == "force"
    overrides = config["sphinx"]["config"]["nb_mime_priority_overrides"]
    assert ["html", "text/html", 0] in overrides
    assert config["sphinx"]["config"]["nb_execution_raise_on_error"] is True


def test_requirements_are_pinned_and_install_reglib():
    lines = [l.strip() for l in (ROOT / "requirements.txt").read_text().splitlines()
             if l.strip() and not l.startswith("#")]
    assert lines[-1] == "-e ."
    unpinned = [l for l in lines[:-1] if "==" not in l]
    assert not unpinned, f"unpinned requirements: {unpinned}"
    names = {l.split("==")[0].lower() for l in lines[:-1]}
    for needed in ["jupyter-book", "numpy", "matplotlib", "ipywidgets", "nbval", "scikit-learn",
                   "myst-nb", "sphinx-exercise", "sphinxcontrib-bibtex", "playwright", "jupyterlab"]:
        assert needed in names, needed
    assert next(l for l in lines if l.lower().startswith("jupyter-book==")).split("==")[1].startswith("1.")
