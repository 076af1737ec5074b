"""Every back-office page reads wholly in Hindi, Marathi and Persian: no
interface string is left in English, whichever app it comes from (Django's
admin, django-axes, django-import-export, django-simple-history or ours).

Each page is fetched in each language and its visible text read; a piece of
text that is one of the English interface strings (a msgid of any catalogue
the back-office uses, or an app's or model's English name) means something
was not translated. Records' own text (names, titles) is data, not interface.
"""

import datetime
import re
from html.parser import HTMLParser
from pathlib import Path

import django
import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.urls import reverse
from django.utils import translation

from participants.models import Registration, RegistrationQuestion
from tests import factories

pytestmark = pytest.mark.django_db

LANGUAGES = ["hi", "mr", "fa"]
# Written the same in every language: acronyms, formats, codes.
SAME_IN_EVERY_LANGUAGE = {"MoU", "MoUs", "IEC", "CSV", "XLSX", "PDF", "B2B", "ISO", "URL", "ID"}


def catalogues():
    """The .po files whose msgids are the back-office's English interface strings."""
    site = Path(django.__file__).parent
    packages = Path(django.__file__).parent.parent
    yield from (site / "conf" / "locale" / "hi" / "LC_MESSAGES").glob("django.po")
    for app in ("admin", "auth", "contenttypes"):
        yield site / "contrib" / app / "locale" / "hi" / "LC_MESSAGES" / "django.po"
    for package in ("axes", "import_export", "simple_history"):
        yield from (packages / package / "locale").glob("*/LC_MESSAGES/django.po")
    yield settings.BASE_DIR / "portal" / "locale" / "hi" / "LC_MESSAGES" / "django.po"


def msgids(path):
    """The msgids (and plural msgids) of a .po file."""
    text = path.read_text(encoding="utf-8")
    for match in re.finditer(r'^msgid(?:_plural)? ((?:".*"\n?)+)', text, re.MULTILINE):
        yield "".join(re.findall(r'"(.*)"', match.group(1))).encode().decode("unicode_escape")


def english_interface_strings():
    strings = set()
    for path in catalogues():
        strings.update(msgids(path))
    with translation.override("en"):
        for app_config in apps.get_app_configs():
            strings.add(str(app_config.verbose_name))
            for model in app_config.get_models():
                strings.add(str(model._meta.verbose_name_plural).capitalize())
    return {s.strip() for s in strings if is_english(s.strip())}


def is_english(text):
    """Words of English, not an acronym or a code: at least one lower-case word of three letters."""
    return text not in SAME_IN_EVERY_LANGUAGE and bool(re.search(r"\b[A-Za-z][a-z]{2,}\b", text))


class VisibleText(HTMLParser):
    """The interface text a reader sees, and the labels that stand for it
    (title, alt, placeholder...); not the records' own text: form values,
    list cells, links to records, read-only values."""

    HIDDEN = {"script", "style", "template", "textarea", "option", "select"}
    SHOWN_ATTRIBUTES = {"title", "alt", "placeholder", "aria-label", "value"}

    def __init__(self):
        super().__init__()
        self.texts, self.hidden, self.open = [], 0, []

    @staticmethod
    def is_data(tag, attributes):
        classes = (attributes.get("class") or "").split()
        return (
            (tag in ("td", "th") and any(c.startswith("field-") for c in classes))
            or (tag == "a" and "/change/" in (attributes.get("href") or ""))
            or (tag == "div" and "readonly" in classes)
            or (tag == "span" and "inline_label" in classes)
            # What a delete takes with it: "session: <the session's title>".
            or (tag == "ul" and attributes.get("id") == "deleted-objects")
        )

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        hidden = tag in self.HIDDEN or self.is_data(tag, attributes)
        if tag not in ("input", "img", "br", "hr", "meta", "link"):
            self.open.append(hidden)
            self.hidden += hidden
        for name in self.SHOWN_ATTRIBUTES:
            if attributes.get(name) and (name != "value" or attributes.get("type") == "submit"):
                self.texts.append(attributes[name])

    def handle_endtag(self, tag):
        if tag not in ("input", "img", "br", "hr", "meta", "link") and self.open:
            self.hidden -= self.open.pop()

    def handle_data(self, data):
        if not self.hidden and data.strip():
            self.texts.append(data)


