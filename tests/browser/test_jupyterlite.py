"""The JupyterLite site (lite/, built by ``make book``), offline, in headless Chromium.

What a reader's browser does with the "Live in your browser" button, with no network:
the built site is served on 127.0.0.1 and every request that leaves it is routed here:

* the Pyodide core (``pyodide.mjs``, ``pyodide.asm.*``, ``python_stdlib.zip``) is served
  from the npm package ``pyodide`` (package.json pins the release the kernel loads);
* ``pyodide-lock.json`` is served rewritten so that its pure-Python packages point at PyPI
  copies of the same versions (``make pyodide-wheels``: tools/pyodide_offline_wheels.py),
  with their file names and hashes;
* everything else is refused.

Then: chapter 1 opens in JupyterLite from its page's launch link, the Pyodide kernel starts
(timed: the first execution's result), the chapter's own setup cell runs its Pyodide branch
(it fetches reglib's wheel from the site and asks the CDN for numpy, matplotlib, scipy and
scikit-learn, which are refused here: PyPI has no Pyodide build of them), reglib's wheel
installs without its dependencies, ipywidgets installs from the wheels the site serves,
and an ipywidgets slider renders.  Every outside URL the page asked for, with what was done
with it, must equal ``jupyterlite_outside_urls.txt`` (set ``REGLIB_UPDATE_OUTSIDE_URLS=1``
to rewrite that file after a deliberate change, and commit it).

What only a browser on the internet can show: the compiled packages from the CDN, and so
the chapter running to the end and its explorers drawing (tests/test_pyodide.py runs every
chapter on those packages' versions in CPython instead).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlparse

import pytest

from . import site_support as ss
from .conftest import STATS

# The page's scripts are awaited without a timeout of their own: bound the whole run.
pytestmark = [pytest.mark.site, pytest.mark.timeout(900)]

HERE = Path(__file__).resolve().parent
EXPECTED = HERE / "jupyterlite_outside_urls.txt"
PYODIDE = ss.node_modules() / "pyodide"
WHEELS = Path(os.environ.get("REGLIB_PYODIDE_WHEELS", ss.REPO / "_build" / "pyodide-wheels"))
NOTEBOOK_PAGES = [p for p in ss.book_pages() if p.is_notebook]
FIRST_CHAPTER = next(p for p in NOTEBOOK_PAGES if p.is_chapter)
KERNEL_TIMEOUT_MS = 300_000
CONTENT_TYPES = {".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm",
                 ".json": "application/json", ".zip": "application/zip",
                 ".whl": "application/zip"}

NB = ".jp-NotebookPanel:not(.lm-mod-hidden)"

#: Run one cell of the current notebook through JupyterLab's own commands (as Shift+Enter
#: does); a new cell is inserted below the last one when ``source`` is given.
_RUN_CELL_JS = """async ([index, source]) => {
  const app = window.jupyterapp;
  const panel = app.shell.currentWidget;
  const nb = panel.content;
  if (source !== null) {
    nb.activeCellIndex = nb.widgets.length - 1;
    await app.commands.execute('notebook:insert-cell-below');
    nb.activeCell.model.sharedModel.setSource(source);
    index = nb.activeCellIndex;
  }
  nb.activeCellIndex = index;
  await app.commands.execute('notebook:run-cell');
  return index;
}"""

_OUTPUTS_JS = """(index) => {
  const cell = window.jupyterapp.shell.currentWidget.content.widgets[index];
  return cell.model.outputs.toJSON();
}"""

_KERNEL_RESULT_JS = """async (code) => {
  const panel = window.jupyterapp.shell.currentWidget;
  await panel.sessionContext.ready;
  const future = panel.sessionContext.session.kernel.requestExecute({code});
  const out = [];
  future.onIOPub = msg => {
    if (['stream', 'execute_result', 'error'].includes(msg.header.msg_type)) out.push(msg.content);
  };
  const reply = await future.done;
  return {status: reply.content.status, out};
}"""


def _cdn() -> str:
    from jupyterlite_pyodide_kernel.constants import PYODIDE_CDN_URL

    return PYODIDE_CDN_URL.rstrip("/") + "/"


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def rewritten_lock(lock: dict, wheels: Path) -> tuple[dict, dict]:
    """The lock with its pure-Python packages pointing at the PyPI copies in ``wheels``.

    Returns (lock, {file name in the rewritten lock: wheel path}).
    """
    copies = {}
    for wheel in wheels.glob("*.whl"):
        name, version = wheel.name.split("-")[:2]
        copies[(_norm(name), version)] = wheel
    served = {}
    lock = json.loads(json.dumps(lock))
    for entry in lock["packages"].values():
        wheel = copies.get((_norm(entry["name"]), entry["version"]))
        if wheel is not None and entry["file_name"].endswith("-none-any.whl"):
            entry["file_name"] = wheel.name
            entry["sha256"] = hashlib.sha256(wheel.read_bytes()).hexdigest()
            served[wheel.name] = wheel
    return lock, served


class OutsideRoutes:
    """Route every request leaving the site: Pyodide from npm, PyPI copies, else refuse."""

    def __init__(self, cdn: str, lock: dict, wheels: dict):
        self.cdn, self.lock, self.wheels = cdn, json.dumps(lock).encode(), wheels
        self.seen: dict[str, str] = {}  # url -> "npm" | "pypi-copy" | "refused"

    def __call__(self, route):
        url = route.request.url
        rel = url[len(self.cdn):].split("?")[0] if url.startswith(self.cdn) else None
        body = None
        if rel == "pyodide-lock.json":
            body, how = self.lock, "npm"
        elif rel in self.wheels:
            body, how = self.wheels[rel].read_bytes(), "pypi-copy"
        elif rel and "/" not in rel and (PYODIDE / rel).is_file() and not rel.endswith(".whl"):
            body, how = (PYODIDE / rel).read_bytes(), "npm"
        else:
            how = "refused"
        self.seen[url] = how
        if body is None:
            route.abort("blockedbyclient")
        else:
            route.fulfill(status=200, body=body, headers={
                "Content-Type": CONTENT_TYPES.get(Path(rel).suffix, "application/octet-stream"),
                "Access-Control-Allow-Origin": "*"})

    def lines(self) -> list[str]:
        return sorted(f"{how} {url}" for url, how in self.seen.items())


# ----------------------------------------------------------------------------- static checks


@pytest.mark.parametrize("book_page", NOTEBOOK_PAGES, ids=[p.docname for p in NOTEBOOK_PAGES])
def test_launch_link_opens_this_page_in_the_lite_site(site, book_page):
    html = (site / book_page.html).read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]*lite/lab/index\.html\?path=[^"]+)"', html)
    assert len(links) == 1, f"{book_page.html}: JupyterLite launch links {links}"
    target = urlparse(urljoin(f"http://x/{book_page.html}", links[0].replace("&amp;", "&")))
    assert (site / target.path.lstrip("/")).is_file(), f"{book_page.html}: {target.path} not built"
    path = parse_qs(target.query)["path"][0]
    assert path == book_page.source.relative_to(ss.BOOK).as_posix()
    notebook = site / "lite" / "files" / path
    assert notebook.is_file(), f"{book_page.html}: {path} is not in the JupyterLite contents"
    assert json.loads(notebook.read_text()) == json.loads(book_page.source.read_text()), (
        f"{path} in the lite site differs from the repository's: rebuild the book")
    assert "Live in your browser" in html


def test_reglib_wheel_served_is_the_working_trees(site):
    import zipfile

    wheels = sorted((site / "lite" / "pypi").glob("reglib-*-py3-none-any.whl"))
    assert len(wheels) == 1, f"reglib wheels served: {wheels}"
    index = json.loads((site / "lite" / "pypi" / "all.json").read_text())
    assert {"reglib", "ipywidgets", "jupyterlab-widgets", "comm"} <= {_norm(k) for k in index}
    with zipfile.ZipFile(wheels[0]) as whl:
        served = {n: whl.read(n) for n in whl.namelist() if n.startswith("reglib/")
                  and n.endswith(".py")}
    here = {p.relative_to(ss.BOOK).as_posix(): p.read_bytes()
            for p in (ss.BOOK / "reglib").rglob("*.py")}
    assert served == here, "the site serves a reglib wheel that differs from reglib/: rebuild"
    lite = json.loads((site / "lite" / "jupyter-lite.json").read_text())
    urls = lite["jupyter-config-data"]["litePluginSettings"][
        "@jupyterlite/pyodide-kernel-extension:kernel"]["pipliteUrls"]
    assert urls[0].startswith("./pypi/all.json"), urls


# ----------------------------------------------------------------------------- in Chromium


def _expose_app(route):
    """The test (only) sets JupyterLab's ``exposeAppInBrowser`` (``window.jupyterapp``), to
    run cells through the app's own commands and read their outputs from its models."""
    response = route.fetch()
    config = response.json()
    config.setdefault("jupyter-config-data", {})["exposeAppInBrowser"] = True
    route.fulfill(response=response, json=config)


