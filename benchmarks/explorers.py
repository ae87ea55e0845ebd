"""Live-update speed of every interactive figure in every chapter, with a load reference.

Runs each chapter notebook in a fresh kernel (from its own folder, as on Binder), then,
in the same kernel, times every explorer the chapter created: each control is moved
across its whole grid while the others stay at their defaults, and every update is a full
compute + draw + PNG encode (no cached frames).

    .venv/bin/python benchmarks/explorers.py [chapters/02_ridge.ipynb ...]

The machine may be shared, so each row has three measures of one explorer's updates:

* ``wall``: median wall-clock time, as a reader waits (budget 70 ms, issue 18);
* ``cpu``: median CPU time of the kernel's thread per update (less inflated by load);
* ``ref``: the same two medians for a fixed *reference* update -- a two-panel figure of
  the same pixel size drawn with plain matplotlib (no reglib) and encoded as a PNG --
  timed in the same kernel just before and just after the explorer; the explorer's
  ``x ref`` ratios (wall / reference wall, CPU / reference CPU) compare runs made under
  different loads or on different machines.

Each chapter's Run All time (budget 20 s) is printed too; the last line gives the worst
median (wall and CPU) with its ratio to the reference.
"""

import json
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
import gc as _gc, io as _io, json as _json, statistics as _st, time as _time
import numpy as _np
from matplotlib.backends.backend_agg import FigureCanvasAgg as _Canvas, RendererAgg as _Agg
from matplotlib.figure import Figure as _Figure
from PIL import Image as _Image
from reglib.explore import registry as _registry

_agg = _Agg(640, 380, 100)  # kept, as its text caches are: a steady workload

def _reference():  # fixed work of the kind of an update, in plain matplotlib (no reglib)
    fig = _Figure(figsize=(6.4, 3.8), dpi=100)
    canvas = _Canvas(fig)
    x = _np.linspace(0, 1, 200)
    a, b = fig.subplots(1, 2)
    for k in range(1, 4):
        a.plot(x, _np.sin(2 * _np.pi * k * x), label=f"k = {k}")
        b.plot(x, _np.exp(k * x), label=f"exp({k}x)")
    a.set(xlabel="x", ylabel="y", title="reference")
    b.set(xlabel="x", title="reference")
    a.legend(fontsize=7, loc="upper right")
    b.legend(fontsize=7, loc="upper left")
    canvas.renderer, canvas._lastKey = _agg, (640, 380, 100)
    canvas.draw()
    _Image.fromarray(_np.asarray(canvas.buffer_rgba())[..., :3]).save(_io.BytesIO(), format="PNG")

def _timed(update):
    w0, c0 = _time.perf_counter(), _time.thread_time()
    update()
    return 1000 * (_time.perf_counter() - w0), 1000 * (_time.thread_time() - c0)

def _ref(n=5):  # the collector paused, so that the heap's size does not matter
    _gc.disable()
    try:
        return [_timed(_reference) for _ in range(n)]
    finally:
        _gc.enable()
        _gc.collect(0)

_ref(2)  # warm up
_rows = []
for _e in _registry():
    _r = _ref()
    _t = [_timed(lambda: _e.render(**{_n: _v}))
          for _n, _c in _e.controls.items() for _v in _c.values]
    _r += _ref()
    _rows.append({"title": _e.title or "explorer", "controls": list(_e.controls),
                  "updates": len(_t), "wall": _st.median(w for w, _ in _t),
                  "cpu": _st.median(c for _, c in _t), "max": max(w for w, _ in _t),
                  "ref_wall": _st.median(w for w, _ in _r), "ref_cpu": _st.median(c for _, c in _r)})
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
    worst = worst_cpu = None
    for path in paths:
        run_all, rows = run(path)
        print(f"{path.name}: Run All {run_all:.1f} s, {len(rows)} explorers")
        for r in rows:
            r["x_wall"], r["x_cpu"] = r["wall"] / r["ref_wall"], r["cpu"] / r["ref_cpu"]
            print(f"  {r['title'][:44]:<44} wall {r['wall']:5.1f} ms (max {r['max']:5.1f})  "
                  f"cpu {r['cpu']:5.1f} ms  ref {r['ref_wall']:4.1f}/{r['ref_cpu']:4.1f} ms  "
                  f"x ref {r['x_wall']:4.2f}/{r['x_cpu']:4.2f}  "
                  f"({r['updates']} updates over {', '.join(r['controls'])})")
            if worst is None or r["wall"] > worst["wall"]:
                worst = r
            if worst_cpu is None or r["cpu"] > worst_cpu["cpu"]:
                worst_cpu = r
    if worst is None:
        print("no explorers")
        return 0
    print(f"worst median update: wall {worst['wall']:.0f} ms ({worst['x_wall']:.2f} x ref), "
          f"cpu {worst_cpu['cpu']:.0f} ms ({worst_cpu['x_cpu']:.2f} x ref)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
