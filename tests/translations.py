"""A page's version in another language with given texts: the demo catalog's translation if it has one, else
made as Wagtail makes them."""

from wagtail.models import Locale


def translate(page, language, fields):
    """The page's live version in `language` (parents copied as aliases when missing), with these fields."""
    locale, _created = Locale.objects.get_or_create(language_code=language)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        translation = existing.get_latest_revision_as_object()
    else:
        translation = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation
