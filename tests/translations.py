"""Translated pages made as Wagtail makes them, until the demo catalog brings its own translations."""

from wagtail.models import Locale


def translate(page, language, fields):
    """The page's live version in `language` (parents copied as aliases when missing), with these fields."""
    locale, _created = Locale.objects.get_or_create(language_code=language)
    translation = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation
