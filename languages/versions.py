"""A page in the other languages: where its language versions are, or where to go where there is none.

The language switcher, the `hreflang` alternates and the sitemap all ask the same question of a page: for each
of the site's languages, the address of the page in that language, or, where the page is not translated, the
nearest page above it that is (its topic, else the home page). One query answers it for the page and its
ancestors together: they are found by the translation keys of the page and of every page on its path.

Pages other than Wagtail's (the plan, search) are the same view in every language, at the same address with
the language's prefix; their query string (the guide's answers, the plan's situations) is the same too, since
the guide's keys are the same in every language.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.urls import translate_url
from django.utils.http import urlencode
from wagtail.models import Page

from navigator.kept import KeptInWorker

from .locales import DEFAULT_LANGUAGE, language_codes, language_name

MAX_KEPT_PAGES = 1024
_kept = KeptInWorker(MAX_KEPT_PAGES)  # (content version, page pk, host) -> the page's versions


@dataclass(frozen=True)
class Version:
    """The page (or view) in one language, as the switcher offers it."""

    language: str
    url: str  # the version's address, or where a visitor goes instead when there is none
    translated: bool  # False: `url` leads to the nearest translated page above (`fallback_title`)
    current: bool = False
    fallback_title: str = ""
    page: object = None  # the language version (a Page with its locale and last_published_at), if any

    @property
    def name(self):
        return language_name(self.language)


def page_versions(page, request=None):
    """The page in each of the site's languages, in the order of LANGUAGES; a language with neither the page nor
    a translated page above it is left out.

    A request the page cache may keep gets the versions its worker found for this content version and host (the
    addresses are relative to the request's site): every answer of a guide shows the same switcher."""
    if request is None:
        return _page_versions(page, request)
    return list(_kept.for_request((page.pk, request.get_host()), lambda: tuple(_page_versions(page, request))))


def _page_versions(page, request):
    steplen = Page.steplen
    ancestor_paths = [page.path[:length] for length in range(steplen * 2, len(page.path), steplen)]
    keys = Page.objects.filter(path__in=ancestor_paths).values("translation_key")
    candidates = list(
        Page.objects.live().filter(Q(translation_key=page.translation_key) | Q(translation_key__in=keys))
        .select_related("locale")
        .only("id", "title", "path", "depth", "url_path", "translation_key", "last_published_at", "locale")
    )
    own_language = next((candidate.locale.language_code for candidate in candidates if candidate.pk == page.pk),
                        None) or page.locale.language_code
    versions = []
    for code in language_codes():
        in_language = [candidate for candidate in candidates if candidate.locale.language_code == code]
        exact = next((candidate for candidate in in_language if candidate.translation_key == page.translation_key),
                     None)
        if code == own_language:
            versions.append(Version(code, page.get_url(request) or "", True, current=True, page=exact or page))
        elif exact is not None:
            versions.append(Version(code, exact.get_url(request) or "", True, page=exact))
        else:
            above = max((candidate for candidate in in_language if candidate.depth < page.depth),
                        key=lambda candidate: candidate.depth, default=None)
            if above is not None:
                versions.append(Version(code, above.get_url(request) or "", False, fallback_title=above.title))
    return versions


# What the switcher carries over of a query string: the guide's answers and a search are short; a parameter
# that is not (or holds control characters) is bad input, and the switcher must not repeat it into the page.
LONGEST_CARRIED_VALUE = 200
MOST_CARRIED_PARAMETERS = 100


def _carried(text):
    return len(text) <= LONGEST_CARRIED_VALUE and all(character >= " " for character in text)


def carried_query(request):
    """The request's query string as the other languages' versions of the page get it."""
    pairs = [(key, value) for key, values in request.GET.lists() for value in values
             if _carried(key) and _carried(value)]
    return urlencode(pairs[:MOST_CARRIED_PARAMETERS])


def view_versions(request):
    """A view that is the same in every language (the plan, search): its address in each, with the same query.
    None for a view with one address only (the open data page): it has no other language to switch to."""
    current = getattr(request, "LANGUAGE_CODE", DEFAULT_LANGUAGE)
    query = carried_query(request)
    versions = [Version(code, translate_url(request.path, code) + (f"?{query}" if query else ""), True,
                        current=code == current) for code in language_codes()]
    if len({version.url for version in versions}) < len(versions):
        return None
    return versions


def translated_versions(versions):
    """The versions a search engine may list as this page's alternates (hreflang): the real ones only."""
    return [version for version in versions if version.translated]
