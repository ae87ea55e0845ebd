"""Binder can build the course: the Python repo2docker picks installs every pinned line.

repo2docker (a pinned test dependency) is asked which Python it would use: ``repo2docker
--no-build --debug .`` writes the Dockerfile without Docker, printing "Building conda
environment for python=X.Y" and naming the conda lock file it would install, which pins the
exact X.Y.Z.  pip is then asked, for exactly that Python, whether every line of
``requirements.txt`` installs from wheels (``--dry-run``: nothing is installed).  The last
line, ``-e .``, is the course's own package: it needs a source build, which pip does not
check against a foreign Python, so its metadata is checked here instead (Requires-Python
admits Binder's Python, and every dependency is met by a pinned line).

These tests need the package registry (PyPI), as ``make test`` does anyway.
"""

import json
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
#: What ``pip freeze`` never lists (so requirements.txt cannot pin it).
FREEZE_EXCLUDES = {"pip", "setuptools", "wheel", "distribute"}


def _local(line):
    """Whether a requirements line installs a local project (``-e .``, ``.``, a path)."""
    spec = line.split("#", 1)[0].strip()
    if spec.startswith(("-e", "--editable")):
        return True
    return spec.startswith((".", "/", "file:"))


def requirement_lines(path=ROOT / "requirements.txt"):
    """The non-empty, non-comment lines of requirements.txt."""
    lines = [line.split("#", 1)[0].strip() for line in path.read_text().splitlines()]
    return [line for line in lines if line]


def pins(lines):
    """{canonical name: Version} of the ``name==version`` lines."""
    out = {}
    for line in lines:
        if _local(line):
            continue
        req = Requirement(line)
        (spec,) = req.specifier  # a full freeze: exactly one == per line
        assert spec.operator == "==", f"requirements.txt line {line!r} is not pinned with =="
        out[canonicalize_name(req.name)] = Version(spec.version)
    return out


def runtime_version():
    """The Python version of runtime.txt (``python-X.Y``)."""
    text = (ROOT / "runtime.txt").read_text().strip()
    m = re.fullmatch(r"python-(\d+\.\d+)", text)
    assert m, f"runtime.txt must read python-X.Y (repo2docker's spelling), got {text!r}"
    return m.group(1)


