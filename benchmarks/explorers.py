"""Live-update speed of every interactive figure in every chapter.

Runs each chapter notebook in a fresh kernel (from its own folder, as on Binder), then,
in the same kernel, times every explorer the chapter created: each control is moved
across its whole grid while the others stay at their defaults, and every update is a full
compute + draw + PNG encode (no cached frames).  Prints the median update per explorer,
each chapter's Run All time, and last the worst median.

    .venv/bin/python benchmarks/explorers.py [chapters/02_ridge.ipynb ...]

Budget: median update at most 70 ms (issue 18); Run All under 20 s.  Times are wall
clock, as a reader waits; each row also gives the kernel's mean CPU time per update,
which a busy machine inflates less.
"""

import json
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
import json as _json, statistics as _st, time as _time
from reglib.explore import registry as _registry
_rows = []
for _e in _registry():
    _c0 = _time.process_time()
    _t = _e.time_updates()
    _cpu = 1000 * (_time.process_time() - _c0) / len(_t)
    _rows.append({"title": _e.title or "explorer", "controls": list(_e.controls),
                  "median_ms": _st.median(_t), "max_ms": max(_t), "updates": len(_t),
                  "cpu_ms": _cpu})
print("REGLIB_EXPLORERS " + _json.dumps(_rows))
"""


def run(path: Path) -> tuple[float, list]:
    nb = nbformat.read(path, as_version=4)
    n_cells = len(nb.cells)
    nb.cells.append(nbformat.v4.new_code_cell(PROBE))
    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    # Run All without the probe, timed, then the probe in the same kernel.
    with client.setup_kernel():
        t0 = time.perf_counter()
        for i, cell in enumerate(nb.cells[:n_cells]):
            client.execute_cell(cell, i)
        run_all = time.perf_counter() - t0
        client.execute_cell(nb.cells[-1], n_cells)
    text = "".join(o.get("text", "") for o in nb.cells[-1].outputs if o.get("name") == "stdout")
    line = next(l for l in text.splitlines() if l.startswith("REGLIB_EXPLORERS "))
    return run_all, json.loads(line.split(" ", 1)[1])


def main(argv: list[str]) -> int:
    paths = [Path(a).resolve() for a in argv] or sorted((ROOT / "chapters").glob("*.ipynb"))
    worst = worst_cpu = 0.0
    for path in paths:
        run_all, rows = run(path)
        print(f"{path.name}: Run All {run_all:.1f} s, {len(rows)} explorers")
        for r in rows:
            print(f"  {r['title'][:48]:<48} median {r['median_ms']:6.1f} ms  "
                  f"max {r['max_ms']:6.1f} ms  cpu {r['cpu_ms']:6.1f} ms  "
                  f"({r['updates']} updates over {', '.join(r['controls'])})")
            worst = max(worst, r["median_ms"])
            worst_cpu = max(worst_cpu, r["cpu_ms"])
    print(f"worst median update: {worst:.0f} ms (worst mean CPU per update: {worst_cpu:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