def english_on(html, interface):
    parser = VisibleText()
    parser.feed(html)
    found = set()
    for text in parser.texts:
        for piece in re.split(r"\s*[:|›»]\s*|\n", text):
            piece = piece.strip(" .,()")
            if piece in interface:
                found.add(piece)
    return found


@pytest.fixture
def back_office(demo, admin_client):
    """Every kind of record on file, so that each admin has a change page to show."""
    factories.FeedbackFactory()
    factories.B2BMeetingFactory()
    registered(factories.RegistrationSettingsFactory().event)
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    AccessAttempt.objects.create(username="clerk", ip_address="10.0.0.1", failures_since_start=2)
    AccessFailureLog.objects.create(username="clerk", ip_address="10.0.0.1")
    AccessLog.objects.create(username="clerk", ip_address="10.0.0.1")
    return admin_client


def admin_pages():
    pages = [reverse("admin:index"), reverse("admin-reports"), reverse("admin:password_change")]
    app_labels = set()
    for model in apps.get_models():
        if not admin.site.is_registered(model):
            continue
        info = model._meta.app_label, model._meta.model_name
        app_labels.add(model._meta.app_label)
        pages.append(reverse("admin:{}_{}_changelist".format(*info)))
        pages.append(reverse("admin:{}_{}_add".format(*info)))
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            for view in ("change", "history", "delete"):
                pages.append(reverse(f"admin:{info[0]}_{info[1]}_{view}", args=[first.pk]))
    pages += [reverse("admin:app_list", args=[label]) for label in sorted(app_labels)]
    return pages


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_interface_string_is_left_in_english(back_office, lang):
    interface = english_interface_strings()
    back_office.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    left = {}
    for url in admin_pages():
        response = back_office.get(url)
        if response.status_code == 403:  # an add page of a read-only admin
            continue
        assert response.status_code == 200, url
        english = english_on(response.content.decode(), interface)
        if english:
            left[url] = sorted(english)
    assert left == {}


def registered(event):
    """A firm registered for `event`, answering its question."""
    question = RegistrationQuestion.objects.create(
        event=event, text_en="Main product", answer=RegistrationQuestion.Answer.YES_NO
    )
    return Registration.objects.create(
        event=event,
        organisation=factories.OrganisationFactory(),
        kind=Registration.Kind.SELLER,
        answers={str(question.pk): "yes"},
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_reason_for_a_rejection_is_asked_in_the_officials_language(admin_client, lang):
    registration = registered(factories.RegistrationSettingsFactory().event)
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    chosen = {"action": "reject_selected", "_selected_action": [registration.pk], "post": "yes"}
    # Posted without a reason: the page asks for it, with the error.
    page = admin_client.post(reverse("admin:participants_registration_changelist"), chosen)
    assert page.context["form"].errors
    assert english_on(page.content.decode(), english_interface_strings()) == set()


@pytest.mark.parametrize(
    ("lang", "written"),
    [
        ("mr", "१५ मार्च, २०२७"),
        ("hi", "15 मार्च 2027"),
        ("fa", "۲۴ اسفند ۱۴۰۵"),
        ("en", "15 March 2027"),
    ],
)
def test_dates_in_the_back_office_read_as_on_the_public_pages(admin_client, lang, written):
    """Day first, the language's digits, and the Solar Hijri calendar in Persian
    (Django's own formats wrote "मार्च 15, 2027" in Marathi)."""
    factories.EventFactory(start_date=datetime.date(2027, 3, 15), end_date=None)
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    response = admin_client.get(reverse("admin:events_event_changelist"))
    assert f'<td class="field-start_date_shown">{written}</td>' in response.content.decode()
