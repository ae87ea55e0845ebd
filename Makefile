# Regularization: an interactive course.  Two commands matter:
#   make book   build the static site into _build/html
#   make test   run every test: library, notebooks (nbval), built site (browser)
# Both create .venv from requirements.txt when it is missing or out of date.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SITE   := _build/html

# The course's arrays are small: BLAS worker threads only add overhead (on a busy 2-core
# machine, small solves ran up to 50x slower with them).  Override on the command line.
export OPENBLAS_NUM_THREADS ?= 1
export OMP_NUM_THREADS ?= 1
export MKL_NUM_THREADS ?= 1

# A Colab-like kernel for tests/test_colab.py: ipywidgets 7.7.1, no myst-nb or Sphinx, a stub
# google.colab, and reglib installed from a copy of the repository as `pip install .` does.
COLAB_VENV   := .venv-colab
COLAB_BIN    := $(COLAB_VENV)/bin
COLAB_STAMP  := $(COLAB_VENV)/.installed
COLAB_REGLIB := $(COLAB_VENV)/.reglib
REGLIB_FILES := pyproject.toml README.md $(shell find reglib -name '*.py')
COLAB_STUB   := $(wildcard tests/colab/google/colab/*.py)

# A kernel with the package versions of JupyterLite's Pyodide, for tests/test_pyodide.py:
# tests/pyodide/requirements.txt (tools/pyodide_pins.py, from node_modules/pyodide's lock),
# on the newest local CPython closest to Pyodide's 3.14 (3.14, 3.13, 3.12 on PATH or under
# pyenv; else $(PYTHON)), reglib installed from a copy without its dependencies (the pins).
PYODIDE_VENV   := .venv-pyodide
PYODIDE_BIN    := $(PYODIDE_VENV)/bin
PYODIDE_STAMP  := $(PYODIDE_VENV)/.installed
PYODIDE_REGLIB := $(PYODIDE_VENV)/.reglib
PYODIDE_PYTHON ?= $(or $(shell for v in 3.14 3.13 3.12; do for p in $$(command -v python$$v) \
    $$(ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/$$v*/bin/python$$v 2>/dev/null); do \
    $$p -c 'import venv, ensurepip' 2>/dev/null && echo $$p && exit 0; done; done),$(PYTHON))

# `make lab LAB_ARGS="--no-browser --port 8899"`; as root (a container) JupyterLab also
# needs --allow-root.
LAB_ARGS ?=
LAB_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: help venv npm colab-venv pyodide-venv pyodide-wheels book test test-lib test-notebooks test-site lab bench screenshots browser clean

help:
	@echo "make book         build the site into $(SITE)"
	@echo "make test         every test (library, notebooks, built site)"
	@echo "make lab          open the course in JupyterLab (LAB_ARGS=... passes options)"
	@echo "make colab-venv   the Colab-like kernel (.venv-colab) make test runs chapters in"
	@echo "make pyodide-venv a kernel with JupyterLite's Pyodide versions (.venv-pyodide)"
	@echo "make bench        benchmarks: path solvers, explorer updates, page weights"
	@echo "make screenshots  PNG of every page (light and dark) into screenshots/"
	@echo "make clean        remove build output (keeps .venv)"

$(STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

venv: $(STAMP)

$(COLAB_STAMP): tests/colab/requirements.txt
	rm -rf $(COLAB_VENV)
	$(PYTHON) -m venv $(COLAB_VENV)
	$(COLAB_BIN)/python -m pip install --quiet --disable-pip-version-check -r tests/colab/requirements.txt
	@touch $@

# reglib from a copy (so nothing of the build lands in the repository), with its
# dependencies as pip resolves them; then the google.colab stub into site-packages.
$(COLAB_REGLIB): $(COLAB_STAMP) $(REGLIB_FILES) $(COLAB_STUB)
	rm -rf $(COLAB_VENV)/src && mkdir $(COLAB_VENV)/src
	cp -R pyproject.toml README.md reglib $(COLAB_VENV)/src/
	$(COLAB_BIN)/python -m pip uninstall --quiet --yes reglib
	$(COLAB_BIN)/python -m pip install --quiet --disable-pip-version-check $(COLAB_VENV)/src
	cp -R tests/colab/google "$$($(COLAB_BIN)/python -c 'import sysconfig; print(sysconfig.get_path("purelib"))')/"
	@touch $@

colab-venv: $(COLAB_REGLIB)

$(PYODIDE_STAMP): tests/pyodide/requirements.txt
	rm -rf $(PYODIDE_VENV)
	$(PYODIDE_PYTHON) -m venv $(PYODIDE_VENV)
	$(PYODIDE_BIN)/python -m pip install --quiet --disable-pip-version-check -r tests/pyodide/requirements.txt
	@touch $@

$(PYODIDE_REGLIB): $(PYODIDE_STAMP) $(REGLIB_FILES)
	rm -rf $(PYODIDE_VENV)/src && mkdir $(PYODIDE_VENV)/src
	cp -R pyproject.toml README.md reglib $(PYODIDE_VENV)/src/
	$(PYODIDE_BIN)/python -m pip uninstall --quiet --yes reglib
	$(PYODIDE_BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps $(PYODIDE_VENV)/src
	@touch $@

pyodide-venv: $(PYODIDE_REGLIB)

# PyPI copies of the pure-Python wheels of Pyodide's lock, which the offline JupyterLite test
# (tests/browser/test_jupyterlite.py) serves in place of the CDN.
pyodide-wheels: $(STAMP) npm
	$(BIN)/python tools/pyodide_offline_wheels.py

# Notebooks are always re-executed (execute_notebooks: force in _config.yml), so the
# site never shows outputs computed with an older reglib.
book: $(STAMP) npm
	$(BIN)/jupyter-book build . --warningiserror --nitpick --keep-going

# The site serves MathJax itself, copied from node_modules (package.json pins it).
npm:
	@sh tools/install-browser-deps.sh --npm-only

# Browser tests need Chromium, and axe-core from node_modules.
browser:
	@sh tools/install-browser-deps.sh

test: $(STAMP) $(COLAB_REGLIB) $(PYODIDE_REGLIB) browser book pyodide-wheels
	$(BIN)/python -m pytest tests chapters appendix --nbval-lax -p no:cacheprovider

test-lib: $(STAMP)
	$(BIN)/python -m pytest tests -m "not site and not live and not network and not notebooks"

test-notebooks: $(STAMP) $(COLAB_REGLIB) $(PYODIDE_REGLIB) npm
	$(BIN)/python -m pytest chapters appendix --nbval-lax
	$(BIN)/python -m pytest tests -m notebooks

test-site: $(STAMP) browser pyodide-wheels
	$(BIN)/python -m pytest tests -m "site or live"

lab: $(STAMP)
	$(BIN)/jupyter lab chapters $(LAB_ROOT) $(LAB_ARGS)

bench: $(STAMP) book
	$(BIN)/python benchmarks/paths.py
	$(BIN)/python benchmarks/explorers.py
	$(BIN)/python benchmarks/pages.py --site $(SITE)

screenshots: $(STAMP) browser book
	$(BIN)/python tools/screenshots.py $(SITE) screenshots

clean:
	rm -rf _build _contents screenshots .pytest_cache
