"""Whole public pages kept in the shared cache for anonymous visitors, and dropped on every content change.

A situation page takes tens of milliseconds and some twenty queries to compose; most visitors ask for the same
few pages without answers. This module keeps those renders in Django's default cache, which is shared by every
worker process (the database cache, or Redis with CACHE_URL/REDIS_URL: see navigator/settings/base.py).

Who gets a kept page: a GET without a query string, to a URL Wagtail serves, from a browser without a session
cookie. Signed-in editors and clerks (the user bar, the front desk) and Wagtail's previews of drafts (run through
the middleware at the page's own URL) always get a fresh render. A visitor's answers to the guide live in the
query string, so a personal checklist is never stored, let alone shown to someone else.

What is kept: a 200 answer of a page type that opts in (SharedPageMixin), that sets no cookie, varies on nothing
but the language and cookies, and says nothing private in Cache-Control. A 404, an error or a redirect never is.
Django says "Vary: Cookie" as soon as a page asks who the user is (the user bar does): the answer depends on
the session cookie, and a request with one is never served from or stored in the cache. The other cookies
Django reads (CSRF, messages) are set again on any answer that used them, and an answer that sets a cookie is
never kept. The language is part of the key, negotiated (cookie, Accept-Language) the way Django does it.

For how long: until the content changes (below), until the first moment something on the page stops being true
(the apps that know say so through `watch_lifetime`: services registers the open-now labels of whichever counters
the page shows), until midnight (the exceptions ahead, "zítra"), and at most PAGE_CACHE_TIMEOUT (an hour). The
feedback form's token is issued per hour and valid for a day (feedback.tokens), so a kept page's token is at most
two hours old when served and stays good.

Invalidation: every entry carries the content version it was rendered at. Saving or deleting a page (publish,
unpublish, move, delete all save or delete it), a snippet pages show (navigator.shown), the office settings, a
site or a view restriction gives the content a new random version, read by every worker together with the entry
in one cache round trip: the next request anywhere renders afresh. The version changes at once (so the same
transaction reads its own change) and again when the transaction commits, so nothing another worker rendered from
the old rows in between survives.
"""

import functools
import hashlib
import logging
import math
import time
import uuid
from contextlib import ExitStack
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag

from .shown import snippets_shown_on_pages

logger = logging.getLogger(__name__)

VERSION_KEY = "pagecache:version"
ENTRY_PREFIX = "pagecache:page:"
DEFAULT_TIMEOUT = 60 * 60
# Wagtail answers every page URL through this view; nothing else is looked up in the cache.
PAGE_VIEW = "wagtail_serve"
# All a kept page may vary on: the language is in the key, and a session cookie bypasses the cache (see above).
ALLOWED_VARY = {"accept-language", "cookie"}
STATUS_HEADER = "X-Page-Cache"


def max_age():
    """The longest a page is kept, in seconds; 0 switches the page cache off."""
    return getattr(settings, "PAGE_CACHE_TIMEOUT", DEFAULT_TIMEOUT)


class SharedPageMixin:
    """A page type whose public answer is the same for every anonymous visitor, so it may be kept and shared.

    The middleware decides whether this request's answer is actually stored; the mark only says the page type
    has nothing personal in its output beyond what the query string and the session bring.
    """

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        response.shared_page = True
        return response


def new_version():
    """Give the content a new version: every kept page is stale from now on, in every process."""
    try:
        cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    except Exception:  # noqa: BLE001 - a publish must not fail because the cache is down
        logger.exception("Could not invalidate the page cache; kept pages expire within PAGE_CACHE_TIMEOUT")


def content_changed(**kwargs):
    """A signal receiver: something pages show has changed; see the module's docstring for why twice."""
    new_version()
    transaction.on_commit(new_version)


def cache_key(request):
    """The key of this request's page, or None if the request must neither be served from nor stored in the cache."""
    if request.method != "GET" or request.META.get("QUERY_STRING") or max_age() <= 0:
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES or getattr(request, "is_dummy", False):
        return None  # a signed-in user, or Wagtail previewing a draft through the middleware at the page's URL
    try:
        if resolve(request.path_info).url_name != PAGE_VIEW:
            return None
        url = request.build_absolute_uri()
    except (Resolver404, DisallowedHost):
        return None
    language = translation.get_language_from_request(request)
    return ENTRY_PREFIX + hashlib.sha256(f"{language} {url}".encode()).hexdigest()


def _lookup(key):
    """The content version now and the entry kept under `key` if it is of that version and not expired."""
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY)
    if version is None:
        # Never set, or evicted: a random new one, so that no entry kept before can match it.
        version = uuid.uuid4().hex
        if not cache.add(VERSION_KEY, version, timeout=None):
            version = cache.get(VERSION_KEY, version)
    entry = found.get(key)
    if entry and entry["version"] == version and entry["expires"] > time.time():
        return version, entry
    return version, None


