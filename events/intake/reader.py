"""read_report: a press note in, a proposed event out, each value with its spans."""

import datetime
import re
from collections import Counter, defaultdict

from anyascii import anyascii
from rapidfuzz import fuzz

from events.models import Event, Scheme

from . import kinds, numbers, organisers, people, venues
from .dates import duration, event_dates, weekday_date
from .directory import SAME_NAME, Directory
from .patterns import LETTER, sentence_at
from .phrases import PhraseIndex
from .places import Place, directory_places, shipped_gazetteer
from .proposal import Found, Proposal
from .text import fold, read_text

# The country a report in Hindi or Marathi (India) or Persian (Iran) is
# written in, when no town in the report says otherwise.
HOME = {"hi": "IN", "mr": "IN", "fa": "IR"}
# A dateline ("पुणे :", "लखनऊ.", "Delhi/") opens the report.
_DATELINE = 80
# A name in Latin letters inside a report in another script: words and the
# small words between them, an acronym in brackets at its end.
_ENGLISH_NAME = re.compile(
    r"[a-z][a-z0-9&.'-]*(?:\s+(?:[a-z][a-z0-9&.'-]*|\([a-z0-9-]+\)))+", re.ASCII
)
_ENGLISH_WORDS = 3
_LEARNING = {Event.Kind.WORKSHOP, Event.Kind.SEMINAR, Event.Kind.TRAINING}
# The word before a province's name.
_PROVINCE = re.compile(r"(?<!\w)(?:استان|استاندار|استانداری|province of|state of)\s+")
# A town's word at the head of the report or before "येथे", "में": "कोल्हापूर :".
_TOWN_SLOT = re.compile(rf"(?P<town>(?:{LETTER})+)(?:\s*[:,।.-]|\s+(?P<cue>येथे|येथील|में|शहरात|شهر))")
_TODAY = re.compile(r"(?<!\w)(?:today|आज|आजच|امروز)(?!\w)")
_SCHEME_WORDS = re.compile(r"योजना|scheme|yojana|उपक्रम|طرح")
_QUOTED = re.compile(r"[‘'\"“]([^’'\"”\n]{2,40})[’'\"”]")


def read_report(text, language=None, published_on=None):
    """The proposal read from a report; ReportError if the text cannot be read."""
    source, language = read_text(text, language)
    normal = source.normal
    reading = _Reading(source, language)
    proposal = Proposal(language=language)
    reading.places(proposal)
    reading.dates(proposal, published_on)
    reading.event(proposal)
    reading.figures(proposal)
    directory = Directory()
    mentions = directory.find(normal)
    reading.people(proposal, directory, mentions)
    reading.organisers(proposal, directory, mentions)
    reading.schemes(proposal)
    return proposal


def _spelt_before(name, names):
    """Whether a name is one already read, spelt a little differently."""
    folded = fold(name)
    return any(fuzz.ratio(folded, fold(other)) >= SAME_NAME for other in names if other)


