"""Uploads in S3-compatible object storage (portal.storage), against moto's S3 server.

The buckets are those of config.settings.object_storage, as
AWS_STORAGE_BUCKET_NAME and AWS_S3_ENDPOINT_URL make them; moto's server
runs in the test's process on a port of its own, and the pages' addresses
are fetched over HTTP as a browser would.
"""

import io
import json
import os
import time
import urllib.request
from urllib.error import HTTPError
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from lxml import html as lxml_html
from PIL import Image

from config.settings import object_storage
from events.models import Event
from participants import registrations
from participants.models import Registration
from tests import factories
from tests.admin_forms import event_form, form_errors, inline_rows
from tests.participants.helpers import member
from tests.ports import free_port

pytestmark = pytest.mark.django_db

PUBLIC, PRIVATE = "portal-media", "portal-private"
PUBLIC_READ = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{PUBLIC}/*",
        }
    ],
}


@pytest.fixture(scope="module")
def s3_server():
    try:
        from moto.server import ThreadedMotoServer
    except ImportError:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip("moto[server] is not installed (pip install -e '.[dev]')")
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=free_port(), verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def buckets(s3_server, settings, monkeypatch, tmp_path):
    """The two buckets, empty, as the portal's storages; the disk's directories unused."""
    import boto3

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "portal")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "portal-secret")
    s3 = boto3.resource("s3", endpoint_url=s3_server, region_name="us-east-1")
    for name in (PUBLIC, PRIVATE):
        bucket = s3.Bucket(name)
        if bucket.creation_date:
            bucket.objects.all().delete()
        else:
            bucket.create()
    # As the README says to set the public bucket up: anyone may read its files.
    s3.BucketPolicy(PUBLIC).put(Policy=json.dumps(PUBLIC_READ))
    storages, settings.MEDIA_URL = object_storage(
        bucket=PUBLIC, private_bucket=PRIVATE, endpoint_url=s3_server, region="us-east-1"
    )
    settings.STORAGES = {**settings.STORAGES, **storages}
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    yield s3
    assert not settings.MEDIA_ROOT.exists() and not settings.PRIVATE_MEDIA_ROOT.exists()


def keys(s3, bucket):
    return [item.key for item in s3.Bucket(bucket).objects.all()]


def address(s3, bucket, key):
    """Where an object is read over HTTP without credentials."""
    return f"{s3.meta.client.meta.endpoint_url}/{bucket}/{key}"


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def webp(size):
    buffer = io.BytesIO()
    Image.new("RGB", size, "orange").save(buffer, "WEBP")
    return buffer.getvalue()


def test_a_cover_uploaded_in_the_back_office_is_shown_from_the_bucket(
    admin_client, client, buckets
):
    organiser = factories.OrganisationFactory()
    cover = SimpleUploadedFile("Pune meet cover.webp", webp((120, 80)))
    response = admin_client.post(
        reverse("admin:events_event_add"),
        event_form(
            title_en="Pune engineering meet",
            status=Event.Status.PUBLISHED,
            start_date="2030-01-10",
            end_date="2030-01-11",
            cover_image=cover,
            **inline_rows(
                "organiser_links", [{"organisation": organiser.pk, "role": "organiser", "order": 0}]
            ),
        ),
    )
    assert response.status_code == 302, form_errors(response)
    event = Event.objects.get()
    assert keys(buckets, PUBLIC) == [event.cover_image.name]
    assert keys(buckets, PRIVATE) == []

    page = lxml_html.fromstring(client.get(event.get_absolute_url()).content)
    [src] = page.xpath("//figure[contains(@class, 'event__cover')]/img/@src")
    # The visitor's browser reads it from the bucket's address, unsigned.
    assert src.startswith(address(buckets, PUBLIC, "events/pune-meet-cover"))
    shown = Image.open(io.BytesIO(fetch(src)))
    assert (shown.format, shown.size) == ("WEBP", (120, 80))


def test_a_participants_document_is_kept_in_the_private_bucket_for_staff_only(
    client, bodies, buckets
):
    factories.RegistrationSettingsFactory(event=bodies.pune)
    firm = factories.OrganisationFactory(name_en="Kolhapur Textiles")
    user = member("kolhapur@example.in", firm)
    pdf = SimpleUploadedFile("RCMC.pdf", b"%PDF-1.4 certificate\n%%EOF\n", "application/pdf")
    registration = registrations.register(
        user, bodies.pune, firm, Registration.Kind.SELLER, document=pdf
    )
    assert keys(buckets, PRIVATE) == [registration.document.name]
    assert keys(buckets, PUBLIC) == []
    # No one reads it from the bucket without the portal's credentials.
    with pytest.raises(HTTPError) as refused:
        fetch(address(buckets, PRIVATE, registration.document.name))
    assert refused.value.code == 403

    download = reverse("admin:participants_registration_document", args=[registration.pk])
    client.force_login(user)
    assert client.get(download).status_code == 302  # a participant is not staff
    client.force_login(bodies.clerk)
    response = client.get(download)
    # Sent to an address the portal signed, good for a minute: the bucket
    # sends the file, as a download, not an app server.
    signed = response["Location"]
    query = parse_qs(urlsplit(signed).query)
    assert response.status_code == 302 and query["Signature"]
    assert 0 < int(query["Expires"][0]) - time.time() <= 60
    with urllib.request.urlopen(signed, timeout=10) as sent:
        assert sent.headers["Content-Disposition"] == 'attachment; filename="RCMC.pdf"'
        assert sent.read() == b"%PDF-1.4 certificate\n%%EOF\n"

    # The participant's data deleted: the document goes from the bucket too.
    registration.document.delete(save=False)
    assert keys(buckets, PRIVATE) == []
