"""The page in the other languages, for base.html: the switcher, the hreflang alternates, the stale notice."""

from django import template
from wagtail.models import Page

from ..locales import DEFAULT_LANGUAGE
from ..staleness import stale_translation as find_stale_translation
from ..versions import Version, carried_query, page_versions, translated_versions, view_versions

register = template.Library()


def _with_request_tail(version, request, page):
    """A page's version at the same sub-address (`tisk/`) and with the same answers (the query string)."""
    if not version.translated or version.current:
        return version
    # With the request, the address is built from the site root paths this request already holds.
    address = page.get_url(request)
    tail = request.path[len(address):] if address and request.path.startswith(address) else ""
    query = carried_query(request)
    url = version.url + tail + (f"?{query}" if query else "")
    return Version(version.language, url, True, version.current, version.fallback_title, version.page)


def _serves_page(request):
    """Whether the request shows the page itself (or one of its sub-addresses), rather than a view that shows a
    page's content elsewhere: the clerks' desk shows a situation, and has no other language."""
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name == "wagtail_serve"


@register.simple_tag(takes_context=True)
def language_versions(context):
    """The page (or view) in each language (languages.versions.Version), worked out once per request."""
    request = context.get("request")
    page = context.get("page")
    key = page.pk if isinstance(page, Page) else None
    cached = getattr(request, "_language_versions", None)
    if cached is not None and cached[0] == key:
        return cached[1]
    if isinstance(page, Page) and page.pk and _serves_page(request):
        versions = [_with_request_tail(version, request, page) for version in page_versions(page, request)]
    elif request is not None:
        versions = view_versions(request) or []
    else:
        versions = []
    if request is not None:
        request._language_versions = (key, versions)
    return versions


@register.simple_tag(takes_context=True)
def language_alternates(context, versions):
    """(hreflang, absolute address) of every language version, and x-default (Czech), for a translated page."""
    request = context.get("request")
    if not isinstance(context.get("page"), Page) or request is None:
        return []
    real = translated_versions(versions)
    if len(real) < 2:
        return []
    alternates = [(version.language, request.build_absolute_uri(version.url.split("?")[0])) for version in real]
    czech = [address for code, address in alternates if code == DEFAULT_LANGUAGE]
    return alternates + [("x-default", czech[0])] if czech else alternates


@register.simple_tag
def stale_translation(versions):
    """The notice's facts when this translated page is older than its Czech original (languages.staleness)."""
    return find_stale_translation(versions, DEFAULT_LANGUAGE)


@register.filter
def in_language_of(obj, page):
    """A translatable object (a department, the same in every language) in the language of the page, if it is
    translated; without a query on a page of the object's own language."""
    if obj is None or page is None or obj.locale_id == page.locale_id:
        return obj
    return obj.get_translation_or_none(page.locale_id) or obj
