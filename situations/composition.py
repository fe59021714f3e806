"""A situation page gathered for display: its steps with their services, and the facts those services own.

Counters, forms and fees are entered once on a service; a situation shows them by walking its steps, so a
change to a service shows on every situation that uses it. Everything is fetched in a fixed number of
queries, whatever the situation holds.
"""

from dataclasses import dataclass

from services.fees import FeeTotal, fee_total


@dataclass
class ComposedSituation:
    steps: list
    services: list
    optional_services: set
    counters: list
    forms: list
    documents_to_bring: list
    documents_fetched: list
    fee_services: list
    fees: FeeTotal
    deadlines: list
    legal_references: list
    faqs: list
    related: list


def _unique(items):
    seen, result = set(), []
    for item in items:
        if item.pk not in seen:
            seen.add(item.pk)
            result.append(item)
    return result


def compose_situation(page):
    steps = list(page.steps_with_services())
    services = _unique(service for step in steps for service in step.services.all())
    required = _unique(service for step in steps if not step.optional for service in step.services.all())
    optional = {service.pk for service in services if service not in required}
    documents = list(page.documents.select_related("document", "document__obtain_situation"))
    return ComposedSituation(
        steps=steps,
        services=services,
        optional_services=optional,
        # People go where the required steps send them first; optional steps' counters come after.
        counters=_unique(counter for service in [*required, *(s for s in services if s.pk in optional)]
                         for counter in service.counters.all()),
        forms=_unique(form for service in services for form in service.forms.all()),
        documents_to_bring=[row for row in documents if not row.document.fetched_by_office],
        documents_fetched=[row for row in documents if row.document.fetched_by_office],
        fee_services=[service for service in services if service.fees.all()],
        fees=fee_total(required),
        deadlines=list(page.deadlines.all()),
        legal_references=list(page.legal_references.all()),
        faqs=list(page.faqs.all()),
        related=[row.situation for row in page.related.select_related("situation") if row.situation.live],
    )
