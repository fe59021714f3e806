"""How far the catalog is translated: for each Czech page and snippet and each other language, whether its
translation is missing, out of date, incomplete or current, worked out for the whole catalog in a fixed number of
queries (the report under Výkazy shows it: content_health.reports).

- missing: there is no version in the language;
- out of date: the Czech original changed after the translation last took its text (a page published after the
  translation source was last synchronised; a snippet whose fields differ from that source), so the
  translation does not know the change yet (languages.staleness);
- incomplete: up to date, but some of the text has no translation and shows in Czech;
- current: none of that.
"""

import json
from dataclasses import dataclass
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.models import get_serializable_data_for_fields
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.models import TranslationSource

from navigator.shown import snippets_shown_on_pages

from .locales import DEFAULT_LANGUAGE, language_name
from .staleness import is_out_of_date, untranslated_segments

# Fields that say nothing a translation needs: which row, language and version it is.
BOOKKEEPING = {"pk", "id", "translation_key", "locale"}


class Status(models.TextChoices):
    MISSING = "missing", _("chybí")
    OUT_OF_DATE = "out-of-date", _("zastaralý")
    INCOMPLETE = "incomplete", _("nedopřeložený")
    CURRENT = "current", _("aktuální")


STATUS_ORDER = {status: index for index, status in enumerate(Status)}


@dataclass(frozen=True)
class TranslationState:
    """One Czech page or snippet in one other language."""

    title: str  # the Czech title or name
    type_label: str
    language: str
    status: Status
    edit_url: str  # the Czech original in the admin
    translation_url: str  # the translation in wagtail-localize's editor, or where to start translating it
    changed_at: datetime | None = None  # when the Czech page was last published
    translated_at: datetime | None = None  # when the translation last took the Czech text
    untranslated: int = 0  # text segments shown in Czech

    @property
    def language_name(self):
        return language_name(self.language)

    @property
    def status_label(self):
        return self.status.label

    @property
    def status_order(self):
        return STATUS_ORDER[self.status]


def translatable_snippets():
    return [model for model in snippets_shown_on_pages() if issubclass(model, TranslatableMixin)]


def catalog_states(languages=None):
    """Every TranslationState of the live Czech pages and of the translatable snippets pages show."""
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    default = locales.get(DEFAULT_LANGUAGE)
    targets = [locales[code] for code in (languages or locales) if code in locales and code != DEFAULT_LANGUAGE]
    if default is None or not targets:
        return []
    originals = [_page_original(row) for row in Page.objects.live().filter(locale=default, depth__gt=1)
                 .order_by("path").values("id", "title", "translation_key", "last_published_at", "content_type_id")]
    for model in translatable_snippets():
        originals += [_snippet_original(obj) for obj in model.objects.filter(locale=default)]
    return _states(originals, targets, default)


@dataclass(frozen=True)
class _Original:
    kind: str  # "page" or "snippet"
    pk: int
    title: str
    type_label: str
    translation_key: object
    edit_url: str
    changed_at: datetime | None = None
    snapshot: dict | None = None  # a snippet's translatable content now, to compare with its source
    model: type | None = None


def _page_original(row):
    model = ContentType.objects.get_for_id(row["content_type_id"]).model_class()
    return _Original("page", row["id"], row["title"], str(model._meta.verbose_name) if model else "",
                     row["translation_key"], reverse("wagtailadmin_pages:edit", args=[row["id"]]),
                     changed_at=row["last_published_at"])


def _snippet_original(obj):
    meta = obj._meta
    return _Original("snippet", obj.pk, str(obj), str(meta.verbose_name), obj.translation_key,
                     reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[obj.pk]),
                     snapshot=_content(get_serializable_data_for_fields(obj)), model=type(obj))


def _content(data):
    return {name: value for name, value in json.loads(json.dumps(data, cls=DjangoJSONEncoder)).items()
            if name not in BOOKKEEPING}


def _states(originals, targets, default):
    keys = [original.translation_key for original in originals]
    translated = {}
    for model in {Page, *(original.model for original in originals if original.model)}:
        rows = model.objects.filter(translation_key__in=keys).exclude(locale=default)
        for pk, key, locale_pk in rows.values_list("pk", "translation_key", "locale_id"):
            translated[(key, locale_pk)] = pk
    sources = {source.object_id: source for source in
               TranslationSource.objects.filter(object_id__in=keys, locale=default)}
    states = []
    for locale in targets:
        missing_text = untranslated_segments([source.pk for source in sources.values()], locale.pk)
        for original in originals:
            states.append(_state(original, locale, translated.get((original.translation_key, locale.pk)),
                                 sources.get(original.translation_key), missing_text))
    return states


def _state(original, locale, translation_pk, source, missing_text):
    common = {"title": original.title, "type_label": original.type_label, "language": locale.language_code,
              "edit_url": original.edit_url, "changed_at": original.changed_at}
    if translation_pk is None:
        return TranslationState(status=Status.MISSING, translation_url=_start_url(original), **common)
    translated_at = source.last_updated_at if source else None
    if original.kind == "page":
        stale = is_out_of_date(original.changed_at, translated_at)
        url = reverse("wagtailadmin_pages:edit", args=[translation_pk])
    else:
        stale = source is not None and _content(json.loads(source.content_json)) != original.snapshot
        meta = original.model._meta
        url = reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[translation_pk])
    untranslated = missing_text.get(source.pk, 0) if source else 0
    status = Status.OUT_OF_DATE if stale else Status.INCOMPLETE if untranslated else Status.CURRENT
    return TranslationState(status=status, translation_url=url, translated_at=translated_at,
                            untranslated=untranslated, **common)


def _start_url(original):
    if original.kind == "page":
        return reverse("wagtail_localize:submit_page_translation", args=[original.pk])
    meta = original.model._meta
    return reverse("wagtail_localize:submit_snippet_translation", args=[meta.app_label, meta.model_name, original.pk])
