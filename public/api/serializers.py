"""What the API says of each record, in the language the request asks for.

Nothing private: no person's contact, no draft. Choices are given as their
value and their label; translated text falls back as on the pages.
"""

from django.utils.html import strip_tags
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from events.models import Event, EventOrganiser, MoU, MoUParty
from orgs.models import Organisation


@extend_schema_field(
    {
        "type": "object",
        "properties": {"value": {"type": "string"}, "label": {"type": "string"}},
    }
)
class ChoiceField(serializers.Field):
    """A choice as {"value": "workshop", "label": "Workshop"}, labelled in the asked language."""

    def __init__(self, choices, **kwargs):
        self.labels = dict(choices.choices)
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        # The value itself if it is no choice, as get_FOO_display() would.
        return {"value": value, "label": str(self.labels.get(value, value))}


@extend_schema_field(OpenApiTypes.URI)
class AbsoluteURLField(serializers.Field):
    """The record's page, in the request's language."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, record):
        return self.context["request"].build_absolute_uri(record.get_absolute_url())


class PlainTextField(serializers.CharField):
    """Rich text (descriptions) as plain text."""

    def to_representation(self, value):
        return strip_tags(value)


class CountrySerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class NamedSerializer(serializers.Serializer):
    """A record named by its slug: a region, a sector."""

    slug = serializers.CharField()
    name = serializers.CharField()


class SchemeSerializer(NamedSerializer):
    acronym = serializers.CharField()


class OrganiserSerializer(serializers.Serializer):
    slug = serializers.CharField(source="organisation.slug")
    name = serializers.CharField(source="organisation.name")
    role = ChoiceField(EventOrganiser.Role)


@extend_schema_field(
    {
        "type": "object",
        "nullable": True,
        "properties": {"value": {"type": "integer"}, "qualifier": {"type": "string"}},
    }
)
class FigureField(serializers.Field):
    """A headline figure as reported: {"value": 300, "qualifier": "at_least"}, or null."""

    def __init__(self, name, **kwargs):
        self.name = name
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, event):
        value = getattr(event, self.name)
        if value is None:
            return None
        return {"value": value, "qualifier": getattr(event, f"{self.name}_qualifier")}


class FiguresSerializer(serializers.Serializer):
    """Every figure is listed, null when the report gives none: each event has the same keys."""

    def get_fields(self):
        return {name: FigureField(name) for name in Event.FIGURES}


class SeriesSerializer(serializers.Serializer):
    """The series an event is an edition of, and its page."""

    name = serializers.CharField()
    slug = serializers.CharField()
    url = AbsoluteURLField()


class EventSerializer(serializers.Serializer):
    slug = serializers.CharField()
    url = AbsoluteURLField()
    title = serializers.CharField()
    kind = ChoiceField(Event.Kind)
    format = ChoiceField(Event.Format)
    start_date = serializers.DateField()
    end_date = serializers.DateField()
    timing = serializers.ChoiceField(["upcoming", "ongoing", "past", "tba"])
    # Whether it goes ahead as announced; a rescheduled event's first dates.
    schedule = ChoiceField(Event.Schedule)
    previous_start_date = serializers.DateField()
    previous_end_date = serializers.DateField()
    online_url = serializers.URLField()
    venue = serializers.CharField(allow_null=True)
    city = serializers.CharField(allow_null=True)
    region = NamedSerializer(allow_null=True)
    country = CountrySerializer()
    schemes = SchemeSerializer(many=True, source="schemes.all")
    sectors = NamedSerializer(many=True, source="sector_list")
    target_countries = CountrySerializer(many=True, source="target_country_list")
    organisers = OrganiserSerializer(many=True, source="organiser_list")
    figures = FiguresSerializer(source="*")
    series = SeriesSerializer(allow_null=True)
    edition = serializers.IntegerField(allow_null=True)
    updated_at = serializers.DateTimeField()

    def to_representation(self, event):
        data = super().to_representation(event)
        # An empty venue or city is no venue or city.
        data["venue"], data["city"] = event.venue or None, event.city or None
        return data


class EventDetailSerializer(EventSerializer):
    description = PlainTextField()
    registration_url = serializers.URLField()
    registration_deadline = serializers.DateField()
    source_url = serializers.URLField()


class OrganisationSerializer(serializers.Serializer):
    slug = serializers.CharField()
    url = AbsoluteURLField()
    name = serializers.CharField()
    acronym = serializers.CharField()
    kind = ChoiceField(Organisation.Kind)
    country = CountrySerializer()
    region = NamedSerializer(allow_null=True)
    sectors = NamedSerializer(many=True, source="sectors.all")
    website = serializers.URLField()
    # Public registrations of Indian firms, shown on their pages too.
    udyam_number = serializers.CharField()
    iec = serializers.CharField()
    updated_at = serializers.DateTimeField()


class OrganisationDetailSerializer(OrganisationSerializer):
    description = PlainTextField()
    parent = NamedSerializer(allow_null=True)


class PartySerializer(serializers.Serializer):
    slug = serializers.CharField(source="organisation.slug")
    name = serializers.CharField(source="organisation.name")
    role = ChoiceField(MoUParty.Role)


class SignedAtSerializer(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField()
    url = AbsoluteURLField()


class MoUSerializer(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField()
    parties = PartySerializer(many=True, source="party_links.all")
    event = SignedAtSerializer(allow_null=True)
    signed_on = serializers.DateField()
    status = ChoiceField(MoU.Status)
    value = serializers.DecimalField(max_digits=16, decimal_places=2, coerce_to_string=True)
    currency = serializers.CharField()
    updated_at = serializers.DateTimeField()


class MoUDetailSerializer(MoUSerializer):
    purpose = serializers.CharField()
    activities = serializers.CharField()