def _replay(request, entry):
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    response[STATUS_HEADER] = "hit"
    return get_conditional_response(request, etag=response.get("ETag"), response=response)


def _storable(response):
    vary = {header.strip().lower() for header in response.get("Vary", "").split(",") if header.strip()}
    cache_control = response.get("Cache-Control", "").lower()
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Set-Cookie")
        and vary <= ALLOWED_VARY
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


_lifetime_watches = []


def watch_lifetime(watch_changes):
    """Let an app tell when a page rendered now stops being true, without this module knowing the app.

    `watch_changes` is a context manager factory: the middleware enters one around every page it may keep, and
    afterwards reads its value's `earliest` (an aware datetime, or None when the page showed nothing that
    changes), as services.hours.watch_changes does for the open-now labels of the counters a page shows.
    """
    if watch_changes not in _lifetime_watches:
        _lifetime_watches.append(watch_changes)


def lifetime(watches, now=None):
    """Seconds a page rendered now stays true: see the module's docstring."""
    now = now or timezone.now()
    local = timezone.localtime(now)
    midnight = datetime.combine(local.date() + timedelta(days=1), datetime.min.time(), tzinfo=local.tzinfo)
    ends = [now + timedelta(seconds=max_age()), midnight]
    ends += [watch.earliest for watch in watches if watch.earliest is not None]
    return (min(ends) - now).total_seconds()


def _store(key, version, response, seconds):
    entry = {
        "version": version,
        "expires": time.time() + seconds,
        "status": response.status_code,
        "content": response.content,
        "headers": [(name, value) for name, value in response.items() if name != STATUS_HEADER],
    }
    try:
        # Whole seconds, rounded down: the backend may only drop an entry early, never late.
        cache.set(key, entry, timeout=math.floor(seconds))
    except Exception:  # noqa: BLE001 - the visitor has the page; the next one renders it again
        logger.warning("Could not keep a page in the cache", exc_info=True)


class PageCacheMiddleware:
    """Serves kept pages before sessions, authentication and the view run; keeps the ones it may.

    It sits below SecurityMiddleware (HTTPS redirect, HSTS) and WhiteNoise, and above everything that reads
    cookies, so a kept page is answered without touching the session or the user.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = cache_key(request)
        if key is None:
            return self._private(self.get_response(request))
        try:
            version, entry = _lookup(key)
        except Exception:  # noqa: BLE001 - a cache that is down costs speed, never the page
            logger.warning("Could not read the page cache", exc_info=True)
            return self._private(self.get_response(request))
        if entry is not None:
            return _replay(request, entry)
        with ExitStack() as stack:
            watches = [stack.enter_context(watch_changes()) for watch_changes in _lifetime_watches]
            response = self.get_response(request)
        if not getattr(response, "shared_page", False):
            return response
        seconds = lifetime(watches)
        if not _storable(response) or seconds < 1:
            return self._private(response)
        # Anyone may keep it, but must ask again before using it: a publish shows on the next request.
        patch_cache_control(response, public=True, no_cache=True)
        set_response_etag(response)
        response[STATUS_HEADER] = "miss"
        _store(key, version, response, seconds)
        return get_conditional_response(request, etag=response["ETag"], response=response)

    @staticmethod
    def _private(response):
        """A shareable page rendered for one visitor (answers, a session): no shared cache may keep it."""
        if getattr(response, "shared_page", False):
            patch_cache_control(response, private=True, no_cache=True)
        return response


@functools.cache
def shown_on_pages():
    """The kinds of object pages show: saving or deleting one changes what pages say."""
    from wagtail.contrib.settings.models import BaseSiteSetting
    from wagtail.documents import get_document_model
    from wagtail.models import BaseViewRestriction, Page, Site

    return (Page, Site, BaseViewRestriction, BaseSiteSetting, *snippets_shown_on_pages(), get_document_model())


def saved_or_deleted(sender, instance, **kwargs):
    if isinstance(instance, shown_on_pages()):
        content_changed()


def connect():
    """Invalidate kept pages whenever something they show is saved or deleted."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    # Every model, filtered by type: a page's specific class is the sender, and new page types need no wiring.
    post_save.connect(saved_or_deleted, dispatch_uid="pagecache-save")
    post_delete.connect(saved_or_deleted, dispatch_uid="pagecache-delete")
    # A publish saves the page before its inline rows (hours, fees, steps); these come after everything.
    page_published.connect(content_changed, dispatch_uid="pagecache-publish")
    page_unpublished.connect(content_changed, dispatch_uid="pagecache-unpublish")
    post_page_move.connect(content_changed, dispatch_uid="pagecache-move")
