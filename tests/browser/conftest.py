"""Browser tests: Playwright driving Debian's Chromium against the live server.

What they need from outside Python: Chromium at /usr/bin/chromium (Debian's
`chromium` package; Playwright's own browser download is not used) and
axe-core from the npm registry (`npm ci --prefix tests/browser`). Without
them the tests are skipped, and say why; under CI (CI=true) a missing piece
is a failure instead, never a skip.
"""

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connections

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
IN_CI = os.environ.get("CI", "").lower() in {"true", "1"}
OUTPUT = Path(os.environ.get("TEST_OUTPUT", settings.BASE_DIR / "test-output"))

# Why browser tests were skipped, said again at the end of the run.
skip_reasons = set()


def missing(reason):
    """Skip the test for `reason`; under CI, where nothing may be missing, fail it."""
    if IN_CI:
        pytest.fail(f"the browser tests cannot run: {reason}", pytrace=False)
    skip_reasons.add(reason)
    pytest.skip(f"browser test skipped: {reason}")


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.browser)


def pytest_terminal_summary(terminalreporter):
    for reason in sorted(skip_reasons):
        terminalreporter.write_line(f"BROWSER TESTS SKIPPED: {reason}", yellow=True, bold=True)


@pytest.fixture
def demo(transactional_db, django_db_serialized_rollback):
    """The demo data, loaded for each test.

    The live server answers from another thread, so the data must be
    committed: the test runs as a transactional test case, which empties
    the tables afterwards; the serialized rollback brings back the
    countries, which a migration loads.
    """
    call_command("load_demo", verbosity=0)


@pytest.fixture
def site(demo, live_server):
    """The live server's address, with the demo data loaded."""
    return live_server.url


@pytest.fixture(scope="session")
def sync_playwright():
    """Playwright's entry point, once Playwright and Chromium are known to be there.

    Session-scoped, so that a test that cannot run says so before its data are loaded.
    """
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("Playwright for Python is not installed (pip install '.[dev]')")
    if not os.access(CHROMIUM, os.X_OK):
        missing(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    return sync_playwright


@pytest.fixture
def browser(sync_playwright, demo, monkeypatch):
    """Chromium, started for each test once its data are in, and stopped before they go.

    Between its calls, Playwright's sync API leaves its event loop marked as
    running in this thread. Django then takes the thread for an async
    context: it refuses the ORM unless told otherwise, and gives the thread
    database connections of its own, which are closed here while the loop
    is still there. Outside the browser's lifetime, the database setup and
    teardown see the thread as it is.
    """
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()
            connections.close_all()


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    context.set_default_timeout(15_000)
    yield context
    context.close()


@pytest.fixture
def page(context):
    """A page in the browser; a JavaScript error on any page it shows fails the test."""
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    yield page
    assert not errors, f"JavaScript errors: {errors}"


@dataclass
class Axe:
    script: Path
    reports: Path


@pytest.fixture(scope="session")
def axe():
    """axe-core's script, and where to write each page's violations (JSON)."""
    if not AXE.exists():
        missing(f"axe-core is not installed in {AXE.parent} (npm ci --prefix tests/browser)")
    reports = OUTPUT / "axe"
    reports.mkdir(parents=True, exist_ok=True)
    return Axe(AXE, reports)


@pytest.fixture(scope="session")
def screenshots():
    folder = OUTPUT / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