@pytest.fixture(scope="module")
def lite_run(site, base_url, browser):
    """Open the first chapter in JupyterLite offline; run its setup cell and a widget cell."""
    if not (site / "lite" / "lab" / "index.html").is_file():
        pytest.fail(f"no JupyterLite site in {site / 'lite'}: {ss.BUILD_HINT}", pytrace=False)
    if not (PYODIDE / "pyodide-lock.json").is_file():
        pytest.fail(f"{PYODIDE} is missing; {ss.NPM_HINT}", pytrace=False)
    if not list(WHEELS.glob("*.whl")):
        pytest.fail(f"no PyPI copies of Pyodide's pure-Python wheels in {WHEELS}: run "
                    "`make pyodide-wheels`", pytrace=False)
    lock, wheels = rewritten_lock(json.loads((PYODIDE / "pyodide-lock.json").read_text()), WHEELS)
    routes = OutsideRoutes(_cdn(), lock, wheels)
    # JupyterLite's service worker stays on, as in a reader's browser: the kernel reaches the
    # notebook's folder through it (/api/drive); the requests it passes on are routed too.
    context = browser.new_context(viewport={"width": 1280, "height": 900},
                                  service_workers="allow")
    context.route(ss.is_remote, routes)
    context.route("**/jupyter-lite.json", _expose_app)
    local: list = []
    context.on("request", lambda r: local.append(r.url) if not ss.is_remote(r.url) else None)
    page = context.new_page()
    errors: list = []
    page.on("pageerror", lambda exc: errors.append(f"page error: {exc}"))
    run = {"routes": routes, "local": local, "errors": errors, "page": page}
    try:
        html = (site / FIRST_CHAPTER.html).read_text(encoding="utf-8")
        link = re.search(r'href="([^"]*lite/lab/index\.html\?path=[^"]+)"', html).group(1)
        url = urljoin(base_url + FIRST_CHAPTER.html, link.replace("&amp;", "&"))
        t0 = time.perf_counter()
        page.goto(url, wait_until="load", timeout=120_000)
        page.wait_for_selector(f"{NB} .jp-Cell", timeout=120_000)
        run["opened_s"] = time.perf_counter() - t0
        run["title"] = page.locator(f"{NB} h1").first.text_content(timeout=30_000)
        page.wait_for_function(
            "() => { const p = window.jupyterapp && window.jupyterapp.shell.currentWidget;"
            " const k = p && p.sessionContext && p.sessionContext.session"
            " && p.sessionContext.session.kernel; return k && k.status === 'idle'; }",
            timeout=KERNEL_TIMEOUT_MS, polling=250)
        first = page.evaluate(_KERNEL_RESULT_JS, "import sys; print(sys.platform, sys.version.split()[0])")
        run["kernel_s"] = time.perf_counter() - t0
        run["first"] = first
        # The chapter's own setup cell (its first code cell), as a reader runs it.
        setup_index = page.evaluate(
            "() => window.jupyterapp.shell.currentWidget.content.widgets"
            ".findIndex(c => c.model.type === 'code')")
        run["setup_source"] = page.evaluate(
            "(i) => window.jupyterapp.shell.currentWidget.content.widgets[i].model.sharedModel.getSource()",
            setup_index)
        t1 = time.perf_counter()
        page.evaluate(_RUN_CELL_JS, [setup_index, None])
        run["setup_s"] = time.perf_counter() - t1
        run["setup_outputs"] = page.evaluate(_OUTPUTS_JS, setup_index)
        run["after_setup"] = page.evaluate(_KERNEL_RESULT_JS, (
            "import importlib.util as u, json\n"
            "print(json.dumps({n: u.find_spec(n) is not None for n in "
            "('reglib', 'ipywidgets', 'numpy', 'matplotlib', 'scipy', 'sklearn')}))"))
        # reglib without its dependencies (numpy's Pyodide build is not available offline),
        # ipywidgets with its own (all served by the site or the kernel), then a slider.
        t2 = time.perf_counter()
        index = page.evaluate(_RUN_CELL_JS, [None, (
            "%pip install --no-deps reglib\n"
            "%pip install ipywidgets\n"
            "import importlib.metadata as md, json, ipywidgets\n"
            "print(json.dumps({n: md.version(n) for n in ('reglib', 'ipywidgets', 'comm', "
            "'jupyterlab_widgets')}))\n"
            "print(json.dumps(sorted(str(f) for f in md.files('reglib') if str(f).endswith('.py'))))\n"
            "ipywidgets.IntSlider(value=3, min=0, max=10, description='offline')\n")])
        run["widget_outputs"] = page.evaluate(_OUTPUTS_JS, index)
        slider = page.locator(f"{NB} .jp-Cell").nth(index).locator(".widget-slider")
        slider.wait_for(state="visible", timeout=60_000)
        run["slider_s"] = time.perf_counter() - t2
        run["slider_text"] = slider.inner_text()
        page.screenshot(path=str(WHEELS.parent / "jupyterlite-offline.png"))
        STATS["live"][f"JupyterLite offline {FIRST_CHAPTER.docname}"] = (
            f"opened {run['opened_s']:.1f} s, kernel's first result {run['kernel_s']:.1f} s "
            f"after the click, setup cell {run['setup_s']:.1f} s, widget cell and slider "
            f"{run['slider_s']:.1f} s; outside URLs: " + ", ".join(
                f"{sum(1 for h in routes.seen.values() if h == how)} {how}"
                for how in ("npm", "pypi-copy", "refused")))
        yield run
    finally:
        context.close()


