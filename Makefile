# Two commands: `make run` serves the portal, `make test` runs the tests.
# Both set up what they need first (.venv, packages, translations).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# Development settings unless the environment says otherwise.
export DEBUG ?= 1

# Installs a Debian package, updating the package lists if it is not found.
APT_GET = { SUDO=$$(test "$$(id -u)" = 0 || echo sudo); \
	$$SUDO apt-get install -y $(1) || { $$SUDO apt-get update && $$SUDO apt-get install -y $(1); }; }

.PHONY: run test install install-dev messages translations lint clean browser-test-deps bench \
	bench-matchmaking bench-jobs loadtest prod-smoke backup restore pdf-deps

# PDF reports: WeasyPrint lays text out with Pango, poppler's pdfunite joins
# a report's chunks (and the tests read PDFs back with pdftotext).
pdf-deps:
	@command -v pdfunite >/dev/null && ldconfig -p | grep -q libpangoft2-1.0 \
		|| $(call APT_GET,poppler-utils libpango-1.0-0 libpangoft2-1.0-0)

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

run: install translations pdf-deps
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py create_admin
	@# The background worker (mail) and its beat (the schedule) beside the
	@# server, stopped with it. Run with
	@# `python -m`, which puts the project first on the path: aiosmtpd's
	@# dependency atpublic installs a package named `public`, like our app.
	$(BIN)/python -m celery -A config worker -Q celery,jobs --beat --loglevel=INFO & worker=$$!; \
		trap 'kill $$worker' EXIT INT TERM; \
		$(BIN)/python manage.py runserver 127.0.0.1:8000

# The browser tests (tests/browser) inject axe-core, from the npm registry,
# into the pages, and the HTML check runs the Nu HTML checker (vnu-jar, from
# the npm registry too): installed when npm is there; without them (or
# without Chromium or Java) those tests say they were skipped, except under CI.
NPM := $(shell command -v npm)
AXE := tests/browser/node_modules/axe-core/axe.min.js

$(AXE): tests/browser/package.json tests/browser/package-lock.json
	npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
	touch $@

browser-test-deps: $(if $(NPM),$(AXE))

# On every core (pytest-xdist); PYTEST_ARGS adds options, e.g. PYTEST_ARGS="-k stats".
test: install-dev translations browser-test-deps pdf-deps
	$(BIN)/pytest -n auto $(PYTEST_ARGS)

# The national dataset measured against its budgets (README, "Benchmark"): each
# page's queries, server time and throughput under wrk against gunicorn, the
# admin lists, the 1,000,000-row meetings CSV beside PostgreSQL's COPY. Needs a
# PostgreSQL database of its own (the dataset is generated there if absent), e.g.
# DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench make bench
# The table is printed and written to test-output/bench.md; a broken budget
# fails the target. BENCH_ARGS passes options, e.g. BENCH_ARGS="--scale 0.01".
# `manage.py bench_export` still times the CSV export alone.
bench: install translations
	@case "$$DATABASE_URL" in postgres*) ;; *) echo "The bench runs on PostgreSQL, not SQLite: set DATABASE_URL to a database of its own, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench make bench" >&2; exit 1;; esac
	@command -v wrk >/dev/null || { SUDO=$$(test "$$(id -u)" = 0 || echo sudo); \
		$$SUDO apt-get install -y wrk || { $$SUDO apt-get update && $$SUDO apt-get install -y wrk; }; }
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py bench $(BENCH_ARGS)

# A 100,000-event report built as a background job by a real worker (README,
# "Benchmark"): its progress, the worker's peak memory (budget 300 MB) and a
# public page's p95 meanwhile (within 20% of its p95 without the job). Needs
# the national dataset in PostgreSQL and Redis; a broken budget fails it.
# JOB_ARGS passes options, e.g. JOB_ARGS="--format pdf".
bench-jobs: install translations pdf-deps
	$(BIN)/python manage.py bench_report_job $(JOB_ARGS)

# The B2B meetings' scheduler against its budgets (README, "Matchmaking
# benchmark"): a Pune-sized and a national meet, CP-SAT beside greedy, each
# schedule validated; no database. A broken budget fails the target.
# MATCHMAKING_ARGS passes options, e.g. MATCHMAKING_ARGS="--only pune".
bench-matchmaking: install
	$(BIN)/python manage.py bench_matchmaking $(MATCHMAKING_ARGS)

# 50 visitors at once on the public pages for 60 s through nginx before two
# gunicorn instances (DEBUG off), then again while 200 exporters and buyers
# sign up and register for meets, then again while PostgreSQL restarts, then
# again while one app server is killed (README, "Load test"); a phase with an
# error it does not allow fails the target. RESTARTS THIS MACHINE'S POSTGRESQL
# CLUSTER: every connection to it drops (LOADTEST_ARGS=--no-restart spares it;
# --no-rush leaves the registrations out, --no-kill the killed app server).
# Its own database, created and filled with the demo data: LOADTEST_DATABASE_URL,
# default postgres://postgres@127.0.0.1:5432/loadtest.
loadtest: install translations
	@test -x /usr/sbin/nginx || $(call APT_GET,nginx-light)
	@command -v wrk >/dev/null || $(call APT_GET,wrk)
	$(BIN)/python scripts/loadtest.py $(LOADTEST_ARGS)

# The production set on this machine's loopback address: nginx (Debian's),
# two gunicorn instances, a Celery worker, a Redis of its own and a database of
# its own on the local PostgreSQL (PROD_SMOKE_DATABASE_URL, default
# postgres://postgres@127.0.0.1:5432/prod_smoke, made anew), checked through
# nginx and taken down (scripts/prod_smoke.py says what is checked).
prod-smoke: install translations
	@test -x /usr/sbin/nginx || $(call APT_GET,nginx-light)
	@command -v redis-server >/dev/null || $(call APT_GET,redis-server)
	$(BIN)/python scripts/prod_smoke.py

# The database in DATABASE_URL (pg_dump) and the uploads in MEDIA_ROOT, into
# BACKUP_DIR (default backups/); the files written are printed.
backup:
	scripts/backup.sh $(BACKUP_DIR)

# A backup into the database in DATABASE_URL, replacing what it holds of the
# portal, e.g. make restore DUMP=backups/portal-<stamp>.dump MEDIA_ARCHIVE=backups/media-<stamp>.tar.gz
restore:
	@test -n "$(DUMP)" || { echo "Give the backup: make restore DUMP=backups/portal-<stamp>.dump [MEDIA_ARCHIVE=backups/media-<stamp>.tar.gz [PRIVATE_ARCHIVE=backups/private-<stamp>.tar.gz]]" >&2; exit 1; }
	scripts/restore.sh "$(DUMP)" $(MEDIA_ARCHIVE) $(PRIVATE_ARCHIVE)

# Refresh the catalogues after changing interface strings (needs gettext).
messages: install-dev
	$(BIN)/python manage.py makemessages --locale hi --locale mr --locale fa --no-obsolete --ignore ".venv/*"

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache test-output tests/browser/node_modules
