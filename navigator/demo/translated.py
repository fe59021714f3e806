"""The demo catalog in English and Ukrainian, made the way editors make translations: through wagtail-localize.

For each Czech object whose name is translated in a language's translation memory (navigator/demo/translations.py,
data/translations/<language>/), the loader takes wagtail-localize's translation source of the object (the
frozen Czech text, cut into segments), writes the memory's translation of each segment as the segment's
translation, and lets wagtail-localize make or update the translated object, which it then publishes. So the
translated pages are ordinary synchronised translations: editors open them in wagtail-localize's editor,
download and upload PO files, and when the Czech page changes they see the translation out of date (languages).

A Czech text the memory does not translate stays Czech in the translated page, as wagtail-localize shows any
untranslated segment, and `manage.py demo_translations` counts it. An object whose name is not translated is
not translated at all (Ukrainian covers the situations a newcomer needs first, and what they show); a
translated page that links to it links to the Czech one.

Rich text is translated whole in the memory and cut here into wagtail-localize's segments (one a paragraph or
list item), pairing the Czech and translated HTML block by block; an entry whose translation does not have the
Czech structure is left untranslated rather than paired wrongly.

Like the Czech catalog, each translated object is loaded again only when its Czech record or its translations
changed.
"""

import json
import re

from django.conf import settings
from django.db import transaction
from django.urls import get_resolver
from django.utils import translation
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import (
    OverridableSegment, SegmentOverride, StringSegment, StringTranslation, Translation, TranslationSource,
)
from wagtail_localize.strings import StringValue, extract_strings

from legal.models import AccessibilityStatementPage, PrivacyNoticePage
from services.models import ApplicationForm, CounterIndexPage, CounterPage, Department, RequiredDocument, ServiceIndexPage, ServicePage
from situations.models import HomePage, SituationPage, TopicPage

from . import translations
from .translations import LANGUAGES, read_memory

_SPACE = re.compile(r"\s+")


class SegmentMemory:
    """A language's translation memory as wagtail-localize's segments: {Czech segment: translated segment}."""

    def __init__(self, language, data):
        self.language = language
        self.texts = read_memory(language)
        self.segments = {}
        self.unpaired = []
        for source, target in self.texts.items():
            self._add(source, target)
        # Lay terms are translated one by one and stored joined, as the loader stores the Czech ones.
        for record in _records_with_terms(data):
            for key in ("lay_terms", "lay_names"):
                terms = record.get(key) or []
                if terms and all(term in self.texts for term in terms):
                    self._add_plain(", ".join(terms), ", ".join(self.texts[term] for term in terms))

    def __bool__(self):
        return bool(self.texts)

    def _add_plain(self, source, target):
        self.segments[StringValue.from_plaintext(source).data] = StringValue.from_plaintext(target).data

    def _add(self, source, target):
        self._add_plain(source, target)
        if "<" not in source:
            return
        source_template, source_strings = extract_strings(source)
        target_template, target_strings = extract_strings(target)
        if _SPACE.sub(" ", source_template).strip() != _SPACE.sub(" ", target_template).strip():
            self.unpaired.append(source)
            return
        for (source_string, _attrs), (target_string, _target_attrs) in zip(source_strings, target_strings):
            self.segments[source_string.data] = target_string.data

    def translate(self, text):
        """The translated text of a source text (a record's name), or None."""
        return self.texts.get(text)

    def segment(self, data):
        """The translated segment of a Czech segment (wagtail-localize's String.data), or None."""
        return self.segments.get(data)


def _records_with_terms(data):
    yield from data["services"]
    yield from data["documents"]
    for records in data["situations"].values():
        yield from records


