"""Remove a chapter's hidden cells, to run the code a reader sees on its own.

On the site, a code cell tagged ``remove-cell`` is not shown at all and one tagged
``remove-input`` shows only its output: neither's code is on the page.  Thebe's live code,
and a reader who copies the page's code, run the chapter without them, so hidden cells may
only check and glue; they must define nothing a visible cell needs.  This tool writes a
chapter without its hidden cells, or runs it that way top to bottom.

    python tools/strip_hidden.py chapters/01_cost.ipynb -o /tmp/01_visible.ipynb
    python tools/strip_hidden.py --run chapters/*.ipynb

``--run`` executes each stripped chapter in a fresh kernel of this Python, from the
chapter's folder, and names the first visible cell that fails (exit status 1).  Set
``PYTHONPATH`` to the repository when reglib is not installed (``make test`` does the same
in ``tests/test_chapter_runs.py``).
"""

import argparse
import copy
import json
import sys
import tempfile
from pathlib import Path

#: Tags that keep a code cell's source off the page.
HIDDEN_TAGS = ("remove-cell", "remove-input")


def is_hidden(cell):
    """Whether the cell's code is not on the page (a code cell tagged remove-cell/-input)."""
    tags = cell.get("metadata", {}).get("tags", [])
    return cell.get("cell_type") == "code" and any(t in HIDDEN_TAGS for t in tags)


def strip_hidden(nb):
    """A copy of notebook ``nb`` (a dict or NotebookNode) without its hidden code cells."""
    out = copy.deepcopy(nb)
    out["cells"] = [cell for cell in out["cells"] if not is_hidden(cell)]
    return out


def run(path, timeout=600):
    """Run chapter ``path`` without its hidden cells; return an error message or None."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.reads(json.dumps(strip_hidden(json.loads(Path(path).read_text()))),
                        as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(Path(path).parent)}})
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            try:
                client.execute_cell(cell, index)  # a markdown cell is skipped
                errors = [o for o in cell.get("outputs", []) if o.output_type == "error"]
                if errors:  # raised while displaying the result: the kernel said "ok"
                    raise CellExecutionError("", errors[0].ename, errors[0].evalue)
            except CellExecutionError as exc:
                return (f"{path}: visible cell {cell.get('id')} fails without the hidden "
                        f"cells: {exc.ename}: {exc.evalue}")
    return None


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("-o", "--output", type=Path,
                        help="where to write the stripped notebook (one input only)")
    parser.add_argument("--run", action="store_true",
                        help="run each stripped notebook top to bottom instead of writing it")
    args = parser.parse_args(argv)
    if args.run:
        failures = [msg for msg in map(run, args.notebooks) if msg]
        for msg in failures:
            print(msg, file=sys.stderr)
        print(f"{len(args.notebooks) - len(failures)} passed, {len(failures)} failed")
        return 1 if failures else 0
    if args.output and len(args.notebooks) != 1:
        parser.error("-o takes one notebook")
    for path in args.notebooks:
        out = args.output or Path(tempfile.gettempdir()) / f"{path.stem}.visible.ipynb"
        out.write_text(json.dumps(strip_hidden(json.loads(path.read_text())), indent=1,
                                  ensure_ascii=False) + "\n")
        print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
