"""Whether a translation is older than its Czech original, and how far it is translated.

wagtail-localize translates from a frozen copy of the Czech page, its translation source, taken when the page
was first submitted for translation and again each time an editor syncs it ("Synchronizovat přeložené
stránky"). A translated page is out of date when its Czech original was published after that copy was last
taken: the Czech text has changed and the translation does not know it yet. The translated page then says so
and links to the Czech page; editors find every such page, and every page not translated at all, in the report
under Výkazy (languages.reports).

How far a translation is translated is the share of the source's text segments that have a translation in the
language; the rest the translated page shows in Czech.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Exists, OuterRef
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource


@dataclass(frozen=True)
class StaleTranslation:
    """A translated page whose Czech original changed after it was translated."""

    original_url: str
    changed_at: datetime  # when the Czech page was last published
    translated_at: datetime  # when the translation last took the Czech text


def source_dates(translation_keys, locale_id):
    """{translation key: when the translation source was last taken} for the Czech (locale_id) objects."""
    rows = TranslationSource.objects.filter(object_id__in=translation_keys, locale_id=locale_id)
    return dict(rows.values_list("object_id", "last_updated_at"))


def is_out_of_date(changed_at, translated_at):
    return changed_at is not None and translated_at is not None and changed_at > translated_at


def stale_translation(versions, default_language):
    """The StaleTranslation of the page whose language versions these are (languages.versions), or None when it
    is Czech, up to date, or was not translated through wagtail-localize."""
    current = next((version for version in versions if version.current), None)
    original = next((version for version in versions if version.language == default_language), None)
    if current is None or original is None or current is original or not original.translated:
        return None
    czech_page = original.page
    translated_at = source_dates([czech_page.translation_key], czech_page.locale_id).get(czech_page.translation_key)
    if not is_out_of_date(czech_page.last_published_at, translated_at):
        return None
    return StaleTranslation(original.url, czech_page.last_published_at, translated_at)


def untranslated_segments(source_ids, locale_id):
    """{source id: how many of its text segments have no translation in the locale}, in one query."""
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"), context_id=OuterRef("context_id"), locale_id=locale_id,
        has_error=False)
    rows = (StringSegment.objects.filter(source_id__in=source_ids).annotate(done=Exists(translated))
            .filter(done=False).order_by().values("source_id").annotate(missing=Count("id")))
    return {row["source_id"]: row["missing"] for row in rows}