def _text(outputs) -> str:
    parts = []
    for out in outputs:
        if out.get("output_type") == "stream":
            parts.append("".join(out["text"]) if isinstance(out["text"], list) else out["text"])
        elif out.get("output_type") == "error":
            parts.append(f"{out['ename']}: {out['evalue']}")
        else:
            parts.append(str(out.get("data", {}).get("text/plain", "")))
    return "\n".join(parts)


def test_the_chapter_opens_and_the_pyodide_kernel_starts(lite_run):
    title = json.loads(FIRST_CHAPTER.source.read_text())
    heading = next(line for c in title["cells"] if c["cell_type"] == "markdown"
                   for line in "".join(c["source"]).splitlines() if line.startswith("# "))
    assert heading[2:].strip() in (lite_run["title"] or "").replace("#", "").strip()
    first = lite_run["first"]
    assert first["status"] == "ok", first
    from jupyterlite_pyodide_kernel.constants import PYODIDE_PYTHON_VERSION

    printed = "".join(o.get("text", "") for o in first["out"])
    assert printed.startswith("emscripten " + PYODIDE_PYTHON_VERSION), printed
    assert not lite_run["errors"], lite_run["errors"]


def test_the_setup_cell_installs_reglib_from_the_site(lite_run):
    """The setup cell's Pyodide branch ran: reglib's and ipywidgets' wheels came from the
    site and were installed; the compiled packages were asked of the CDN (refused offline:
    Pyodide's loadPackage reports that on the console, the cell itself stays quiet)."""
    assert 'sys.platform == "emscripten"' in lite_run["setup_source"]
    asked = [u for u in lite_run["local"] if "/lite/pypi/" in u]
    for wheel in ("reglib", "ipywidgets", "jupyterlab_widgets", "comm"):
        assert any(re.search(rf"/lite/pypi/{wheel}-[^/]+-py3-none-any\.whl", u) for u in asked), (
            wheel, asked)
    refused = [u for u, how in lite_run["routes"].seen.items() if how == "refused"]
    for name in ("numpy", "matplotlib", "scipy", "scikit_learn"):
        assert any(f"/{name}-" in u for u in refused), f"{name} was not asked for: {refused}"
    after = lite_run["after_setup"]
    assert after["status"] == "ok", after
    found = json.loads("".join(o.get("text", "") for o in after["out"]))
    assert found["reglib"] and found["ipywidgets"], found
    assert not found["numpy"], "numpy was installed although the CDN was refused"


