"""What the reader proposes: each value with the spans it was read from."""

from dataclasses import dataclass, field

# Confidence of a value read by a rule with no cue beside it; rules that see
# a cue (a month name, an honorific, a qualifier) say more.
WEAK = 0.4


@dataclass
class Found:
    """A value read from the text, where it stood and how sure the rule is."""

    value: object
    spans: list
    confidence: float = WEAK

    @property
    def evidence(self):
        return {"spans": [list(span) for span in self.spans], "confidence": self.confidence}


SCALARS = ("title", "kind", "start_date", "end_date", "city", "state", "country", "venue")


@dataclass
class Proposal:
    language: str
    # Each scalar field is a Found or None.
    scalars: dict = field(default_factory=dict)
    organisers: list = field(default_factory=list)  # of Found(dict)
    schemes: list = field(default_factory=list)  # of Found(str)
    figures: dict = field(default_factory=dict)  # field -> Found((value, qualifier))
    target_countries: list = field(default_factory=list)  # of Found(code)
    people: list = field(default_factory=list)  # of Found(dict)

    def value(self, name):
        found = self.scalars.get(name)
        return found.value if found else None

    def as_json(self):
        """The proposal in the schema of events/intake/schema.json, plus "evidence"."""
        data = {"language": self.language}
        evidence = {}
        for name in SCALARS:
            data[name] = self.value(name)
            if self.scalars.get(name):
                evidence[name] = self.scalars[name].evidence
        data["organisers"] = [{**item.value, **item.evidence} for item in self.organisers]
        data["schemes"] = [item.value for item in self.schemes]
        evidence["schemes"] = {item.value: item.evidence for item in self.schemes}
        data["figures"] = {
            name: {"value": found.value[0], "qualifier": found.value[1], **found.evidence}
            for name, found in self.figures.items()
        }
        data["target_countries"] = [item.value for item in self.target_countries]
        evidence["target_countries"] = {item.value: item.evidence for item in self.target_countries}
        data["people"] = [{**item.value, **item.evidence} for item in self.people]
        data["evidence"] = evidence
        return data
