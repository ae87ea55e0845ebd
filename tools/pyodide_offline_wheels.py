"""Download PyPI copies of the pure-Python packages of Pyodide's lock (for the offline test).

The offline JupyterLite test (tests/browser/test_jupyterlite.py) serves, in place of the
Pyodide CDN, the core from the npm package ``pyodide`` and these wheels: the pure-Python
packages of ``node_modules/pyodide/pyodide-lock.json`` that the kernel boots with
(micropip, IPython and what it needs, jedi) and that the course needs besides (matplotlib's
and scikit-learn's pure-Python dependencies), at the lock's versions, as PyPI has them.
The test rewrites the lock's file names and hashes to these copies.  The compiled
packages (numpy, matplotlib, scipy, scikit-learn, ...) have no Pyodide wheel on PyPI: only
a browser on the internet gets them (from the CDN).

    python tools/pyodide_offline_wheels.py [DEST]    # default: _build/pyodide-wheels

Run by ``make pyodide-wheels`` (``make test`` needs it); a wheel already there is kept.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import pyodide_pins  # noqa: E402

DEST = ROOT / "_build" / "pyodide-wheels"
#: What the JupyterLite kernel loads from the lock to start (see its worker: micropip, then
#: piplite installs ipykernel, comm, pyodide-kernel, jedi, ipython).
BOOT = ("micropip", "ipython", "jedi")


def pure_packages(lock: dict) -> dict[str, str]:
    """``{name: version}`` of the pure-Python packages the kernel and the course take from the lock."""
    packages = {pyodide_pins._norm(k): v for k, v in lock["packages"].items()}
    closure = pyodide_pins.lock_closure(lock, BOOT + pyodide_pins.FROM_LOCK)
    return {name: version for name, version in sorted(closure.items())
            if packages[pyodide_pins._norm(name)]["file_name"].endswith("-none-any.whl")}


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    dest = Path(argv[0]) if argv else DEST
    if not pyodide_pins.LOCK.is_file():
        raise SystemExit(f"{pyodide_pins.LOCK} is missing: run `make npm` (npm ci) first")
    lock = json.loads(pyodide_pins.LOCK.read_text())
    python = lock["info"]["python"].rsplit(".", 1)[0]  # e.g. 3.14
    dest.mkdir(parents=True, exist_ok=True)
    norm = pyodide_pins._norm
    have = {(norm(p.name.split("-")[0]), p.name.split("-")[1]) for p in dest.glob("*.whl")}
    wanted = pure_packages(lock)
    missing = [f"{n}=={v}" for n, v in wanted.items() if (norm(n), v) not in have]
    if missing:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet",
                        "--disable-pip-version-check", "--no-deps", "--only-binary=:all:",
                        "--implementation", "py", "--python-version", python, "--abi", "none",
                        "--platform", "any", "--dest", str(dest), *missing], check=True)
    print(f"pyodide-offline-wheels: {len(wanted)} pure-Python wheels in {dest} "
          f"({len(missing)} downloaded)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
