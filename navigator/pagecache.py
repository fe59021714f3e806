"""Whole public pages kept in the shared cache for anonymous visitors, and dropped on every content change.

A situation page takes tens of milliseconds and some twenty queries to compose; most visitors ask for the same
few pages without answers, and the rest for the same few hundred answer combinations, plans, filters and
searches. This module keeps those renders in Django's default cache, which is shared by every worker process and
every app server (the database cache, or Redis with CACHE_URL/REDIS_URL: see navigator/settings/base.py).

Who gets a kept page: a GET to a URL Wagtail serves, or to a view marked with `shared_view` (the plan, the search
page and its API), from a browser without a session cookie. Signed-in editors and clerks (the user bar, the front
desk) and Wagtail's previews of drafts (run through the middleware at the page's own URL) always get a fresh
render. The query string is part of the key, normalised (`normalised_query`): parameters sorted by name (the
values of one name keep their order, which can matter: the situations of a plan), other sites' tracking
parameters dropped. A visitor's answers to the guide live in the query string, so a checklist is kept under its
answers and shown only to whoever asks with the same answers: it holds nothing but what the URL says. A render
that tells the visitor about their own input (an unknown parameter, an answer or filter we cannot read) is
marked `one_off` by its view and never kept, so junk URLs do not fill the cache and nobody's typing is shown to
anyone else.

What is kept: a 200 answer of a page type or view that opts in (SharedPageMixin, shared_view), that sets no
cookie, varies on nothing but the language and cookies, and says nothing private in Cache-Control. A 404, an
error or a redirect never is. Django says "Vary: Cookie" as soon as a page asks who the user is (the user bar
does): the answer depends on the session cookie, and a request with one is never served from or stored in the
cache. The other cookies Django reads (CSRF, messages) are set again on any answer that used them, and an answer
that sets a cookie is never kept. The language is part of the key: the one of the address (/en/…, /uk/…, Czech
without a prefix), the only thing that decides it (languages.locales). A view that must do something on every
request however it is answered (search counts each query for the editors' analytics) says so with `on_hit`; the
kept page carries the action and its arguments.

For how long: until the content changes (below), until the first moment something on the page stops being true
(the apps that know say so through `watch_lifetime`: services registers the open-now labels of whichever counters
the page shows), until midnight (the exceptions ahead, "zítra", deadlines counted from today), and at most
PAGE_CACHE_TIMEOUT (an hour). The feedback form's token is issued per hour and valid for a day (feedback.tokens),
so a kept page's token is at most two hours old when served and stays good.

Invalidation: every entry carries the content version it was rendered at. Saving or deleting a page (publish,
unpublish, move, delete all save or delete it), a snippet pages show (navigator.shown), the office settings, a
site or a view restriction gives the content a new random version, read by every worker together with the entry
in one cache round trip: the next request anywhere renders afresh. The version changes at once (so the same
transaction reads its own change) and again when the transaction commits, so nothing another worker rendered from
the old rows in between survives. Whatever else is derived from content and kept (search results, a situation's
graph in a worker's memory) is keyed by the same version: `content_version()`.
"""

import contextvars
import functools
import hashlib
import logging
import math
import re
import time
import uuid
from contextlib import ExitStack
from datetime import datetime, timedelta
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag

from languages.locales import language_of_path

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
# Query parameters other sites append to links; no view reads them, so they are no part of a page's key.
TRACKING_PARAMETERS = re.compile(r"^(utm_\w+|fbclid|gclid|msclkid|mc_\w+)$")
# Longer or more numerous queries are no visitor's clicks: answered, never kept.
MAX_QUERY_LENGTH = 2000
MAX_QUERY_PARAMETERS = 40
# The version this request read with its page, so that what else it keeps by version costs no second read.
_request_version = contextvars.ContextVar("pagecache_request_version", default=None)


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


def shared_view(view):
    """A view decorator: the view's answer depends on nothing but its URL (query string included) and the
    language, so the middleware may keep it and share it like a SharedPageMixin page."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.shared_page = True
        return response

    wrapped.shares_pages = True
    return wrapped


def one_off(request):
    """This request's page speaks of the visitor's own input (a notice about a parameter we could not read): it is
    answered, never kept."""
    request.page_cache_one_off = True


_hit_actions = {}


def hit_action(name):
    """Register a function a kept page may ask to run each time it is served: `on_hit(response, name, *args)`."""

    def register(function):
        _hit_actions[name] = function
        return function

    return register


def on_hit(response, name, *args):
    """Run the action registered as `name` with these arguments (picklable) on every request this page answers,
    also when it comes from the cache; the view has run it itself for this request."""
    response.hit_actions = [*getattr(response, "hit_actions", []), (name, args)]


def _version_from_cache():
    version = cache.get(VERSION_KEY)
    if version is None:
        # Never set, or evicted: a random new one, so that nothing kept before can match it.
        version = uuid.uuid4().hex
        if not cache.add(VERSION_KEY, version, timeout=None):
            version = cache.get(VERSION_KEY, version)
    return version


def content_version():
    """The content's version now: a key part for whatever is derived from content and kept (see the docstring).

    None when the cache cannot be read: keep nothing then."""
    version = _request_version.get()
    if version is not None:
        return version
    try:
        return _version_from_cache()
    except Exception:  # noqa: BLE001 - a cache that is down costs speed, never the page
        logger.warning("Could not read the content version", exc_info=True)
        return None


def request_version():
    """The version this request read with its page when the page cache may keep what it renders (an anonymous GET
    of a shared page or view), else None: what is kept by version in a worker's memory is used only then."""
    return _request_version.get()


