# Two commands: `make run` serves the portal, `make test` runs the tests.
# Both set up what they need first (.venv, packages, translations).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# Development settings unless the environment says otherwise.
export DEBUG ?= 1

.PHONY: run test install install-dev messages translations lint clean browser-test-deps bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet ".[dev]"
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

# Compiled catalogues are build output: made here, never committed. Babel
# compiles them, so no system gettext is needed.
translations: $(VENV)/.installed
	$(BIN)/pybabel compile --domain "django djangojs" --directory portal/locale --statistics

run: install translations
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py create_admin
	$(BIN)/python manage.py runserver 127.0.0.1:8000

# The browser tests (tests/browser) inject axe-core, from the npm registry,
# into the pages: installed when npm is there; without it (or without
# Chromium) those tests say they were skipped, except under CI.
NPM := $(shell command -v npm)
AXE := tests/browser/node_modules/axe-core/axe.min.js

$(AXE): tests/browser/package.json tests/browser/package-lock.json
	npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
	touch $@

browser-test-deps: $(if $(NPM),$(AXE))

test: install-dev translations browser-test-deps
	$(BIN)/pytest

# The 1,000,000-row B2B meetings CSV beside PostgreSQL's own COPY (README, "Reports").
# Needs a PostgreSQL database of its own, e.g.
# DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_reports make bench
bench: install
	@test -n "$$DATABASE_URL" || { echo "Set DATABASE_URL to a PostgreSQL database for the bench, e.g. postgres://postgres@127.0.0.1:5432/bench_reports" >&2; exit 1; }
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py bench_export

# Refresh the catalogues after changing interface strings (needs gettext).
messages: install-dev
	$(BIN)/python manage.py makemessages --locale hi --locale mr --locale fa --no-obsolete --ignore ".venv/*"

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache test-output tests/browser/node_modules
