"""Which pages a visitor may see: live ones, and none behind a view restriction the visitor has not passed.

Wagtail lets editors put a page (and everything below it) behind a password, a sign-in or membership of groups,
and checks that when the page itself is served. Every other place that lists pages or links to them (search and
its autocomplete, the plan, the front desk's lookups, popular situations, the sitemap, the API, open data) asks
here, so a restricted page never shows where its visitor may not open it.

* `visible(queryset, request)` filters in the database, inside the listing's own query (a correlated subquery over
  the few restrictions): no extra query. `visible_q(request, prefix)` is the same condition for a relation
  ("situation__" keeps the related situations a visitor may see).
* `may_see(page, request)` answers for pages already loaded (a relation the API serialises, open data's catalog):
  one query per request for the restrictions the visitor has not passed.

A restriction holds for every language version of the restricted page (and what lies below each), since the
editors restrict the page in Czech and its translations say the same.

Without a request both answer for an anonymous visitor without a session: what the public may see, which is what
search indexes, open data publishes, and what a checklist shows of the services and situations it links.
"""

from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from wagtail.models import BaseViewRestriction, Page, PageViewRestriction

from . import pagecache
from .kept import KeptInWorker

_CACHE_ATTRIBUTE = "_navigator_hidden_paths"
MAX_KEPT_RESTRICTIONS = 1024
_restrictions = KeptInWorker(MAX_KEPT_RESTRICTIONS)  # (version, page pk) -> the restrictions over that page


def _passed(request):
    """A Q over PageViewRestriction: the restrictions this request passes, as Wagtail's accept_request() decides.
    None when the request passes them all (a superuser)."""
    passed = Q(pk__in=[])
    if request is None:
        return passed
    session = getattr(request, "session", None)
    if session is not None:
        ids = session.get(PageViewRestriction.passed_view_restrictions_session_key, [])
        passed |= Q(restriction_type=BaseViewRestriction.PASSWORD, pk__in=[i for i in ids if isinstance(i, int)])
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.is_active:
        if user.is_superuser:
            return None
        passed |= Q(restriction_type=BaseViewRestriction.LOGIN)
        members = PageViewRestriction.objects.filter(groups__in=Group.objects.filter(user=user)).values("pk")
        passed |= Q(restriction_type=BaseViewRestriction.GROUPS, pk__in=members)
    return passed


def visible_q(request=None, prefix=""):
    """The condition "live, and not behind a restriction this request has not passed" on pages at `prefix`."""
    live = Q(**{f"{prefix}live": True})
    passed = _passed(request)
    if passed is None:
        return live
    blocking = Page.objects.filter(
        # a restriction holds for every language version of its page (the editors restrict the Czech one)
        translation_key__in=PageViewRestriction.objects.exclude(passed).values("page__translation_key"),
        # the restricted page is the page itself or one of its ancestors: a prefix of its tree path
        path=Substr(OuterRef(f"{prefix}path"), 1, Length("path")))
    return live & ~Exists(blocking)


def visible(queryset, request=None):
    """The pages of a page queryset (of any page type) that are live and this request may see."""
    return queryset.filter(visible_q(request))


def hidden_paths(request=None):
    """The tree paths of the pages (in every language) under restrictions this request has not passed (one query;
    kept on the request)."""
    cached = getattr(request, _CACHE_ATTRIBUTE, None) if request is not None else None
    if cached is not None:
        return cached
    passed = _passed(request)
    restrictions = PageViewRestriction.objects.none() if passed is None else PageViewRestriction.objects.exclude(passed)
    paths = tuple(Page.objects.filter(translation_key__in=restrictions.values("page__translation_key"))
                  .values_list("path", flat=True))
    if request is not None:
        setattr(request, _CACHE_ATTRIBUTE, paths)
    return paths


def may_see(page, request=None, hidden=None):
    """Whether this request may see a page already loaded: live, and not under a restriction it has not passed.

    `hidden`, what hidden_paths() returned, saves its query where many pages are asked about without a request.
    """
    hidden = hidden_paths(request) if hidden is None else hidden
    return bool(page.live) and not any(page.path.startswith(path) for path in hidden)


class RestrictedInEveryLanguageMixin:
    """A page type whose language versions share their view restrictions, when they are served too.

    Wagtail checks a page's own restrictions and its ancestors' when it serves it (`get_view_restrictions`, used by
    its before_serve_page hook and the admin's privacy dialog). Editors restrict the Czech page; its English and
    Ukrainian versions are pages of their own in other trees, so without this they would open for anyone.
    """

    def get_view_restrictions(self):
        """The restrictions over this page. When the page cache may keep the answer (an anonymous request that read
        the content version), they are the ones this worker read for the version: a page served to every answer of
        its guide asks once, not twice a request. Restrictions are content: changing one gives a new version."""
        if pagecache.request_version() is None:
            return self._view_restrictions()
        return list(_restrictions.for_request((self.pk,), lambda: tuple(self._view_restrictions())))

    def _view_restrictions(self):
        own = super().get_view_restrictions()  # this tree's, with aliases resolved to their source pages
        versions = self.get_ancestors(inclusive=True).values("translation_key")
        return PageViewRestriction.objects.filter(Q(pk__in=own.values("pk")) | Q(page__translation_key__in=versions))