_invalidation_pending = False


def new_version():
    """Give the content a new version: every kept page is stale from now on, in every process.

    A version the cache would not take (it is down) is written again on this process's next requests until it
    is, so that what was kept before the outage is not served after it (with the cache down nothing is kept)."""
    global _invalidation_pending
    version = uuid.uuid4().hex
    if _request_version.get() is not None:
        _request_version.set(version)
    try:
        # set_many says which keys it could not write, also where a cache fails open (navigator.cache).
        _invalidation_pending = bool(cache.set_many({VERSION_KEY: version}, timeout=None))
    except Exception:  # noqa: BLE001 - a publish must not fail because the cache is down
        _invalidation_pending = True
    if _invalidation_pending:
        logger.error("Could not invalidate the page cache; trying again on the next request")


def content_changed(**kwargs):
    """A signal receiver: something pages show has changed; see the module's docstring for why twice."""
    new_version()
    if not _version_due_on_commit():
        transaction.on_commit(new_version)


def _version_due_on_commit():
    """Whether a new version is already due when the transaction commits, from a change in this block or one
    around it (so it is not dropped by a rollback this change would survive): a bulk load saving a thousand rows
    then changes the version once, not a thousand times, each a write to the cache."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        return False
    current = set(connection.savepoint_ids)
    return any(function is new_version and set(savepoints) <= current
               for savepoints, function, *_robust in connection.run_on_commit)


def normalised_query(query_string):
    """The query string as a key: parameters sorted by name (one name's values in their order), tracking
    parameters dropped; None for a query no visitor's click makes (too long, too many parameters)."""
    if len(query_string) > MAX_QUERY_LENGTH:
        return None
    pairs = parse_qsl(query_string, keep_blank_values=True)
    if len(pairs) > MAX_QUERY_PARAMETERS:
        return None
    return urlencode(sorted(((name, value) for name, value in pairs if not TRACKING_PARAMETERS.match(name)),
                            key=lambda pair: pair[0]))


def cache_key(request):
    """The key of this request's page, or None if the request must neither be served from nor stored in the cache."""
    if request.method != "GET" or max_age() <= 0:
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES or getattr(request, "is_dummy", False):
        return None  # a signed-in user, or Wagtail previewing a draft through the middleware at the page's URL
    query = normalised_query(request.META.get("QUERY_STRING", ""))
    if query is None:
        return None
    # This runs before the language middleware: the address says which language (and so which page) it is.
    language = language_of_path(request.path_info)
    try:
        with translation.override(language):
            match = resolve(request.path_info)
        if match.url_name != PAGE_VIEW and not getattr(match.func, "shares_pages", False):
            return None
        url = request.build_absolute_uri(request.path) + (f"?{query}" if query else "")
    except (Resolver404, DisallowedHost):
        return None
    return ENTRY_PREFIX + hashlib.sha256(f"{language} {url}".encode()).hexdigest()


def _lookup(key):
    """The content version now and the entry kept under `key` if it is of that version and not expired."""
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY) or _version_from_cache()
    entry = found.get(key)
    if entry and entry["version"] == version and entry["expires"] > time.time():
        return version, entry
    return version, None


def _replay(request, entry):
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    response[STATUS_HEADER] = "hit"
    for name, args in entry.get("hit_actions", ()):
        try:
            _hit_actions[name](*args)
        except Exception:  # noqa: BLE001 - the visitor gets the page whatever the action's fate
            logger.exception("The kept page's action %r failed", name)
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
        "hit_actions": getattr(response, "hit_actions", []),
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
        if _invalidation_pending:
            new_version()
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
        token = _request_version.set(version)
        try:
            with ExitStack() as stack:
                watches = [stack.enter_context(watch_changes()) for watch_changes in _lifetime_watches]
                response = self.get_response(request)
        finally:
            _request_version.reset(token)
        if not getattr(response, "shared_page", False):
            return response
        seconds = lifetime(watches)
        if getattr(request, "page_cache_one_off", False) or not _storable(response) or seconds < 1:
            return self._private(response)
        # Anyone may keep it, but must ask again before using it: a publish shows on the next request.
        patch_cache_control(response, public=True, no_cache=True)
        set_response_etag(response)
        response[STATUS_HEADER] = "miss"
        answer = get_conditional_response(request, etag=response["ETag"], response=response)
        # Kept once the visitor has the page: the server calls close() when it has sent the answer, so the cache's
        # write (a database transaction with the database cache) is no part of the wait. A request for the same
        # page in between renders it too; the entry carries the version read before rendering either way.
        answer._resource_closers.append(functools.partial(_store, key, version, response, seconds))
        return answer

    @staticmethod
    def _private(response):
        """A shareable page rendered for one visitor (a session, a notice on their input): no shared cache may
        keep it."""
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
