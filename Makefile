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

.PHONY: help venv npm book test test-lib test-notebooks test-site lab bench screenshots browser clean

help:
	@echo "make book         build the site into $(SITE)"
	@echo "make test         every test (library, notebooks, built site)"
	@echo "make lab          open the course in JupyterLab"
	@echo "make bench        benchmarks: path solvers, explorer updates, page weights"
	@echo "make screenshots  PNG of every page (light and dark) into screenshots/"
	@echo "make clean        remove build output (keeps .venv)"

$(STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

venv: $(STAMP)

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

test: $(STAMP) browser book
	$(BIN)/python -m pytest tests chapters --nbval-lax -p no:cacheprovider

test-lib: $(STAMP)
	$(BIN)/python -m pytest tests -m "not site and not live"

test-notebooks: $(STAMP)
	$(BIN)/python -m pytest chapters --nbval-lax

test-site: $(STAMP) browser
	$(BIN)/python -m pytest tests -m "site or live"

lab: $(STAMP)
	$(BIN)/jupyter lab chapters

bench: $(STAMP) book
	$(BIN)/python benchmarks/paths.py
	$(BIN)/python benchmarks/explorers.py
	$(BIN)/python benchmarks/pages.py --site $(SITE)

screenshots: $(STAMP) browser book
	$(BIN)/python tools/screenshots.py $(SITE) screenshots

clean:
	rm -rf _build screenshots .pytest_cache