def test_reglib_wheel_installs_and_a_slider_renders(lite_run):
    text = _text(lite_run["widget_outputs"])
    lines = [line for line in text.splitlines() if line.startswith(("{", "["))]
    assert len(lines) == 2, text
    versions, files = json.loads(lines[0]), json.loads(lines[1])
    requirements = (ss.REPO / "requirements.txt").read_text()
    for name in ("ipywidgets", "comm", "jupyterlab_widgets"):
        assert f"{name}=={versions[name]}\n" in requirements, (name, versions[name])
    here = sorted(p.relative_to(ss.BOOK).as_posix() for p in (ss.BOOK / "reglib").rglob("*.py"))
    assert files == here, "the installed reglib's modules differ from reglib/"
    assert "offline" in lite_run["slider_text"] and "3" in lite_run["slider_text"]


def test_outside_urls_are_the_recorded_ones(lite_run):
    got = lite_run["routes"].lines()
    if os.environ.get("REGLIB_UPDATE_OUTSIDE_URLS") == "1":
        EXPECTED.write_text(
            "# Every URL outside the site that JupyterLite asked for, offline, while chapter 1\n"
            "# opened, the kernel started, the setup cell ran and a slider rendered\n"
            "# (tests/browser/test_jupyterlite.py; REGLIB_UPDATE_OUTSIDE_URLS=1 rewrites it).\n"
            "# npm: served from the npm package pyodide; pypi-copy: a PyPI copy of the lock's\n"
            "# pure-Python wheel; refused: only a browser on the internet gets it (the CDN).\n"
            + "\n".join(got) + "\n")
    expected = [line for line in EXPECTED.read_text().splitlines()
                if line.strip() and not line.startswith("#")]
    assert got == expected, (
        "the outside URLs JupyterLite asks for changed (REGLIB_UPDATE_OUTSIDE_URLS=1 rewrites "
        f"{EXPECTED.name}):\n  new: {sorted(set(got) - set(expected))}\n"
        f"  gone: {sorted(set(expected) - set(got))}")
