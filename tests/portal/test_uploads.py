"""Logos, cover images and MoU documents uploaded in the back-office (portal.uploads)."""

import io
import os
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image, ImageCms, PngImagePlugin

from events.models import Event, MoU
from orgs.models import Organisation
from tests.admin_forms import event_form, form_errors, inline_rows, mou_form
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

ORGANISATION_ADD = reverse("admin:orgs_organisation_add")

NOT_A_PICTURE = (
    "Upload a picture in JPEG, PNG or WebP format. This file is not one, or it is damaged."
)
TOO_MANY_PIXELS = (
    "The picture has too many pixels: at most 25 million. Make it smaller and upload it again."
)
MARKUP = (
    "The file contains something besides the picture: web page code or a script. "
    "Save the picture again from an image editor and upload the copy."
)
DATA_AFTER = (
    "The file contains something besides the picture: more data after the image ends. "
    "Save the picture again from an image editor and upload the copy."
)


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def picture(fmt, size=(60, 40), mode="RGB", **save):
    buffer = io.BytesIO()
    Image.new(mode, size, "orange").save(buffer, fmt, **save)
    return buffer.getvalue()


def png_header_only(width, height):
    """A PNG of a few bytes whose header claims width × height pixels: a decompression bomb."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def add_organisation(client, name, content):
    # The browser's word for the type counts for nothing: say "image/png" for everything.
    logo = SimpleUploadedFile(name, content, content_type="image/png")
    return client.post(
        ORGANISATION_ADD,
        {
            "name_en": "India SME Forum",
            "kind": "industry_association",
            "country": "IN",
            "logo": logo,
        },
    )


def logo_errors(response):
    assert response.status_code == 200
    assert Organisation.objects.count() == 0
    return response.context["adminform"].form.errors["logo"]


def stored(field_file):
    field_file.open("rb")
    with field_file:
        return field_file.read()


def test_a_logo_is_stored_upright_without_its_metadata(admin_client):
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: the camera was turned; show it rotated 90°
    exif[0x010F] = "Canon"  # camera make
    exif[0x010E] = "Shri Narendra Jeena, +91 98220 12345"  # image description
    # XMP as phones write it, with where the photo was taken: metadata, not markup.
    xmp = (
        b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
        b'<rdf:RDF><rdf:Description exif:GPSLatitude="18,34.1N"/></rdf:RDF></x:xmpmeta>'
    )
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    upload = picture(
        "JPEG", exif=exif, comment=b"taken at the Pune meet", xmp=xmp, icc_profile=profile
    )

    response = add_organisation(admin_client, "पुणे लोगो.JPG", upload)

    assert response.status_code == 302
    logo = Organisation.objects.get().logo
    assert logo.name.startswith("logos/pune-logo") and logo.name.endswith(".jpg")
    content = stored(logo)
    image = Image.open(io.BytesIO(content))
    assert image.format == "JPEG"
    assert image.size == (40, 60)  # turned upright, as the camera meant it
    assert not image.getexif()
    assert not {"comment", "xmp", "icc_profile"} & set(image.info)
    for private in (b"Canon", b"98220", b"Pune meet", b"GPSLatitude"):
        assert private not in content


def test_a_png_logo_keeps_its_transparency_and_loses_its_text_chunks(admin_client):
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "MSSIDC design cell, design@mssidc.example")
    upload = picture("PNG", mode="RGBA", pnginfo=info)

    assert add_organisation(admin_client, "mssidc.png", upload).status_code == 302

    content = stored(Organisation.objects.get().logo)
    image = Image.open(io.BytesIO(content))
    assert (image.format, image.mode) == ("PNG", "RGBA")
    assert image.text == {}
    assert b"design@mssidc" not in content


def test_a_phone_photo_with_a_gain_map_after_it_is_taken_as_one_picture(admin_client):
    # Phones store an HDR gain map or depth map as a second JPEG after the
    # first (the multi-picture format); only the photo itself is kept.
    photo, gain_map = Image.new("RGB", (60, 40), "orange"), Image.new("L", (30, 20), "white")
    buffer = io.BytesIO()
    photo.save(buffer, "MPO", save_all=True, append_images=[gain_map])

    assert add_organisation(admin_client, "IMG_2041.jpg", buffer.getvalue()).status_code == 302

    image = Image.open(io.BytesIO(stored(Organisation.objects.get().logo)))
    assert (image.format, image.size, getattr(image, "n_frames", 1)) == ("JPEG", (60, 40), 1)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>',
            NOT_A_PICTURE,
        ),
        ("logo.png", b"<script>alert(1)</script>", NOT_A_PICTURE),
        ("logo.gif", picture("GIF"), NOT_A_PICTURE),
        ("logo.jpg", picture("JPEG")[:300], NOT_A_PICTURE),  # cut short
        ("bomb.png", png_header_only(100_000, 100_000), TOO_MANY_PIXELS),  # Pillow's own limit
        ("big.png", png_header_only(6000, 5000), TOO_MANY_PIXELS),  # 30 million: the portal's
        ("logo.jpg", picture("JPEG") + b"<script>alert(1)</script>", MARKUP),
        ("logo.jpg", picture("JPEG", comment=b"<?php system($_GET['c']); ?>"), MARKUP),
        ("logo.webp", picture("WEBP") + b"<HTML><BODY onload=alert(1)>", MARKUP),
        ("logo.jpg", picture("JPEG") + b"PK\x03\x04" + os.urandom(64), DATA_AFTER),  # a zip
        ("logo.png", picture("PNG") + b"\x00" * 16, DATA_AFTER),
    ],
    ids=[
        "svg",
        "script-named-png",
        "gif",
        "truncated-jpeg",
        "bomb",
        "over-the-portal-limit",
        "jpeg-then-script",
        "php-in-jpeg-comment",
        "webp-then-html",
        "jpeg-then-zip",
        "png-then-padding",
    ],
)
def test_a_logo_that_is_not_just_a_picture_is_refused(admin_client, name, content, message):
    assert logo_errors(add_organisation(admin_client, name, content)) == [message]


def test_html_in_a_png_text_chunk_is_refused(admin_client):
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", '<html><script src="https://evil.example/x.js"></script></html>')
    response = add_organisation(admin_client, "logo.png", picture("PNG", pnginfo=info))
    assert logo_errors(response) == [MARKUP]


def test_a_file_over_the_size_limit_is_refused_in_the_officials_language(admin_client, settings):
    settings.MAX_UPLOAD_BYTES = 1024 * 1024
    noise = Image.frombytes("RGB", (700, 700), os.urandom(700 * 700 * 3))
    buffer = io.BytesIO()
    noise.save(buffer, "PNG")
    assert len(buffer.getvalue()) > settings.MAX_UPLOAD_BYTES

    admin_client.cookies["django_language"] = "mr"
    response = add_organisation(admin_client, "photo.png", buffer.getvalue())

    assert logo_errors(response) == ["फाइल खूप मोठी आहे: कमाल 1 MB."]


def test_an_event_cover_in_webp_stays_webp(admin_client):
    organiser = OrganisationFactory()
    cover = SimpleUploadedFile("IGNITE 2026 cover.webp", picture("WEBP", size=(120, 80)))
    response = admin_client.post(
        reverse("admin:events_event_add"),
        event_form(
            title_en="IGNITE-2026",
            cover_image=cover,
            **inline_rows(
                "organiser_links", [{"organisation": organiser.pk, "role": "organiser", "order": 0}]
            ),
        ),
    )
    assert response.status_code == 302, form_errors(response)
    cover_image = Event.objects.get().cover_image
    assert cover_image.name.startswith("events/ignite-2026-cover")
    assert Image.open(io.BytesIO(stored(cover_image))).format == "WEBP"


def test_an_svg_event_cover_is_refused(admin_client):
    cover = SimpleUploadedFile("cover.svg", b"<svg><script>alert(1)</script></svg>")
    response = admin_client.post(
        reverse("admin:events_event_add"), event_form(title_en="IGNITE-2026", cover_image=cover)
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["cover_image"] == [NOT_A_PICTURE]
    assert Event.objects.count() == 0


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def add_mou(client, name, content):
    parties = [OrganisationFactory(), OrganisationFactory()]
    document = SimpleUploadedFile(name, content, content_type="application/pdf")
    return client.post(reverse("admin:events_mou_add"), mou_form(parties, document=document))


def document_errors(response):
    assert response.status_code == 200
    assert MoU.objects.count() == 0
    return response.context["adminform"].form.errors["document"]


def test_an_mou_document_in_pdf_is_kept_as_uploaded(admin_client):
    response = add_mou(admin_client, "सामंजस्य करार MoU.PDF", PDF)
    assert response.status_code == 302, form_errors(response)
    document = MoU.objects.get().document
    assert document.name.startswith("mous/sammjsy-krar-mou") and document.name.endswith(".pdf")
    assert stored(document) == PDF


def test_a_scanned_mou_is_stored_as_a_re_encoded_picture(admin_client):
    exif = Image.Exif()
    exif[0x010F] = "Canon"
    response = add_mou(admin_client, "scan.jpeg", picture("JPEG", exif=exif))
    assert response.status_code == 302, form_errors(response)
    document = MoU.objects.get().document
    assert document.name.endswith(".jpg")
    assert b"Canon" not in stored(document)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "mou.pdf",
            picture("JPEG"),
            "The file is a JPEG, but its name “mou.pdf” does not end in “.jpg”. "
            "Rename it and upload it again.",
        ),
        (
            "mou.png",
            PDF,
            "The file is a PDF, but its name “mou.png” does not end in “.pdf”. "
            "Rename it and upload it again.",
        ),
        (
            "mou.docx",
            b"PK\x03\x04" + os.urandom(64),
            "Upload the document as a PDF, or a scan of it as a JPEG or PNG.",
        ),
        (
            "mou.pdf",
            b"<html><script>alert(1)</script></html>",
            "Upload the document as a PDF, or a scan of it as a JPEG or PNG.",
        ),
        (
            "mou.pdf",
            PDF + b"<html><body onload=alert(1)></body></html>",
            "The document contains web page code or a script. "
            "Save it again as a PDF and upload the copy.",
        ),
        (
            "scan.jpg",
            picture("JPEG") + b"<script>alert(1)</script>",
            MARKUP,
        ),
    ],
    ids=["jpeg-named-pdf", "pdf-named-png", "word", "html-named-pdf", "pdf-with-html", "polyglot"],
)
def test_an_mou_document_that_is_not_what_it_says_is_refused(admin_client, name, content, message):
    assert document_errors(add_mou(admin_client, name, content)) == [message]
