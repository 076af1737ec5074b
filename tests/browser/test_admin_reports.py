"""An official downloads a report from the back-office, as a person would."""

import csv
import io
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-passphrase"


@pytest.fixture
def official(demo):
    return get_user_model().objects.create_superuser("reports-official", "", PASSWORD)


def test_an_official_downloads_the_events_register_in_marathi(site, page, official):
    page.goto(site + "/admin/login/?next=/admin/")
    page.fill("#id_username", official.username)
    page.fill("#id_password", PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_load_state()

    # The Reports page is reachable from the admin's home.
    page.locator("a[href='/admin/reports/']").first.click()
    page.wait_for_load_state()
    page.select_option("#id_report", "events")
    page.select_option("#id_language", "mr")
    page.select_option("#id_format", "csv")
    with page.expect_download() as download_info:
        page.locator("input[type=submit]").click()
    download = download_info.value

    content = Path(download.path()).read_text(encoding="utf-8")
    assert content.startswith("\ufeff")  # Excel then reads the Devanagari right
    rows = list(csv.reader(io.StringIO(content.lstrip("\ufeff"))))
    assert any("द्वितीय आंतरराष्ट्रिय खरेदीदार-विक्रेता परिषद" in cell for row in rows for cell in row)
    assert len(rows) > 4  # a header and the demo events
