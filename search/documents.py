"""Live pages as search documents: what each kind of page contributes to the index, in the page's language.

Only pages the public may see are indexed (navigator.visibility): a page behind a view restriction (a password, a
sign-in, groups) stays out of the index of either backend, so neither search nor autocomplete can show it; the
indexing signals take a page out when a restriction is put on it and back when it is lifted.

A document keeps the catalog's fixed slug of its situation, service or counter (the slug of the Czech page,
whatever the translation's own slug is) and topic, so every language version is found, filtered and identified
by the same slugs; its `language` is its page's locale, the language its text is analysed in.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Prefetch
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from wagtail.models import Page

from navigator.visibility import may_see, visible
from services import hours
from services.models import CounterPage, ServicePage
from situations.models import SituationPage

from .backends.base import SearchDocument
from .result_types import ResultType


def _text(*parts):
    return " ".join(strip_tags(part) for part in parts if part)


def language_of(page):
    return page.locale.language_code


def catalog_slugs(pages):
    """{page id: the catalog's slug} for these pages: a translation answers with its Czech page's slug."""
    default = settings.LANGUAGE_CODE
    slugs = {page.pk: page.slug for page in pages if language_of(page) == default}
    translated = [page for page in pages if page.pk not in slugs]
    if translated:
        originals = dict(Page.objects.filter(locale__language_code=default,
                                             translation_key__in=[page.translation_key for page in translated])
                         .values_list("translation_key", "slug"))
        slugs.update({page.pk: originals.get(page.translation_key, page.slug) for page in translated})
    return slugs


def situation_document(page, topic=None, slug=None, topic_slug=None):
    steps = list(page.steps.all())
    body = _text(
        page.who_may_act, page.conditions,
        *(f"{step.title} {strip_tags(step.text)}" for step in steps),
        *(service.title for step in steps for service in step.services.all()),
        *(f"{row.document.name} {row.document.lay_names}" for row in page.documents.all()),
        *(form.title for step in steps for service in step.services.all() for form in service.forms.all()),
        *(faq.question for faq in page.faqs.all()),
        page.department.name if page.department else "",
    )
    if topic_slug is None:
        topic = topic or page.get_parent()
        topic_slug = catalog_slugs([topic])[topic.pk] if topic else ""
    return SearchDocument(
        page_id=page.pk, type=ResultType.SITUATION, slug=slug or page.slug, title=page.title, url=page.url or "",
        summary=page.summary, lay_terms=page.lay_terms, body=body, audience=page.audience, topic=topic_slug,
        department=page.department.slug if page.department else "", language=language_of(page),
    )


def service_document(page, slug=None):
    body = _text(
        page.provider, page.when_to_act, page.what_you_get, page.who_may_apply, page.how_to_apply,
        *(f"{row.document.name} {row.document.lay_names}" for row in page.documents.all()),
        *(form.title for form in page.forms.all()),
        page.department.name if page.department else "",
    )
    return SearchDocument(
        page_id=page.pk, type=ResultType.SERVICE, slug=slug or page.slug, title=page.title, url=page.url or "",
        summary=page.summary, lay_terms=page.lay_terms, body=body, audience=page.audience,
        department=page.department.slug if page.department else "", language=language_of(page),
    )


def counter_hours_text(page):
    """The counter's weekly hours in words: "Úřední hodiny: pondělí 8:00–12:00, 13:00–18:00; úterý …"."""
    days = hours.weekly_schedule(page.opening_hours.all())
    week = "; ".join(f"{day.name} {day.text or _('zavřeno')}" for day in days)
    return f"{_('Úřední hodiny')}: {week}"


def counter_document(page, services=None, slug=None):
    """A counter: where it is, when it is open, and what is done there (its services and how they are paid).

    Its hours are its lay terms: what people ask of a place is when it is open, in the words of the synonym
    files ("otevírací doba", "kdy má otevřeno" find "úřední hodiny"), and a result then shows them."""
    services = list(services if services is not None else
                    ServicePage.objects.live().filter(counters=page).prefetch_related("fees"))
    body = _text(
        page.organisation, page.street, page.city, page.building, page.floor, page.room,
        *(service.title for service in services),
        *(fee.how_to_pay for service in services for fee in service.fees.all()),
        # Closures say what is inside ("Inventura pokladny": the cash desk is here).
        *(exception.note for exception in page.exceptions.all()),
    )
    lay_terms = counter_hours_text(page)
    return SearchDocument(
        page_id=page.pk, type=ResultType.COUNTER, slug=slug or page.slug, title=page.title, url=page.url or "",
        summary=page.summary, lay_terms=lay_terms, body=body,
        department=page.department.slug if page.department else "", language=language_of(page),
    )


BUILDERS = {SituationPage: situation_document, ServicePage: service_document, CounterPage: counter_document}


def document_for(page):
    """The search document of a live, public page, or None when the page is not searchable."""
    page = page.specific
    builder = BUILDERS.get(type(page))
    if builder is None or not may_see(page):
        return None
    with translation.override(language_of(page)):  # what the document says in words, it says in its language
        return builder(page, slug=catalog_slugs([page])[page.pk])


def count_documents():
    """How many documents all_documents() yields."""
    return sum(visible(model.objects.all()).count() for model in BUILDERS)


def all_documents():
    """Every live searchable page as a document, with related rows fetched in bulk, read as it is consumed."""
    from situations.models import TopicPage

    topics = list(TopicPage.objects.select_related("locale"))
    topic_slugs = catalog_slugs(topics)
    topic_at = {topic.path: topic_slugs[topic.pk] for topic in topics}
    situations = list(visible(SituationPage.objects.all()).select_related("department", "locale")
                      .prefetch_related("steps__services__forms", "documents__document", "faqs"))
    slugs = catalog_slugs(situations)
    for situation in situations:
        with translation.override(language_of(situation)):
            yield situation_document(situation, slug=slugs[situation.pk],
                                     topic_slug=topic_at.get(situation.path[:-situation.steplen], ""))
    services = list(visible(ServicePage.objects.all()).select_related("department", "locale")
                    .prefetch_related("documents__document", "forms", "fees",
                                      Prefetch("counters", queryset=visible(CounterPage.objects.all()))))
    slugs = catalog_slugs(services)
    services_at = defaultdict(list)
    for service in services:
        for counter in service.counters.all():
            services_at[counter.pk].append(service)
        with translation.override(language_of(service)):
            yield service_document(service, slug=slugs[service.pk])
    counters = list(visible(CounterPage.objects.all()).select_related("department", "locale")
                    .prefetch_related("opening_hours", "exceptions"))
    slugs = catalog_slugs(counters)
    for counter in counters:
        with translation.override(language_of(counter)):
            yield counter_document(counter, services_at[counter.pk], slug=slugs[counter.pk])