@pytest.fixture(scope="module")
def repo2docker():
    """What ``repo2docker --no-build --debug .`` prints: (x.y, x.y.z, full output)."""
    exe = shutil.which("repo2docker", path=str(BIN)) or shutil.which("repo2docker")
    assert exe, "repo2docker is not installed (it is pinned in requirements.txt: make venv)"
    proc = subprocess.run([exe, "--no-build", "--debug", "."], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, f"repo2docker --no-build failed:\n{out[-3000:]}"
    m = re.search(r"Building conda environment for python=(\d+\.\d+)", out)
    assert m, f"repo2docker did not say which Python it uses:\n{out[:2000]}"
    minor = m.group(1)
    # The lock file it copies to /tmp/env/environment.lock pins the exact Python; the
    # Dockerfile names it escaped (escapism, '-' as escape character).
    from escapism import unescape
    copy = re.search(r"COPY\s+\S+\s+build_script_files/(\S+)\s+/tmp/env/environment\.lock", out)
    assert copy, f"repo2docker's Dockerfile copies no environment.lock:\n{out[:3000]}"
    # the name is the escaped path, '-', then a hex hash: drop the hash before unescaping
    # (else '-de...' of the hash would read as an escaped byte)
    slug = copy.group(1).rsplit("-", 1)[0]
    src = re.search(r"(/\S*environment\.py-[\d.]+-[\w-]+?\.lock)", unescape(slug, "-"))
    assert src and Path(src.group(1)).is_file(), f"cannot find the lock file {copy.group(1)}"
    py = re.search(r"/python-(\d+\.\d+\.\d+)-", Path(src.group(1)).read_text())
    assert py, f"{src.group(1)} pins no python"
    exact = py.group(1)
    print(f"\nrepo2docker: {m.group(0)} (lock file {Path(src.group(1)).name}: python {exact})")
    return minor, exact, out


def test_repo2docker_uses_the_python_of_runtime_txt(repo2docker):
    minor, exact, out = repo2docker
    assert "Python version unspecified" not in out, "repo2docker fell back to its default Python"
    assert minor == runtime_version(), f"repo2docker picks Python {minor}, runtime.txt says " \
                                       f"{runtime_version()}"
    assert exact.startswith(minor + ".")


def _dry_run(args, tmp_path, name):
    """pip install --dry-run ARGS into a throw-away target; (returncode, output, report)."""
    report = tmp_path / f"{name}.json"
    cmd = [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed",
           "--disable-pip-version-check", "--quiet", "--report", str(report),
           # pip before 23.3 wants --target with --python-version, even for a dry run
           "--target", str(tmp_path / f"{name}-target"), *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=1200)
    out = "\n".join(line for line in (proc.stdout + proc.stderr).splitlines()
                    if "is ignored: it is neither a file nor a directory" not in line)
    data = json.loads(report.read_text()) if proc.returncode == 0 else None
    return proc.returncode, out, data


@pytest.mark.network
def test_every_pinned_line_installs_on_binders_python(repo2docker, tmp_path):
    _, exact, _ = repo2docker
    lines = requirement_lines()
    pinned = pins(lines)
    req = tmp_path / "requirements.txt"
    req.write_text("\n".join(line for line in lines if not _local(line)) + "\n")
    target = ["--python-version", exact, "--only-binary=:all:"]
    code, out, report = _dry_run([*target, "-r", str(req)], tmp_path, "all")
    if code != 0:
        # Name every line that fails on its own, not only the first the resolver met.
        bad = [line for line in req.read_text().split()
               if _dry_run([*target, "--no-deps", line], tmp_path, "one")[0] != 0]
        pytest.fail(f"pip cannot install requirements.txt on Python {exact} (Binder's):\n"
                    f"{out[-2000:]}\nlines that fail alone: {bad}")
    # `pip freeze` leaves out pip's own tools; sphinx-togglebutton requires two of them.
    got = {canonicalize_name(d["metadata"]["name"]): Version(d["metadata"]["version"])
           for d in report["install"]
           if canonicalize_name(d["metadata"]["name"]) not in FREEZE_EXCLUDES}
    assert got == pinned, (
        f"resolved set differs from the pins: missing {sorted(set(pinned) - set(got))}, "
        f"unpinned extras {sorted(set(got) - set(pinned))}, "
        f"other versions {sorted(n for n in got.keys() & pinned.keys() if got[n] != pinned[n])}")


@pytest.mark.network
def test_the_course_package_installs_on_binders_python(repo2docker, tmp_path):
    """``-e .``: Requires-Python admits Binder's Python; pins meet every dependency."""
    _, exact, _ = repo2docker
    lines = requirement_lines()
    assert [line for line in lines if _local(line)] == ["-e ."], "requirements.txt must end " \
        "with '-e .' (Binder installs reglib from it)"
    src = tmp_path / "src"  # a copy, so the build leaves no egg-info in the repository
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    shutil.copytree(ROOT / "reglib", src / "reglib",
                    ignore=shutil.ignore_patterns("__pycache__"))
    code, out, report = _dry_run(["--no-deps", str(src)], tmp_path, "reglib")
    assert code == 0, f"pip cannot read the course package's metadata:\n{out[-2000:]}"
    meta = report["install"][0]["metadata"]
    assert Version(exact) in SpecifierSet(meta["requires_python"]), (
        f"reglib's Requires-Python {meta['requires_python']} excludes Binder's Python {exact}")
    pinned = pins(lines)
    unmet = []
    for line in meta.get("requires_dist", []):
        req = Requirement(line)  # base and extras alike: Binder's chapters use the extras
        have = pinned.get(canonicalize_name(req.name))
        if have is None or have not in req.specifier:
            unmet.append(f"{line} (pinned: {have})")
    assert not unmet, f"reglib's dependencies not met by requirements.txt: {unmet}"


def test_documents_state_the_minimum_python_binder_uses():
    minimum = runtime_version()
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    assert requires == f">={minimum}", f"pyproject requires-python {requires!r}, runtime.txt " \
                                       f"python-{minimum}"
    for doc in ("README.md", "intro.md"):
        text = (ROOT / doc).read_text()
        stated = set(re.findall(r"Python (3\.\d+)(?:\+| or newer| or later)", text))
        assert stated == {minimum}, f"{doc} states Python {sorted(stated)}+ as the minimum, " \
                                    f"not {minimum}"
