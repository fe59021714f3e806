"""Which situations the front desk offers without a search, and finding one by the slug in its address."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_unicode_slug

from languages.locales import in_default_language
from situations.models import SituationPage

MAX_SLUG_LENGTH = 255


def popular_situations():
    situations = in_default_language(SituationPage.objects.live()).filter(popular=True).order_by("title")
    return list(situations.only("title", "slug", "summary"))


def find_situation(slug):
    """The live situation with this slug, or None; what cannot be a slug never reaches the database."""
    if len(slug) > MAX_SLUG_LENGTH:
        return None
    try:
        validate_unicode_slug(slug)
    except ValidationError:
        return None
    return in_default_language(SituationPage.objects.live()).filter(slug=slug).first()
