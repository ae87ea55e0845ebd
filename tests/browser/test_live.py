"""The chapters in a real JupyterLab, as a learner on Binder has them.

A JupyterLab server (this venv's ``jupyter-lab``) is started on 127.0.0.1 with a random
token, a private runtime/config/settings directory and autosave off, rooted at the
repository.  For every chapter notebook, headless Chromium opens it (``?token=``), runs
Run > Run All Cells, waits for the kernel to go idle, asserts that every cell ran without
an error output, and then moves every control of every live explorer (ipywidgets) with the
keyboard and asserts that its figure (the Image widget) redraws.  The server is shut down
in the fixture's teardown, which fails if any of its processes is left running.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from . import site_support as ss
from .conftest import STATS

pytestmark = pytest.mark.live

CHAPTERS = [p for p in ss.book_pages() if p.is_chapter]
MIN_EXPLORERS_PER_CHAPTER = 2
RUN_ALL_TIMEOUT_S = 240
REDRAW_TIMEOUT_MS = 15_000

# JupyterLab settings for the test: every cell in the DOM (no virtual scrolling), no autosave
# (the committed notebooks must stay without outputs), no news or update checks.
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false", "checkForUpdates": False},
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _descendants(pid: int) -> set:
    import psutil

    try:
        proc = psutil.Process(pid)
        return {proc.pid} | {c.pid for c in proc.children(recursive=True)}
    except psutil.NoSuchProcess:
        return set()


def _alive(pids) -> list:
    import psutil

    alive = []
    for pid in pids:
        try:
            p = psutil.Process(pid)
            if p.status() != psutil.STATUS_ZOMBIE:
                alive.append(f"{pid} {' '.join(p.cmdline())[:120]}")
        except psutil.NoSuchProcess:
            pass
    return alive


class Lab:
    """A running JupyterLab server."""

    def __init__(self, root: Path, workdir: Path):
        self.root = root
        self.port = _free_port()
        self.token = secrets.token_hex(24)
        self.base = f"http://127.0.0.1:{self.port}"
        settings = workdir / "settings"
        for rel, value in LAB_SETTINGS.items():
            path = settings / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(value), encoding="utf-8")
        env = dict(os.environ)
        env.update(
            JUPYTER_RUNTIME_DIR=str(workdir / "runtime"),
            JUPYTER_CONFIG_DIR=str(workdir / "config"),
            JUPYTERLAB_SETTINGS_DIR=str(settings),
            JUPYTERLAB_WORKSPACES_DIR=str(workdir / "workspaces"),
            IPYTHONDIR=str(workdir / "ipython"),
            MPLBACKEND="module://matplotlib_inline.backend_inline",
        )
        cmd = [
            str(Path(sys.executable).with_name("jupyter-lab")),
            "--no-browser", "--ip=127.0.0.1", f"--port={self.port}", "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}", f"--ServerApp.root_dir={root}",
            "--LabApp.extension_manager=readonly", "--LabApp.news_url=None",
            '--ServerApp.jpserver_extensions={"jupyter_lsp": False}',
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            cmd.append("--allow-root")  # CI runs as root
        self.log_path = workdir / "jupyterlab.log"
        self._log = open(self.log_path, "w", encoding="utf-8")
        self.proc = subprocess.Popen(cmd, env=env, cwd=root, stdout=self._log,
                                     stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                     start_new_session=True)
        self.pids: set = set()
        self.opened: list = []  # notebooks opened in the browser

    def log_tail(self, n: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(encoding="utf-8").splitlines()[-n:])
        except OSError:
            return ""

    def api(self, path: str, method: str = "GET"):
        req = urllib.request.Request(f"{self.base}{path}", method=method,
                                     headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            body = resp.read()
        return json.loads(body) if body else None

    def wait_ready(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"jupyter-lab exited with {self.proc.returncode}:\n{self.log_tail()}")
            try:
                self.api("/api/status")
                return
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.3)
        raise RuntimeError(f"jupyter-lab did not answer within {timeout} s:\n{self.log_tail()}")

    def remember_processes(self) -> None:
        self.pids |= _descendants(self.proc.pid)

    def kernel_states(self, path: str) -> list:
        return [s["kernel"]["execution_state"] for s in self.api("/api/sessions")
                if s.get("path") == path and s.get("kernel")]

    def shutdown_sessions(self) -> None:
        for s in self.api("/api/sessions"):
            self.api(f"/api/sessions/{s['id']}", method="DELETE")

    def stop(self) -> list:
        """Shut the server down (API, then SIGTERM, then SIGKILL); return survivors."""
        self.remember_processes()
        try:
            self.api("/api/shutdown", method="POST")
        except Exception:
            pass
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
        deadline = time.monotonic() + 10
        while _alive(self.pids) and time.monotonic() < deadline:
            time.sleep(0.2)
        survivors = _alive(self.pids)
        for entry in survivors:  # never leave them running, but report them
            try:
                os.kill(int(entry.split()[0]), signal.SIGKILL)
            except OSError:
                pass
        self._log.close()
        return survivors


def _digest(paths) -> dict:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


@pytest.fixture(scope="module")
def jupyterlab(tmp_path_factory):
    """A JupyterLab server rooted at the repository; stopped (and checked) afterwards."""
    before = _digest(p.source for p in CHAPTERS if p.source.exists())
    lab = Lab(ss.BOOK, tmp_path_factory.mktemp("jupyterlab"))
    t0 = time.perf_counter()
    try:
        lab.wait_ready()
    except Exception as exc:
        survivors = lab.stop()
        pytest.fail(f"{exc}\nleft running: {survivors}", pytrace=False)
    STATS["timings"]["live: JupyterLab start"] = time.perf_counter() - t0
    yield lab
    survivors = lab.stop()
    assert not survivors, f"processes of the JupyterLab server left running: {survivors}"
    opened = [Path(p) for p in lab.opened]
    changed = [p for p, h in _digest(opened).items() if before.get(p) != h]
    assert not changed, f"notebooks changed on disk while open in JupyterLab (autosave?): {changed}"


@pytest.fixture(scope="module")
def lab_browser(playwright_instance):
    """Chromium for JupyterLab: every host but 127.0.0.1 unresolvable (offline).

    Request interception (used for the static site) stalls JupyterLab's own requests for a
    minute, so this browser is kept offline by its resolver instead.
    """
    browser = playwright_instance.chromium.launch(
        executable_path=ss.CHROMIUM, headless=True,
        args=ss.CHROMIUM_ARGS + ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
    )
    yield browser
    browser.close()


# The notebook in the active (visible) tab.
NB = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook"

_PROMPTS_JS = """() => [...document.querySelectorAll('""" + NB + """ .jp-CodeCell')].map(cell => ({
  prompt: (cell.querySelector('.jp-InputArea-prompt') || {}).textContent || '',
  source: (cell.querySelector('.jp-InputArea-editor .cm-content') || {}).textContent || ''
}))"""

_ERRORS_JS = """() => [...document.querySelectorAll(
    '""" + NB + """ .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')]
  .map(el => el.textContent)
  .filter(t => /Traceback|Error|Exception/.test(t))
  .map(t => t.slice(0, 600))"""


def _wait_idle(lab, page, path, timeout_s, what):
    deadline = time.monotonic() + timeout_s
    quiet_since = None
    while time.monotonic() < deadline:
        states = lab.kernel_states(path)
        busy = any("*" in c["prompt"] for c in page.evaluate(_PROMPTS_JS))
        if states == ["idle"] and not busy:
            quiet_since = quiet_since or time.monotonic()
            if time.monotonic() - quiet_since > 1.0:
                return
        else:
            quiet_since = None
        page.wait_for_timeout(300)
    pytest.fail(f"{path}: {what} did not finish within {timeout_s} s (kernel states {lab.kernel_states(path)})")


def _wait_src_change(page, img, old, where):
    try:
        page.wait_for_function("([el, old]) => el.getAttribute('src') !== old",
                               arg=[img.element_handle(), old], timeout=REDRAW_TIMEOUT_MS)
    except Exception:
        pytest.fail(f"{where}: the figure did not redraw within {REDRAW_TIMEOUT_MS} ms")


@pytest.mark.parametrize("book_page", CHAPTERS, ids=[p.docname for p in CHAPTERS])
def test_chapter_runs_and_explorers_redraw_live(jupyterlab, lab_browser, book_page):
    lab = jupyterlab
    path = book_page.source.relative_to(ss.BOOK).as_posix()
    context = lab_browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page_errors = []
    page.on("pageerror", lambda exc: page_errors.append(str(exc)))
    lab.opened.append(str(book_page.source))
    try:
        t0 = time.perf_counter()
        # ?reset: a fresh workspace, so only this notebook is open
        page.goto(f"{lab.base}/lab/tree/{path}?token={lab.token}&reset", timeout=90_000)
        page.wait_for_selector(f"{NB} .jp-Cell", timeout=90_000)
        _wait_idle(lab, page, path, 120, "starting the kernel")
        lab.remember_processes()
        t_open = time.perf_counter() - t0

        # Run > Run All Cells, as a learner would
        page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
        page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
        t1 = time.perf_counter()
        page.wait_for_function(
            f"() => [...document.querySelectorAll('{NB} .jp-InputArea-prompt')]"
            ".some(p => /\\[\\*\\]|\\[\\d+\\]/.test(p.textContent))", timeout=30_000)
        _wait_idle(lab, page, path, RUN_ALL_TIMEOUT_S, "Run All")
        t_run = time.perf_counter() - t1

        errors = page.evaluate(_ERRORS_JS)
        assert not errors, f"{path}: error output after Run All:\n" + "\n---\n".join(errors)
        cells = page.evaluate(_PROMPTS_JS)
        not_run = [i for i, c in enumerate(cells) if c["source"].strip() and not any(ch.isdigit() for ch in c["prompt"])]
        assert not not_run, f"{path}: code cells {not_run} did not run (prompts {[cells[i]['prompt'] for i in not_run]})"

        boxes = page.locator(f"{NB} .reglib-explorer-live")
        n = boxes.count()
        assert n >= MIN_EXPLORERS_PER_CHAPTER, (
            f"{path}: {n} live explorer(s) after Run All; a chapter needs at least "
            f"{MIN_EXPLORERS_PER_CHAPTER} (reglib.explore as the last expression of a cell)"
        )
        sliders = toggles = 0
        for i in range(n):
            box = boxes.nth(i)
            box.scroll_into_view_if_needed()
            img = box.locator("img.widget-image")
            assert img.count() == 1, f"{path}: live explorer {i} has {img.count()} Image widgets"
            handles = box.locator(".widget-slider .noUi-handle")
            assert handles.count() + box.locator(".widget-toggle-button").count() >= 1, (
                f"{path}: live explorer {i} has no control")
            for k in range(handles.count()):
                handle = handles.nth(k)
                where = f"{path} live explorer {i} slider {k}"
                now = float(handle.get_attribute("aria-valuenow"))
                top = float(handle.get_attribute("aria-valuemax"))
                old = img.get_attribute("src")
                handle.focus()
                page.keyboard.press("ArrowRight" if now < top else "ArrowLeft")
                _wait_src_change(page, img, old, where)
                assert float(handle.get_attribute("aria-valuenow")) != now, f"{where}: the slider did not move"
                sliders += 1
            buttons = box.locator(".widget-toggle-button")
            if buttons.count() >= 2:
                target = box.locator(".widget-toggle-button:not(.mod-active)").first
                old = img.get_attribute("src")
                target.click()
                _wait_src_change(page, img, old, f"{path} live explorer {i} toggle buttons")
                toggles += 1
            shown_errors = box.locator(".reglib-explorer-error")
            assert shown_errors.count() == 0 or not shown_errors.first.is_visible(), (
                f"{path} live explorer {i}: {shown_errors.first.text_content()}")
        assert not page_errors, f"{path}: JavaScript errors in JupyterLab: {page_errors}"
        STATS["live"][book_page.docname] = (
            f"opened {t_open:.1f} s, Run All {t_run:.1f} s, {n} explorers, {sliders} sliders "
            f"+ {toggles} toggle groups redrawn from the keyboard/mouse"
        )
    finally:
        context.close()
        lab.remember_processes()
        lab.shutdown_sessions()
