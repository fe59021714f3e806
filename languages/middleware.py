"""Activates the language of the address (/en/…, /uk/…, Czech without a prefix) for the whole request."""

from django.conf import settings
from django.urls import get_resolver
from django.utils import translation

from .locales import language_of_path


class LanguageFromPathMiddleware:
    """Django's LocaleMiddleware reads the browser's wishes where an address has no prefix; here the address alone
    decides (see languages.locales), so Czech addresses are Czech for everyone and nothing varies on the browser."""

    def __init__(self, get_response):
        self.get_response = get_response
        # Wagtail builds some of its admin views' labels (the snippets' breadcrumbs) once, when the URLconf is
        # first read; read here in the default language, not in the language of whichever request comes first.
        with translation.override(settings.LANGUAGE_CODE):
            get_resolver().url_patterns

    def __call__(self, request):
        language = language_of_path(request.path_info)
        request.LANGUAGE_CODE = language
        # The language is the request's only: what runs after it in the same thread (a worker's next job, a
        # test) starts from the default again, as Django's own middleware leaves it to chance.
        with translation.override(language):
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
