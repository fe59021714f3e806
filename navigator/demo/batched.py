"""What Wagtail keeps up to date after every save, brought up to date once per load instead.

Wagtail re-indexes an object after each save, for its admin search and for its reference index (what uses what,
the admin's usage counts); after a save of one of its inline rows it re-indexes the whole object again. A load
saves each page several times (created, its revision published, translated), with dozens of rows each: most of
a load went into indexing the same objects again and again. Here the saves are only noted, and each saved object
is indexed once when the load is done.
"""

from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import post_save
from modelcluster.fields import ParentalKey
from modelsearch import index as search_index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update


def _owner(instance):
    """The object an inline row belongs to (through every level of rows), or the object itself."""
    while True:
        key = next((field for field in instance._meta.get_fields() if isinstance(field, ParentalKey)), None)
        if key is None:
            return instance
        parent = getattr(instance, key.name, None)
        if parent is None:
            return None
        instance = parent


@contextmanager
def indexed_once():
    saved = {}
    searchable = [model for model in search_index.get_indexed_models()
                  if getattr(model, "search_auto_update", True)]

    def note(sender, instance, raw=False, **kwargs):
        owner = _owner(instance)
        if owner is not None and owner.pk is not None:
            saved[(type(owner), owner.pk)] = True
        if type(instance) in searchable and instance.pk is not None:
            saved[(type(instance), instance.pk)] = True

    for model in searchable:
        post_save.disconnect(post_save_signal_handler, sender=model)
    post_save.connect(note, weak=False, dispatch_uid="demo-indexed-once")
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(dispatch_uid="demo-indexed-once")
        for model in searchable:
            post_save.connect(post_save_signal_handler, sender=model)
    with transaction.atomic():
        for model, pk in saved:
            instance = model._default_manager.filter(pk=pk).first()
            if instance is None:
                continue
            if ReferenceIndex.is_indexed(model):
                ReferenceIndex.create_or_update_for_object(instance)
            if model in searchable:
                search_index.insert_or_update_object(instance)
