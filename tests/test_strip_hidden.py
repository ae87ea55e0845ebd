"""tools/strip_hidden.py removes exactly the code cells whose code is not on the page."""

import importlib.util
import json

from chapter_runner import CHAPTERS, ROOT, read

spec = importlib.util.spec_from_file_location("strip_hidden", ROOT / "tools" / "strip_hidden.py")
strip_hidden = importlib.util.module_from_spec(spec)
spec.loader.exec_module(strip_hidden)


def _cell(kind, tags=(), source="x = 1"):
    return {"cell_type": kind, "id": f"{kind}-{'-'.join(tags) or 'plain'}",
            "metadata": {"tags": list(tags)} if tags else {}, "source": source}


def test_removes_remove_cell_and_remove_input_code_cells_only():
    cells = [_cell("code"), _cell("code", ["remove-cell"]), _cell("code", ["remove-input"]),
             _cell("code", ["hide-input"]), _cell("code", ["remove-output"]),
             _cell("code", ["hide-cell", "remove-cell"]), _cell("markdown", ["remove-cell"])]
    nb = {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    kept = [c["id"] for c in strip_hidden.strip_hidden(nb)["cells"]]
    assert kept == ["code-plain", "code-hide-input", "code-remove-output",
                    "markdown-remove-cell"]
    assert len(nb["cells"]) == len(cells), "the input notebook must not change"


def test_every_chapter_keeps_its_visible_cells_in_order():
    for path in CHAPTERS:
        nb = read(path)
        visible = [c["id"] for c in nb["cells"] if not strip_hidden.is_hidden(c)]
        assert [c["id"] for c in strip_hidden.strip_hidden(nb)["cells"]] == visible


def test_writes_the_stripped_notebook(tmp_path):
    out = tmp_path / "visible.ipynb"
    assert strip_hidden.main([str(CHAPTERS[0]), "-o", str(out)]) == 0
    nb = json.loads(out.read_text())
    assert not any(strip_hidden.is_hidden(c) for c in nb["cells"])
    assert len(nb["cells"]) < len(read(CHAPTERS[0])["cells"])


def test_run_mode_steps_over_markdown_cells(tmp_path):
    # --run executes a stripped notebook that has markdown cells between code cells
    nb = {"cells": [
        {"cell_type": "markdown", "id": "m", "metadata": {}, "source": ["# Title"]},
        {"cell_type": "code", "id": "c", "metadata": {}, "outputs": [], "execution_count": None,
         "source": ["x = 1 + 1"]},
        {"cell_type": "code", "id": "h", "metadata": {"tags": ["remove-cell"]}, "outputs": [],
         "execution_count": None, "source": ["assert x == 2"]},
    ], "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                   "language": "python"}}, "nbformat": 4, "nbformat_minor": 5}
    path = tmp_path / "tiny.ipynb"
    path.write_text(json.dumps(nb))
    assert strip_hidden.run(path) is None
