"""The Hindi, Marathi and Persian catalogues: every message translated, none fuzzy, the same
messages in each, placeholders kept."""

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parents[2] / "portal" / "locale"


def catalogue(lang):
    with open(LOCALE / lang / "LC_MESSAGES" / "django.po", "rb") as po:
        return read_po(po)


def key(message):
    return (message.id if isinstance(message.id, str) else message.id[0], message.context)


@pytest.mark.parametrize("lang", ["hi", "mr", "fa"])
def test_every_message_is_translated(lang):
    messages = [message for message in catalogue(lang) if message.id]
    strings = [
        (key(message), text)
        for message in messages
        for text in (message.string if isinstance(message.string, tuple) else [message.string])
    ]
    assert [k for k, text in strings if not text] == []
    assert [key(message) for message in messages if message.fuzzy] == []
    assert [(key(m), errors) for m, errors in catalogue(lang).check()] == []


def test_the_three_catalogues_hold_the_same_messages():
    hindi, marathi, persian = (
        {key(m) for m in catalogue(lang) if m.id} for lang in ("hi", "mr", "fa")
    )
    assert hindi == marathi == persian
