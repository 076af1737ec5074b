from django.conf import settings
from django.db import migrations, models

from portal.text_search import fold

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def fill_search_text(apps, schema_editor):
    """Write search_text for the organisations already there.

    Historical models have no methods, so this spells out what
    Organisation.save folds as it stood when this migration was written:
    name and description in every language, the region's and its state's
    names, the acronym and the public identifiers.
    """
    Organisation = apps.get_model("orgs", "Organisation")

    def translations(record, field):
        return [getattr(record, f"{field}_{lang}") for lang in LANGUAGE_CODES]

    organisations = Organisation.objects.select_related("region", "region__parent")
    for organisation in organisations.iterator(chunk_size=500):
        texts = [
            *translations(organisation, "name"),
            *translations(organisation, "description"),
        ]
        for place in (organisation.region, organisation.region and organisation.region.parent):
            if place:
                texts += translations(place, "name")
        texts += [organisation.acronym, organisation.udyam_number, organisation.iec]
        organisation.search_text = fold(" ".join(text for text in texts if text))
        organisation.save(update_fields=["search_text"])


class Migration(migrations.Migration):
    dependencies = [
        ("orgs", "0002_load_countries"),
    ]

    operations = [
        migrations.AddField(
            model_name="organisation",
            name="search_text",
            field=models.TextField(default="", editable=False),
        ),
        migrations.RunPython(fill_search_text, migrations.RunPython.noop),
    ]
