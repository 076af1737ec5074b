"""The base app's receivers: what any change of content keeps current.

- `content_changed`: the page cache's tags (portal.page_cache) of what a
  save, delete or many-to-many change touched: the record itself, the
  records it points to (a role's event and person, an MoU's event, the
  other side of a many-to-many link) and `content`, which every list,
  feed and total depends on. Bumped once the change is committed.
- `page_cache.record_loaded`: each content record built from the database
  while a record page renders is a record that page depends on.

Content is every record of the directory and the events apps, but their
history and their derived tables (portal.models.Derived), which receivers
rewrite: tags bumped by those would change with every page view that
counts, not with what the pages show.
"""

from functools import partial

from django.apps import apps
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save
from simple_history.models import HistoricalChanges

from . import page_cache
from .models import Derived

CONTENT_APPS = ("orgs", "events")
# The records a record page is about, which show lists of other records (an
# event its roles and MoUs, an organisation its events, a series its
# editions): a record added to, or moved out of, one of them changes its
# pages. Countries, regions, people, schemes and sectors have no pages of
# their own that list others.
PAGE_SUBJECTS = {"events.event", "events.eventseries", "events.mou", "orgs.organisation"}


def content_models():
    for app_label in CONTENT_APPS:
        for model in apps.get_app_config(app_label).get_models():
            if not issubclass(model, HistoricalChanges | Derived):
                yield model


def touched_tags(instance, model=None, pk_set=None):
    """The page cache's tags of `instance`, of the page subjects its foreign
    keys name and of those on the other side of a many-to-many change."""
    tags = {page_cache.CONTENT, page_cache.tag_of(instance)}
    for field in instance._meta.concrete_fields:
        if field.is_relation and field.related_model._meta.label_lower in PAGE_SUBJECTS:
            related = getattr(instance, field.attname)
            if related is not None:
                tags.add(f"{field.related_model._meta.label_lower}:{related}")
    if model is not None and model._meta.label_lower in PAGE_SUBJECTS:
        tags.update(f"{model._meta.label_lower}:{pk}" for pk in pk_set or ())
    return tags


def pages_changed(instance, model=None, pk_set=None):
    """Bump, once the change is committed, the tags of the pages showing `instance`."""
    tags = touched_tags(instance, model, pk_set)
    transaction.on_commit(partial(page_cache.bump, tags), robust=True)


def content_changed(
    sender, raw=False, action="post", instance=None, model=None, pk_set=None, **kwargs
):
    """The pages showing the record changed, so the page cache's copies are old.

    Not for a record that says no public page shows it, now or before the
    change (`on_public_pages`: an organisation not yet verified): a rush of
    firms entering themselves would empty the lists again and again.
    """
    # `raw`: fixtures being loaded; m2m_changed also signals before each change.
    if raw or not action.startswith("post"):
        return
    if getattr(instance, "on_public_pages", True):
        pages_changed(instance, model, pk_set)


def connect():
    """Connected per model, not for every sender: a derived table is deleted
    and rewritten in one statement, which a listener would turn into a
    fetch and a signal per row."""
    for model in content_models():
        uid = f"page_cache_{model._meta.label_lower}"
        post_init.connect(page_cache.record_loaded, sender=model, dispatch_uid=uid)
        post_save.connect(content_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(content_changed, sender=model, dispatch_uid=uid)
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                content_changed, sender=field.remote_field.through, dispatch_uid=uid
            )
