# The content version and the visitors' feedback move to the base app from
# events and orgs: their rows stay in their tables (renamed in 0002), and the
# content types follow them, so that permissions and admin log entries keep
# pointing at them.

from django.db import migrations, models

MOVED = {"contentversion": "events", "feedback": "orgs"}


def move_content_types(apps, schema_editor, forwards=True):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model, old_app in MOVED.items():
        source, target = ("portal", old_app) if not forwards else (old_app, "portal")
        if not ContentType.objects.filter(app_label=target, model=model).exists():
            ContentType.objects.filter(app_label=source, model=model).update(app_label=target)


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, forwards=False)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("events", "0010_event_list_counts"),
        ("orgs", "0006_organisation_search_index"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ContentVersion",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("number", models.PositiveBigIntegerField(default=0)),
                    ],
                    options={"db_table": "events_contentversion"},
                ),
                migrations.CreateModel(
                    name="Feedback",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(max_length=120, verbose_name="name")),
                        ("email", models.EmailField(blank=True, help_text="Given by the visitor if they want a reply.", max_length=254, verbose_name="email")),
                        ("message", models.TextField(max_length=3000, verbose_name="message")),
                        ("page", models.CharField(blank=True, help_text="The web address or name of the page, as the visitor gave it.", max_length=500, verbose_name="page it concerns")),
                        ("language", models.CharField(blank=True, choices=[("en", "English"), ("hi", "Hindi"), ("mr", "Marathi"), ("fa", "Persian")], max_length=5, verbose_name="language of the page")),
                        ("created_at", models.DateTimeField(auto_now_add=True, db_index=True, verbose_name="received")),
                        ("handled", models.BooleanField(default=False, verbose_name="handled")),
                        ("staff_notes", models.TextField(blank=True, verbose_name="staff notes")),
                    ],
                    options={
                        "verbose_name": "feedback message",
                        "verbose_name_plural": "feedback messages",
                        "ordering": ["-created_at", "-pk"],
                        "db_table": "orgs_feedback",
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
