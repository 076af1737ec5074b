from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("events", "0006_mou_register")]

    operations = [
        migrations.AddIndex(
            model_name="b2bmeeting",
            index=models.Index(fields=["starts_at"], name="meeting_time"),
        ),
    ]
