"""Keeps the public search index in step with publishing: pages and the snippets they show.

An index update never blocks an editor: it is a background task (django-tasks) enqueued when the change commits,
run at once in the same process by default, or by `manage.py db_worker` when TASKS_BACKEND=database
(navigator.settings). Failures are logged, and `manage.py search_index rebuild` repairs whatever was missed.
"""

import logging
import threading
from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django_tasks import task
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from navigator import pagecache
from navigator.shown import snippets_shown_on_pages
from services.models import ApplicationForm, CounterPage, RequiredDocument, ServicePage
from situations.models import SituationPage

from .backends import get_backend
from .documents import document_for

logger = logging.getLogger("search")
SEARCHABLE = (SituationPage, ServicePage, CounterPage)
_paused = threading.local()


@contextmanager
def paused():
    """Bulk work (the demo loader) skips per-page updates and rebuilds the index once at the end."""
    _paused.active = True
    try:
        yield
    finally:
        _paused.active = False


def _safely(action, *args):
    try:
        action(*args)
    except Exception:  # noqa: BLE001 - the index must never stop a publish
        logger.exception("Search index update failed; run `manage.py search_index rebuild` to repair it")
    # Searches answered between the publish's new content version and this write read the old index, and their
    # kept results (search.run) carry that version: a new one drops them.
    pagecache.new_version()


def rebuild():
    from .documents import all_documents

    get_backend().rebuild(all_documents())


def reindex_pages(page_ids):
    """Index the pages that are live and public as they stand now, remove the others (also the deleted ones)."""
    pages = list(Page.objects.filter(pk__in=page_ids).specific())
    documents = [document for document in map(document_for, pages) if document]
    live_ids = {document.page_id for document in documents}
    gone = [page_id for page_id in page_ids if page_id not in live_ids]
    backend = get_backend()
    if documents:
        backend.index(documents)
    if gone:
        backend.delete(gone)


@task()
def reindex_task(page_ids):
    """A change's index update; a worker may run it a while after the change, so it reads the pages then."""
    _safely(reindex_pages, page_ids)


@task()
def remove_task(page_ids):
    _safely(get_backend().delete, page_ids)


def situations_using(services):
    return SituationPage.objects.filter(steps__services__in=services).distinct()


def affected_by(page):
    """The page itself and the pages whose documents show something of it."""
    page = page.specific
    pages = [page]
    if isinstance(page, ServicePage):
        pages += list(situations_using([page]))
        pages += list(page.counters.all())  # a counter's document names the services done there
    return pages


def on_commit_reindex(pages):
    if getattr(_paused, "active", False):
        return
    page_ids = sorted({page.pk for page in pages})
    if page_ids:
        transaction.on_commit(lambda: reindex_task.enqueue(page_ids))


def page_changed(sender, instance, **kwargs):
    if isinstance(instance.specific, SEARCHABLE):
        on_commit_reindex(affected_by(instance))


def page_moved(sender, instance, **kwargs):
    pages = [instance, *instance.get_descendants()]
    on_commit_reindex(page for page in pages if isinstance(page.specific, SEARCHABLE))


def page_deleted(sender, instance, **kwargs):
    if getattr(_paused, "active", False):
        return
    page_id = instance.pk  # Django clears the instance's pk once the delete completes
    transaction.on_commit(lambda: remove_task.enqueue([page_id]))


def restriction_changed(sender, instance, **kwargs):
    """A view restriction put on or taken off a page: it and the searchable pages below it leave or rejoin, in
    every language (a restriction holds for all the page's language versions: navigator.visibility)."""
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is None:  # the page itself is being deleted; page_deleted takes it out
        return
    pages = [below for version in page.get_translations(inclusive=True)
             for below in version.get_descendants(inclusive=True).specific()]
    on_commit_reindex(page for page in pages if isinstance(page, SEARCHABLE))


def snippet_changed(sender, instance, **kwargs):
    if isinstance(instance, RequiredDocument):
        services = ServicePage.objects.filter(documents__document=instance)
        situations = SituationPage.objects.filter(documents__document=instance)
    elif isinstance(instance, ApplicationForm):
        services = ServicePage.objects.filter(forms=instance)
        situations = situations_using(services)
    else:
        services = ServicePage.objects.filter(department=instance)
        situations = SituationPage.objects.filter(department=instance)
    on_commit_reindex([*services.distinct(), *situations.distinct()])


def connect():
    for model in SEARCHABLE:
        page_published.connect(page_changed, sender=model, dispatch_uid=f"search-publish-{model.__name__}")
        page_unpublished.connect(page_changed, sender=model, dispatch_uid=f"search-unpublish-{model.__name__}")
    post_delete.connect(page_deleted, sender=Page, dispatch_uid="search-delete")
    post_page_move.connect(page_moved, dispatch_uid="search-move")
    post_save.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid="search-restriction-save")
    post_delete.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid="search-restriction-delete")
    for model in snippets_shown_on_pages():
        post_save.connect(snippet_changed, sender=model, dispatch_uid=f"search-snippet-{model.__name__}")
