from django.db import migrations


def create_roles(apps, schema_editor):
    # The groups, with whatever permissions exist yet: on a new database none
    # do until migrate ends, when AccessConfig's post_migrate receiver gives
    # each role its permissions (as it does after every migrate).
    from access.roles import sync_roles

    sync_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("access", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("events", "0003_versions_history_publish_permission"),
        ("orgs", "0005_history"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
