"""Live pages as search documents: what each kind of page contributes to the index.

Only pages the public may see are indexed (navigator.visibility): a page behind a view restriction (a password, a
sign-in, groups) stays out of the index of either backend, so neither search nor autocomplete can show it; the
indexing signals take a page out when a restriction is put on it and back when it is lifted.
"""

from django.utils.html import strip_tags

from navigator.visibility import may_see, visible
from services.models import CounterPage, ServicePage
from situations.models import SituationPage

from .backends.base import SearchDocument
from .result_types import ResultType


def _text(*parts):
    return " ".join(strip_tags(part) for part in parts if part)


def situation_document(page, topic=None):
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
    topic = topic or page.get_parent()
    return SearchDocument(
        page_id=page.pk, type=ResultType.SITUATION, slug=page.slug, title=page.title, url=page.url or "",
        summary=page.summary, lay_terms=page.lay_terms, body=body, audience=page.audience,
        topic=topic.slug if topic else "", department=page.department.slug if page.department else "",
    )


def service_document(page):
    body = _text(
        page.provider, page.when_to_act, page.what_you_get, page.who_may_apply, page.how_to_apply,
        *(f"{row.document.name} {row.document.lay_names}" for row in page.documents.all()),
        *(form.title for form in page.forms.all()),
        page.department.name if page.department else "",
    )
    return SearchDocument(
        page_id=page.pk, type=ResultType.SERVICE, slug=page.slug, title=page.title, url=page.url or "",
        summary=page.summary, lay_terms=page.lay_terms, body=body, audience=page.audience,
        department=page.department.slug if page.department else "",
    )


def counter_document(page):
    return SearchDocument(
        page_id=page.pk, type=ResultType.COUNTER, slug=page.slug, title=page.title, url=page.url or "",
        summary=page.summary, body=_text(page.organisation, page.street, page.city, page.building, page.room),
    )


BUILDERS = {SituationPage: situation_document, ServicePage: service_document, CounterPage: counter_document}


def document_for(page):
    """The search document of a live, public page, or None when the page is not searchable."""
    page = page.specific
    builder = BUILDERS.get(type(page))
    if builder is None or not may_see(page):
        return None
    return builder(page)


def count_documents():
    """How many documents all_documents() yields."""
    return sum(visible(model.objects.all()).count() for model in BUILDERS)


def all_documents():
    """Every live searchable page as a document, with related rows fetched in bulk, read as it is consumed."""
    from situations.models import TopicPage

    topics = {topic.path: topic for topic in TopicPage.objects.all()}
    situations = (visible(SituationPage.objects.all()).select_related("department")
                  .prefetch_related("steps__services__forms", "documents__document", "faqs"))
    for situation in situations:
        yield situation_document(situation, topics.get(situation.path[:-situation.steplen]))
    services = (visible(ServicePage.objects.all()).select_related("department")
                .prefetch_related("documents__document", "forms"))
    for service in services:
        yield service_document(service)
    for counter in visible(CounterPage.objects.all()):
        yield counter_document(counter)
