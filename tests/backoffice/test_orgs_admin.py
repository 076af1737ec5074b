import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from access.roles import DATA_ENTRY
from orgs.models import Organisation
from tests.conftest import official

pytestmark = pytest.mark.django_db

ADD = reverse("admin:orgs_organisation_add")


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def organisation_form(**fields):
    return {"name_en": "India SME Forum", "kind": "industry_association", "country": "IN", **fields}


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "orange").save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_logo_that_is_not_an_image_is_refused(admin_client):
    fake = SimpleUploadedFile("logo.png", b"<script>alert(1)</script>", content_type="image/png")
    response = admin_client.post(ADD, organisation_form(logo=fake))
    assert response.status_code == 200
    assert "logo" in response.context["adminform"].form.errors
    assert Organisation.objects.count() == 0


def test_a_real_logo_is_kept(admin_client):
    logo = SimpleUploadedFile("logo.png", png_bytes(), content_type="image/png")
    response = admin_client.post(ADD, organisation_form(logo=logo))
    assert response.status_code == 302
    assert Organisation.objects.get().logo.name.startswith("logos/")


def test_a_bad_udyam_number_is_shown_on_its_field_in_marathi(admin_client):
    admin_client.cookies["django_language"] = "mr"
    response = admin_client.post(ADD, organisation_form(udyam_number="UDYAM-12345", kind="msme"))
    errors = response.context["adminform"].form.errors
    assert list(errors) == ["udyam_number"]
    # The message is in Marathi and still shows the expected form.
    assert "UDYAM-MH-26-0012345" in errors["udyam_number"][0]
    assert any("\u0900" <= ch <= "\u097f" for ch in errors["udyam_number"][0])
    assert Organisation.objects.count() == 0


def test_the_organisation_search_finds_devanagari_and_persian_names(admin_client):
    Organisation.objects.create(
        name_en="Basij Organisation of Industry and Civil Engineers",
        name_fa="سازمان بسیج مهندسان صنایع و عمران استان مرکزی",
        kind="other",
        country_id="IR",
    )
    Organisation.objects.create(
        name_en="MSSIDC",
        name_mr="महाराष्ट्र लघु उद्योग विकास महामंडळ",
        kind="state_corporation",
        country_id="IN",
    )
    url = reverse("admin:orgs_organisation_changelist")
    assert admin_client.get(url, {"q": "مهندسان"}).context["cl"].result_count == 1
    assert admin_client.get(url, {"q": "महामंडळ"}).context["cl"].result_count == 1


@pytest.mark.parametrize(("term", "code"), [("0901", "0901"), ("۰۹۰۱", "0901"), ("چاي", "09")])
def test_an_official_picks_an_organisations_hs_codes_by_code_or_name(client, term, code):
    client.force_login(official("clerk", DATA_ENTRY))
    answer = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "orgs", "model_name": "organisation", "field_name": "hs_codes", "term": term},
    ).json()
    assert code in [result["id"] for result in answer["results"]]
    # Shipped data: looked up, never changed in the back-office.
    page = client.get(reverse("admin:orgs_hscode_change", args=[code])).content.decode()
    assert 'name="_save"' not in page