class _Reading:
    def __init__(self, source, language):
        self.country_spans = set()
        self.source = source
        self.normal = source.normal
        self.language = language

    def found(self, value, spans, confidence):
        return Found(value, [self.source.span(a, b) for a, b in spans], confidence)

    def capitalised(self, position):
        """Whether the text as given has a capital letter at a normalised position."""
        return self.source.original[self.source.span(position, position + 1)[0]].isupper()

    def original(self, start, end):
        return self.source.original_of(start, end).strip()

    # Where: the host country, its state and town; the other countries are targets.
    def places(self, proposal):
        hits = shipped_gazetteer().find(self.normal) + directory_places().find(self.normal)
        by_kind = defaultdict(list)
        country_spans = {(start, end) for kind, _place, start, end in hits if kind == "country"}
        self.country_spans = country_spans
        provinces = {match.end() for match in _PROVINCE.finditer(self.normal)}
        for kind, place, start, end in hits:
            if start in provinces:
                # "استان آذربایجان شرقی" is a province, not the country; "استان
                # اصفهان" the province named after its capital.
                if kind == "city":
                    by_kind["state"].append((Place("state", place.name, place.country), start, end))
                continue
            if kind != "country" and (start, end) in country_spans:
                continue  # "ارمنستان" is Armenia, not the Colombian town of that name.
            by_kind[kind].append((place, start, end))
        host = self._host(by_kind)
        city = self._best(by_kind["city"], host) or self._best(self._spelt_out(), host)
        state = self._best(by_kind["state"], host)
        if city:
            proposal.scalars["city"] = city
        if state:
            proposal.scalars["state"] = state
        elif city and city.value[1]:
            proposal.scalars["state"] = Found(city.value[1], city.spans, city.confidence / 2)
        if city:
            city.value = city.value[0]
        if state:
            state.value = state.value[0]
        if host:
            spans = [(a, b) for p, a, b in by_kind["country"] if p.country == host]
            proposal.scalars["country"] = self.found(host, spans, 0.9 if spans else 0.6)
        targets = defaultdict(list)
        for place, start, end in by_kind["country"]:
            if place.country != host:
                targets[place.country].append((start, end))
        proposal.target_countries = [
            self.found(code, spans, min(0.9, 0.6 + 0.1 * len(spans)))
            for code, spans in targets.items()
        ]

    def _spelt_out(self):
        """Towns the gazetteer has only in Latin letters, spelt out from the dateline
        or before "येथे", "में": "कोल्हापूर" is "kolhapur"."""
        towns = shipped_gazetteer().tables["city"]
        found = []
        for match in _TOWN_SLOT.finditer(self.normal):
            if match.start() >= _DATELINE and not match.group("cue"):
                continue
            place = towns.get((anyascii(match.group("town")).lower(),))
            if place:
                found.append((place, match.start("town"), match.end("town")))
        return found

    def _host(self, by_kind):
        opening = [p for p, a, _b in by_kind["city"] if a < _DATELINE]
        if opening:
            return opening[0].country
        if self.language in HOME:
            return HOME[self.language]
        counts = Counter(p.country for kind in ("state", "city") for p, _a, _b in by_kind[kind])
        if counts:
            return counts.most_common(1)[0][0]
        counts = Counter(p.country for p, _a, _b in by_kind["country"])
        return counts.most_common(1)[0][0] if counts else None

    def _best(self, places, host):
        """The place of the host country named most, the dateline counting thrice."""
        scores, spans = Counter(), defaultdict(list)
        for place, start, end in places:
            if host and place.country != host:
                continue
            key = (place.name, place.state)
            scores[key] += 3 if start < _DATELINE else 1
            spans[key].append((start, end))
        if not scores:
            return None
        key, score = scores.most_common(1)[0]
        return self.found(key, spans[key], min(0.95, 0.4 + 0.15 * score))

    # When: the first date the report gives, else "today" on the day it was published.
    def dates(self, proposal, published_on):
        found = event_dates(self.normal, kinds.happened(), published_on)
        if found:
            start, end, a, b = found
            confidence = 0.7
            proposal.scalars["start_date"] = self.found(start.isoformat(), [(a, b)], confidence)
            days = duration(self.normal)
            if start == end and days:
                # "पांच दिवसीय प्रशिक्षण ... 18 सितंबर को शुभारंभ": the last day follows.
                end = start + datetime.timedelta(days=days - 1)
                confidence /= 2
            proposal.scalars["end_date"] = self.found(end.isoformat(), [(a, b)], confidence)
            return
        today = _TODAY.search(self.normal)
        weekday = weekday_date(self.normal, published_on)
        if today and published_on:
            day, span = published_on, [(today.start(), today.end())]
        elif weekday:
            day, span = weekday[0], [weekday[1:]]
        else:
            return
        proposal.scalars["start_date"] = self.found(day.isoformat(), span, 0.4)
        proposal.scalars["end_date"] = self.found(day.isoformat(), span, 0.4)

    def event(self, proposal):
        kind, start, end, confidence = kinds.find_kind(self.normal)
        spans = [(start, end)] if start is not None else []
        proposal.scalars["kind"] = self.found(str(kind), spans, confidence)
        title = kinds.find_title(self.source, (start, end))
        if title:
            original = self.original(*title)
            spans = [title]
            english = original if original.isascii() else self._english_name(start)
            if english and not original.isascii():
                spans.append(english[1])
                english = self.original(*english[1])
            value = {"original": original, "en": english}
            proposal.scalars["title"] = self.found(value, spans, 0.5)
        venue = venues.find_venue(self.normal)
        if venue:
            proposal.scalars["venue"] = self.found(self.original(*venue), [venue], 0.6)

    def _english_name(self, kind_start):
        """An English name in the sentence that names the kind ("... Industry and
        Government Networking for Inclusive Transformation and Empowerment
        (IGNITE–2026) या जिल्हास्तरीय कार्यशाळेचे"): (text, span), or None."""
        if kind_start is None:
            return None
        first, last = sentence_at(self.normal, kind_start)
        names = [m for m in _ENGLISH_NAME.finditer(self.normal, first, last)]
        names = [m for m in names if len(m.group().split()) >= _ENGLISH_WORDS]
        if not names:
            return None
        best = max(names, key=lambda match: len(match.group()))
        return best.group(), best.span()

    def figures(self, proposal):
        for name, (value, qualifier, start, end) in numbers.figures(self.normal).items():
            confidence = 0.8 if qualifier != "exact" else 0.7
            proposal.figures[name] = self.found((value, qualifier), [(start, end)], confidence)
        # At a workshop, seminar or training the entrepreneurs who come are its
        # participants; at a meet or a fair they are the sellers (MSMEs).
        figures = proposal.figures
        learning = proposal.value("kind") in _LEARNING
        if learning and "msmes" in figures and "participants" not in figures:
            figures["participants"] = figures.pop("msmes")

    def people(self, proposal, directory, mentions):
        seen = set()
        for mention in people.find_people(self.source, self.language):
            start, end = mention.name
            if any(start < b and a < end for a, b in self.country_spans):
                continue  # "Sri Lanka" is no Shri Lanka.
            name = self.original(start, end)
            record = directory.person(name)
            if (record or name) in seen:
                continue
            seen.add(record or name)
            spans = [mention.name]
            designation = None
            if mention.designation:
                designation = self.original(*mention.designation)
                spans.append(mention.designation)
            value = {
                "name_original": name,
                "name_en": name if name.isascii() else None,
                "designation_original": designation,
                "role": mention.role,
                "session": mention.session,
                "person": record,
            }
            confidence = min(0.95, mention.confidence + (0.15 if record else 0))
            proposal.people.append(self.found(value, spans, confidence))
        for kind, record, start, end in mentions:
            if kind == "person" and record not in seen:
                seen.add(record)
                role, session = people.role_at(self.normal, start, end)
                value = {
                    "name_original": self.original(start, end),
                    "name_en": None,
                    "designation_original": None,
                    "role": role,
                    "session": session,
                    "person": record,
                }
                proposal.people.append(self.found(value, [(start, end)], 0.7))

    def organisers(self, proposal, directory, mentions):
        seen = set()
        for start, end, role in organisers.find_organisers(self.normal, self.capitalised):
            name = self.original(start, end)
            record = directory.organisation(name)
            if (record or name) in seen or _spelt_before(name, seen):
                continue
            seen.add(record or name)
            value = {
                "original": name,
                "en": name if name.isascii() else None,
                "organisation": record,
                "role": role,
            }
            proposal.organisers.append(self.found(value, [(start, end)], 0.75 if record else 0.55))

    def schemes(self, proposal):
        index = PhraseIndex()
        for slug, acronym, *names in Scheme.objects.values_list(
            "slug", "acronym", "name_en", "name_hi", "name_mr", "name_fa"
        ):
            for name in filter(None, [acronym, *names]):
                index.add("scheme", name, slug)
        spans = defaultdict(list)
        for _kind, slug, start, end in index.find(self.normal):
            spans[slug].append((start, end))
        # A name in quotation marks followed by the word for a scheme: "‘रॅम्प’ (...
        # योजना)", "the 'RAMP' scheme".
        for match in _QUOTED.finditer(self.normal):
            if _SCHEME_WORDS.search(self.normal, match.end(), match.end() + 120):
                name = self.original(*match.span(1))
                if not any(name.lower() == slug for slug in spans):
                    spans[name].append(match.span(1))
        proposal.schemes = [self.found(name, found, 0.6) for name, found in spans.items()]
