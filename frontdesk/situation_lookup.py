"""Which situations the front desk offers without a search, and finding a situation or a service by the slug in
its address."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_unicode_slug

from languages.locales import in_default_language
from navigator.visibility import visible
from services.models import ServicePage
from situations.models import SituationPage

MAX_SLUG_LENGTH = 255


def popular_situations(request):
    situations = in_default_language(visible(SituationPage.objects.filter(popular=True), request)).order_by("title")
    return list(situations.only("title", "slug", "summary"))


def find_situation(slug, request):
    """The live situation with this slug that the clerk may see, or None; what cannot be a slug never reaches
    the database."""
    return _find(SituationPage, slug, request)


def find_service(slug, request):
    """The live service with this slug that the clerk may see, or None."""
    return _find(ServicePage, slug, request)


def _find(model, slug, request):
    if len(slug) > MAX_SLUG_LENGTH:
        return None
    try:
        validate_unicode_slug(slug)
    except ValidationError:
        return None
    return in_default_language(visible(model.objects.filter(slug=slug), request)).order_by("path").first()