class TranslationLoader:
    """Runs after the Czech catalog is loaded (Loader.run), in its transaction, sharing its report and records."""

    def __init__(self, loader):
        self.loader = loader
        self.data = loader.data

    def run(self):
        # wagtail-localize works in the language of each translation; if the URLconf is first read then, Wagtail
        # builds the admin labels it makes at startup in that language for the whole process (a test session).
        with translation.override(settings.LANGUAGE_CODE):
            get_resolver().url_patterns
        for language in LANGUAGES:
            memory = SegmentMemory(language, self.data)
            locale = Locale.objects.filter(language_code=language).first()
            if memory and locale is not None:
                self.translate_catalog(memory, locale)
                self.localise_links(locale)

    # -- what is translated, in the order links need it --------------------------------------------------

    def translate_catalog(self, memory, locale):
        czech = self.loader._cache
        site = self.data["site"]
        for kind, model, name in (("departments", Department, "name"), ("forms", ApplicationForm, "title"),
                                  ("documents", RequiredDocument, "name")):
            for record in self.data[kind]:
                self.translate(czech[model][record["slug"]], record, kind, memory, locale, name)
        home = HomePage.objects.filter(locale=Locale.get_default()).first()
        if not self.translate(home, site["home"], "home", memory, locale, "title", slug="home"):
            return  # nothing can be translated without the home page of the language
        Site.clear_site_root_paths_cache()
        for name, model in (("accessibility_statement", AccessibilityStatementPage),
                            ("privacy_notice", PrivacyNoticePage)):
            record = (self.data.get("legal") or {}).get(name)
            if record is not None:
                page = model.objects.child_of(home).filter(slug=record["slug"]).first()
                self.translate(page, record, "legal", memory, locale, "title")
        for model, texts in ((CounterIndexPage, site["counter_index"]), (ServiceIndexPage, site["service_index"])):
            index = model.objects.child_of(home).first()
            self.translate(index, texts, texts["slug"], memory, locale, "title", slug=texts["slug"])
        for kind, model, records in (("counters", CounterPage, self.data["counters"]),
                                     ("services", ServicePage, self.data["services"])):
            for record in records:
                self.translate(czech[model][record["slug"]], record, kind, memory, locale, "title")
        for record in self.data["topics"]:
            topic = TopicPage.objects.child_of(home).get(slug=record["slug"])
            self.translate(topic, record, "topics", memory, locale, "title")
        for records in self.data["situations"].values():
            for record in records:
                self.translate(czech[SituationPage][record["slug"]], record, "situations", memory, locale, "title")

    def translate(self, original, record, kind, memory, locale, name, slug=None):
        """Translate one Czech object if its name is translated; the translation (existing or new), or None."""
        slug = slug or record["slug"]
        if original is None or memory.translate(record.get(name)) is None:
            return None
        what = f"{locale.language_code}/{kind}"
        state = {"czech": record, "translations": {text: memory.translate(text)
                                                   for _where, text in translations.texts_of(record)}}
        existing = original.get_translation_or_none(locale)
        if self.loader.is_current(what, slug, state, existing is not None):
            self.loader.report.unchanged += 1
            return existing
        translated = self.synchronise(original, memory, locale)
        self.loader.remember(what, slug, state, existing is None)
        return translated

    # -- one object through wagtail-localize ---------------------------------------------------------------

    def synchronise(self, original, memory, locale):
        """What an editor does with "Synchronizovat přeložené stránky" and a translator in the translation editor:
        take the Czech text anew, translate its segments, publish the translation."""
        source, _created = TranslationSource.update_or_create_from_instance(original)
        Translation.objects.update_or_create(source=source, target_locale=locale, defaults={"enabled": True})
        self.write_segments(source, memory, locale)
        is_page = isinstance(original, Page)
        with transaction.atomic():
            translated, _created = source.create_or_update_translation(locale, publish=not is_page, fallback=True)
        if is_page:
            # Published now rather than when the transaction commits (wagtail-localize's way), so the pages
            # translated after it link to it (languages.links).
            translated.get_latest_revision().publish(skip_permission_checks=True)
        return translated

    def localise_links(self, locale):
        """Point each link of the language's translations at the linked page's version in that language.

        The data links pages by their Czech addresses (Loader.rich), which wagtail-localize copies into the
        translation as a link a translator may override ("Odkazy" in its editor). The loader overrides it, as a
        translator would, once the linked page has a live version in the language; until then the link leads to
        the Czech page. Runs after the whole catalog, so a page links to pages translated after it.
        """
        czech_pages = {page.url: page for model in (ServicePage, SituationPage)
                       for page in self.loader._cache[model].values()}
        links = (OverridableSegment.objects.filter(source__translations__target_locale=locale)
                 .select_related("source").order_by("source_id", "order"))
        outdated = {}
        for segment in links:
            page = czech_pages.get(segment.data) if isinstance(segment.data, str) else None
            version = page.get_translation_or_none(locale) if page is not None else None
            if version is None or not version.live:
                continue
            override = SegmentOverride.objects.filter(locale=locale, context_id=segment.context_id).first()
            if override is not None and override.data == version.url:
                continue
            SegmentOverride.objects.update_or_create(locale=locale, context_id=segment.context_id,
                                                     defaults={"data_json": json.dumps(version.url)})
            outdated[segment.source_id] = segment.source
        for source in outdated.values():
            is_page = issubclass(source.specific_content_type.model_class(), Page)
            with transaction.atomic():
                translated, _created = source.create_or_update_translation(locale, publish=not is_page,
                                                                           fallback=True)
            if is_page:
                translated.get_latest_revision().publish(skip_permission_checks=True)

    def write_segments(self, source, memory, locale):
        segments = StringSegment.objects.filter(source=source).select_related("string")
        existing = {(row.translation_of_id, row.context_id): row
                    for row in StringTranslation.objects.filter(locale=locale, context__object_id=source.object_id)}
        new, changed = [], []
        for segment in segments:
            data = memory.segment(segment.string.data)
            if data is None:
                continue
            row = existing.get((segment.string_id, segment.context_id))
            if row is None:
                new.append(StringTranslation(translation_of_id=segment.string_id, context_id=segment.context_id,
                                             locale=locale, data=data,
                                             translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL))
            elif row.data != data or row.has_error:
                row.data, row.has_error, row.field_error = data, False, ""
                changed.append(row)
        StringTranslation.objects.bulk_create(new)
        StringTranslation.objects.bulk_update(changed, ["data", "has_error", "field_error"])
