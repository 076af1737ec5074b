from django.apps import AppConfig
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def rebuild_derived_tables(sender, plan=None, using=DEFAULT_DB_ALIAS, **kwargs):
    """Once a migrate that changed the schema ends, rewrite the derived tables
    (statistics, the lists' stored counts) with the present code.

    Not in the migrations themselves: a migration runs against the tables
    as they stand at its step, and the present models read every column of
    the last one. Nor part-way (`migrate events 0010`), when the models are
    ahead of the tables, nor after a flush, which sends no plan.
    """
    if not plan or all(backwards for _migration, backwards in plan):
        return
    executor = MigrationExecutor(connections[using])
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return
    from . import summaries

    summaries.rebuild()


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events and outcomes")

    def ready(self):
        from . import receivers

        receivers.connect()
        post_migrate.connect(rebuild_derived_tables, sender=self)
