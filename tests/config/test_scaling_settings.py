"""The settings of a read replica and of object storage, as a production process reads them."""

import json

from tests.config.test_security import production, run

SHOW = """
import json
import django
django.setup()
from django.conf import settings
from django.test import Client

page = Client(HTTP_HOST="portal.example.org").get("/robots.txt", secure=True)
print(json.dumps({
    "replica": settings.DATABASES.get("replica"),
    "media_url": settings.MEDIA_URL,
    "csp": page["Content-Security-Policy"],
}))
"""


def shown(tmp_path, **variables):
    result = run(production(tmp_path, **variables), "-c", SHOW)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_replica_gives_up_connecting_quickly_and_is_a_mirror_in_tests(tmp_path):
    replica = shown(
        tmp_path, DATABASE_REPLICA_URL="postgres://portal:secret@replica.internal:5432/portal"
    )["replica"]
    assert replica["HOST"] == "replica.internal"
    assert replica["OPTIONS"]["connect_timeout"] == 2
    assert replica["CONN_HEALTH_CHECKS"]
    assert replica["TEST"]["MIRROR"] == "default"
    assert shown(tmp_path)["replica"] is None


def test_with_object_storage_pages_may_show_pictures_from_the_bucket(tmp_path):
    answers = shown(
        tmp_path,
        AWS_STORAGE_BUCKET_NAME="portal-media",
        AWS_PRIVATE_STORAGE_BUCKET_NAME="portal-private",
        AWS_S3_REGION_NAME="ap-south-1",
    )
    assert answers["media_url"] == "https://portal-media.s3.ap-south-1.amazonaws.com/"
    assert "img-src 'self' https://portal-media.s3.ap-south-1.amazonaws.com" in answers["csp"]
    # Without object storage, pictures come from the portal only.
    assert "img-src" not in shown(tmp_path)["csp"]


def test_object_storage_without_a_private_bucket_is_refused(tmp_path):
    result = run(production(tmp_path, AWS_STORAGE_BUCKET_NAME="portal-media"), "manage.py", "check")
    assert result.returncode != 0
    assert "Set AWS_PRIVATE_STORAGE_BUCKET_NAME" in result.stderr
