"""Which language a request is in, and the content of one language.

The public site speaks Czech, English and Ukrainian (settings.LANGUAGES). Czech is the default and its addresses
carry no prefix (/bydleni/zmena-trvaleho-pobytu/); English lives under /en/ and Ukrainian under /uk/. The
language of a request is read from its address alone, never from the browser's Accept-Language or a cookie, so
one address always shows the same language (to visitors, search engines and the page cache alike), and the
admin, the API and the clerks' front desk, which have no prefix, stay Czech.

Wagtail keeps one page tree per language (a Locale each) and links a page's language versions by their
translation key; the snippets pages show are translated the same way. Every query that reads "the catalog"
rather than one tree (open data, search, reports, lookups by slug) says which language it means, with
`in_default_language` or `in_language`.
"""

import functools

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale

DEFAULT_LANGUAGE = settings.LANGUAGE_CODE


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def language_name(code):
    """The language's name in itself ("English", "Українська")."""
    return dict(settings.LANGUAGES).get(code, code)


def language_of_path(path):
    """The language an address is in: its prefix (/en/, /uk/), or Czech."""
    code = translation.get_language_from_path(path)
    return code if code in language_codes() else DEFAULT_LANGUAGE


def active_language():
    """The language of the page being rendered (activated from the address by the middleware)."""
    code = translation.get_language() or DEFAULT_LANGUAGE
    return code if code in language_codes() else DEFAULT_LANGUAGE


def default_locale():
    return Locale.get_default()


def active_locale():
    """The Wagtail locale of the active language; the default one if it has none (a fresh database)."""
    try:
        return Locale.objects.get_for_language(active_language())
    except Locale.DoesNotExist:
        return default_locale()


def in_language(queryset, code):
    """Only the objects (pages or translatable snippets) of one language."""
    return queryset.filter(locale__language_code=code)


def in_default_language(queryset):
    """Only the Czech objects: the catalog of record, which open data, search and the reports read."""
    return in_language(queryset, DEFAULT_LANGUAGE)


def in_active_language(queryset):
    return in_language(queryset, active_language())


@functools.cache
def _locale_ids():
    return dict(Locale.objects.values_list("language_code", "pk"))


def locale_id(code):
    """The id of the language's Wagtail locale (kept for the process: locales are made once, by a migration), or
    None when the language has none."""
    found = _locale_ids().get(code)
    if found is None:
        _locale_ids.cache_clear()
    return found
