"""The base app's receivers: what any change of content keeps current.

- `content_changed`: the content version (portal.page_cache), bumped in the
  transaction of every save, delete and many-to-many change of content, so
  that no cached public page is served once the change is committed.

Content is every record of the directory and the events apps, but their
history and their derived tables (portal.models.Derived), which receivers
rewrite: a version bumped by those would change with every page view that
counts, not with what the pages show.
"""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save
from simple_history.models import HistoricalChanges

from .models import Derived
from .page_cache import bump_content_version

CONTENT_APPS = ("orgs", "events")


def content_models():
    for app_label in CONTENT_APPS:
        for model in apps.get_app_config(app_label).get_models():
            if not issubclass(model, HistoricalChanges | Derived):
                yield model


def content_changed(sender, raw=False, action="post", instance=None, **kwargs):
    """Bump the content version: the page cache's pages were rendered before the change.

    Not for a record that says no public page shows it, now or before the
    change (`on_public_pages`: an organisation not yet verified): a rush of
    firms entering themselves would empty the whole cache again and again.
    """
    # `raw`: fixtures being loaded; m2m_changed also signals before each change.
    if raw or not action.startswith("post"):
        return
    if getattr(instance, "on_public_pages", True):
        bump_content_version()


def connect():
    """Connected per model, not for every sender: a derived table is deleted
    and rewritten in one statement, which a listener would turn into a
    fetch and a signal per row."""
    for model in content_models():
        uid = f"content_version_{model._meta.label_lower}"
        post_save.connect(content_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(content_changed, sender=model, dispatch_uid=uid)
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                content_changed, sender=field.remote_field.through, dispatch_uid=uid
            )
