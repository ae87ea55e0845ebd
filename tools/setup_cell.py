"""Write (or check) the setup cell that opens every chapter.

Every chapter's first code cell is the same short cell, generated here from
``_config.yml``'s ``repository.url`` so that a fork's Colab button installs the fork's
reglib.  On Colab, where the notebook arrives alone, it installs reglib from the
repository; in JupyterLite (Pyodide, ``sys.platform == "emscripten"``), from the wheel
served with the site (``_ext/jupyterlite_site.py``), with ``%pip`` (piplite there);
everywhere else (Binder, JupyterLab, nbval, the book build) reglib is already importable
and the cell does nothing.

    python tools/setup_cell.py           # rewrite the cell in every chapter
    python tools/setup_cell.py --check   # exit 1 if any chapter's cell is out of date
"""

import argparse
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
CELL_ID = "setup"


def repository_url(config=ROOT / "_config.yml"):
    """The ``repository.url`` of ``_config.yml`` (read without a YAML dependency)."""
    in_repo = False
    for line in pathlib.Path(config).read_text().splitlines():
        if line.startswith("repository:"):
            in_repo = True
        elif in_repo and line.strip().startswith("url:"):
            return line.split("url:", 1)[1].strip().strip("\"'")
        elif in_repo and line and not line.startswith((" ", "#")):
            break
    raise SystemExit(f"{config}: no repository.url")


#: What the setup cell installs under Pyodide (JupyterLite): reglib (its wheel is served with
#: the site, beside ipywidgets'; numpy and matplotlib come with it) and what the chapters
#: import besides (scipy, scikit-learn) and their live figures need (ipywidgets).
PYODIDE_PACKAGES = ("reglib", "ipywidgets", "scipy", "scikit-learn")


def setup_source(url):
    """The text of the setup cell for a repository at ``url``."""
    return (
        "# Setup: on Colab or in JupyterLite, where this notebook arrives without the course's\n"
        "# files, install the course library, reglib. Everywhere else reglib is installed:\n"
        "# this does nothing.\n"
        "import importlib.util\n"
        "import sys\n"
        "\n"
        "if importlib.util.find_spec(\"reglib\") is None:\n"
        "    if sys.platform == \"emscripten\":  # JupyterLite: wheels served with the site\n"
        f"        %pip install --quiet {' '.join(PYODIDE_PACKAGES)}\n"
        "    elif importlib.util.find_spec(\"google.colab\") is not None:\n"
        f"        %pip install --quiet \"reglib @ git+{url}\"\n"
    )


def chapters():
    """Every notebook of the book: the chapters and the appendix pages."""
    return sorted((ROOT / "chapters").glob("*.ipynb")) + sorted((ROOT / "appendix").glob("*.ipynb"))


def first_code_cell(nb):
    return next((i for i, c in enumerate(nb["cells"]) if c["cell_type"] == "code"), None)


def with_setup_cell(nb, source):
    """Return ``nb`` whose first code cell is the setup cell with ``source``."""
    cell = {"cell_type": "code", "execution_count": None, "id": CELL_ID,
            "metadata": {}, "outputs": [], "source": source.splitlines(keepends=True)}
    i = first_code_cell(nb)
    if i is not None and nb["cells"][i].get("id") == CELL_ID:
        nb["cells"][i] = cell
    else:
        nb["cells"].insert(len(nb["cells"]) if i is None else i, cell)
    return nb


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check, write nothing")
    args = parser.parse_args(argv)
    source = setup_source(repository_url())
    stale = []
    for path in chapters():
        text = path.read_text()
        nb = json.loads(text)
        new = json.dumps(with_setup_cell(nb, source), indent=1, ensure_ascii=False) + "\n"
        if new != text:
            stale.append(path.name)
            if not args.check:
                path.write_text(new)
    if args.check and stale:
        print("setup cell out of date in: " + ", ".join(stale)
              + " (run: python tools/setup_cell.py)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
