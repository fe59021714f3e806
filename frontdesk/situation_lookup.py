"""Which situations the front desk offers without a search, and finding a situation or a service by the slug in
its address."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_unicode_slug

from services.models import ServicePage
from situations.models import SituationPage

MAX_SLUG_LENGTH = 255


def popular_situations():
    situations = SituationPage.objects.live().filter(popular=True).order_by("title")
    return list(situations.only("title", "slug", "summary"))


def find_situation(slug):
    """The live situation with this slug, or None; what cannot be a slug never reaches the database."""
    return _find(SituationPage, slug)


def find_service(slug):
    """The live service with this slug, or None."""
    return _find(ServicePage, slug)


def _find(model, slug):
    if len(slug) > MAX_SLUG_LENGTH:
        return None
    try:
        validate_unicode_slug(slug)
    except ValidationError:
        return None
    return model.objects.live().filter(slug=slug).order_by("path").first()
