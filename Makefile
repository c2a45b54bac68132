# careerkit: two commands set everything up on a fresh machine.
#   make app   - install careerkit in .venv and open the workbook as a no-code app (Voila)
#   make lab   - install careerkit in .venv and open the workbook in JupyterLab
#   make test  - install with the test extras and run every test (ruff, layers, types, units,
#                notebooks, browser)

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
# The person's workspace when running from the repository (git-ignored).
CAREERKIT_HOME ?= $(CURDIR)/workspace

.PHONY: app lab test lint bench screenshots catalog clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the project's dependencies change.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed

# Extra options for the server, e.g. make lab LAB_ARGS="--port=9999 --no-browser".
LAB_ARGS ?=
APP_ARGS ?=

# `careerkit lab` and `careerkit app` (careerkit/app/launch.py) start the server with careerkit's
# Jupyter config (careerkit/app/jupyter-config) on JUPYTER_CONFIG_PATH: the pre-save hook that
# saves the workbook's notebooks without answers or outputs (careerkit/app/save_hook.py), and
# Voila's cell tags; --allow-root when run as root.

# JupyterLab on the whole folder, so the file browser reaches workspace/ (plan, history,
# exports) beside notebooks/; the printed address opens notebooks/00_start.
lab: $(VENV)/.installed
	mkdir -p "$(CAREERKIT_HOME)"
	CAREERKIT_HOME="$(CAREERKIT_HOME)" $(BIN)/careerkit lab "$(CURDIR)" $(LAB_ARGS)

# The workbook as a no-code app: each notebook a page of forms (Voila), starting at 00;
# every page's "Next" link opens the next step. Each step's page is started ahead of time
# (careerkit/app/voila.py), so it opens in about a second.
app: $(VENV)/.installed
	CAREERKIT_HOME="$(CAREERKIT_HOME)" $(BIN)/careerkit app "$(CURDIR)/notebooks" $(APP_ARGS)

test: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	# The layers and no import loops (pyproject.toml [tool.importlinter]), then the types.
	$(BIN)/lint-imports
	$(BIN)/mypy careerkit
	# Unit and notebook tests on every CPU; a notebook's cells stay together (--dist loadfile).
	$(BIN)/pytest -n auto --dist loadfile --nbval-lax tests notebooks --ignore=tests/browser
	# The browser suite runs in its own process: Playwright keeps an event loop running.
	$(BIN)/pytest --durations=15 tests/browser

lint: $(VENV)/.installed-test
	$(BIN)/pre-commit run --all-files

LOAD ?=

bench: $(VENV)/.installed-test
	$(BIN)/python benchmarks/bench.py
	# Open a step -> forms usable, in JupyterLab and Voila (headless Chromium; skipped without it).
	$(BIN)/python benchmarks/open_to_usable.py
	# A workshop's load on the app, only when asked: make bench LOAD=20 (participants).
	$(if $(LOAD),$(BIN)/python benchmarks/load.py --participants=$(LOAD))

# Regenerate the bundled catalogue (data/catalog) from the real data in ../shared.
catalog: $(VENV)/.installed
	$(BIN)/python -m careerkit.catalog.sources.bundle --shared ../shared

# Regenerate the README's pictures from the browser tests.
screenshots: $(VENV)/.installed-test
	CAREERKIT_SCREENSHOTS=docs/img $(BIN)/pytest -m browser tests/browser -q

clean:
	rm -rf $(VENV) test-artifacts .pytest_cache .ruff_cache .mypy_cache .import_linter_cache
