"""New event from a report: what cannot be read gets a clear message on the
form, in the official's language, and nothing is written or kept."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from events.models import Event

INTAKE = reverse("admin:events_event_intake")


@pytest.fixture
def clerk(bodies, client):
    client.force_login(bodies.clerk)
    return client


def refused(client, language, **data):
    """The form's errors, after checking that nothing was written or kept."""
    client.cookies["django_language"] = language
    events = Event.objects.count()
    response = client.post(INTAKE, {"text": "", "language": "", **data})
    assert response.status_code == 200
    assert Event.objects.count() == events
    assert "intake" not in client.session
    form = response.context["form"]
    return {name: " ".join(errors) for name, errors in form.errors.items()}


def translated(language, message):
    """The reader's message in `language`, checked to be translated."""
    with translation.override(language):
        shown = translation.gettext(message)
    assert shown != message
    return shown


def picture(fmt):
    out = io.BytesIO()
    Image.new("RGB", (300, 400), "white").save(out, format=fmt)
    return out.getvalue()


def test_empty_text(clerk):
    assert refused(clerk, "hi", text="  \n ") == {
        "text": translated("hi", "The report is empty: paste or upload its text.")
    }


def test_five_megabytes_of_text(clerk):
    five_megabytes = "परिषद " * (5 * 1024 * 1024 // len("परिषद ".encode()) + 1)
    errors = refused(clerk, "fa", text=five_megabytes)
    assert list(errors) == ["text"] and "گزارش" in errors["text"]


def test_a_binary_file_named_txt(clerk):
    upload = SimpleUploadedFile("report.txt", picture("PNG"))
    assert refused(clerk, "mr", file=upload) == {
        "file": "ही फाइल मजकूर नाही: अहवाल साध्या मजकुरात (UTF-8) जतन करा, "
        "किंवा थेट .docx किंवा .pdf अपलोड करा."
    }


def test_a_scanned_pdf_without_text(clerk):
    upload = SimpleUploadedFile("scan.pdf", picture("PDF"))
    errors = refused(clerk, "fa", file=upload)
    assert errors == {
        "file": "این PDF متنی برای خواندن ندارد: به نظر می‌رسد تصویری اسکن‌شده باشد. "
        "PDF دارای متن بارگذاری کنید، یا متن گزارش را بچسبانید."
    }


@pytest.mark.parametrize(
    "text",
    [
        "В Москве прошла международная встреча покупателей и продавцов.",
        "上海举办了国际买家与卖家见面会，来自十六个国家的四十一位买家参加。",
    ],
)
def test_text_in_another_language(clerk, text):
    assert refused(clerk, "hi", text=text) == {
        "text": translated(
            "hi", "The report is not in English, Hindi, Marathi or Persian, so it cannot be read."
        )
    }


def test_text_and_a_file_together(clerk):
    upload = SimpleUploadedFile("report.txt", "पुणे येथे परिषद पार पडली.".encode())
    errors = refused(clerk, "en", text="A meet was held in Pune.", file=upload)
    assert errors == {"__all__": "Paste the text or upload a file, not both."}
