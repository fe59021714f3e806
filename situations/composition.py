"""A situation page gathered for one visitor: the steps that apply to them with their services, and the facts
those services own.

Counters, forms and fees are entered once on a service; a situation shows them by walking its steps, so a
change to a service shows on every situation that uses it. The visitor's answers to the guide leave out
what does not apply; what depends on an unanswered question stays, marked with its condition. Everything
is fetched in a fixed number of queries, whatever the situation holds.
"""

import datetime
from dataclasses import dataclass, field
from urllib.parse import urlencode

from services.fees import FeeTotal, fee_total

from .guide import Answers


@dataclass
class ComposedSituation:
    page: object
    answers: Answers
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
    hidden_steps: int = 0
    notices: list = field(default_factory=list)

    @property
    def personal(self):
        """Whether the visitor has answered anything, so the page is their own checklist."""
        return bool(self.answers) or self.answers.submitted

    @property
    def required_services(self):
        return [service for service in self.services if service.pk not in self.optional_services]

    @property
    def checklist_path(self):
        """The situation's page with the visitor's answers, as a link from a plan or the front desk."""
        query = urlencode(self.answers.to_query(self.page.guide_questions))
        return self.page.url + (f"?{query}" if query else "")

    @property
    def visits(self):
        return group_by_office([self])

    @property
    def offices(self):
        """The counters the visitor goes to, one for each group of steps that can be done there together."""
        return [visit.counter for visit in self.visits if visit.counter]

    @property
    def answer_summary(self):
        return self.answers.describe(self.page.guide_questions)

    @property
    def dated_deadlines(self):
        return [deadline for deadline in self.deadlines if deadline.days is not None]


@dataclass
class Visit:
    """One office visit (or, with no counter, what is done elsewhere) and the steps of the plan it serves."""

    counter: object
    entries: list = field(default_factory=list)  # (situation, step) pairs in plan order

    @property
    def situations(self):
        return list(dict.fromkeys(situation.page.title for situation, _step in self.entries))


def unique(items):
    seen, result = set(), []
    for item in items:
        if item.pk not in seen:
            seen.add(item.pk)
            result.append(item)
    return result


def due_date(deadline, start):
    if deadline.days is None or start is None:
        return None
    return start + datetime.timedelta(days=deadline.days)


def compose_situation(page, answers=None):
    answers = Answers.none() if answers is None else answers
    questions = page.guide_questions
    service_verdicts = {row.service_id: row.verdict(answers, questions) for row in page.service_conditions.all()}

    steps, hidden_steps = [], 0
    for step in page.steps_with_services():
        if not _keep(step, answers, questions):
            hidden_steps += 1
            continue
        step.checklist_services = []
        for service in step.services.all():
            verdict = service_verdicts.get(service.pk)
            if verdict is not None and verdict.applies is False:
                continue
            service.checklist_condition = verdict.condition if verdict else ""
            step.checklist_services.append(service)
        steps.append(step)

    services = unique(service for step in steps for service in step.checklist_services)
    required = unique(
        service for step in steps
        if not step.optional and step.checklist_verdict.applies
        for service in step.checklist_services
        if service.pk not in service_verdicts or service_verdicts[service.pk].applies
    )
    required_pks = {service.pk for service in required}
    optional = {service.pk for service in services if service.pk not in required_pks}

    documents = [row for row in page.documents.select_related("document", "document__obtain_situation")
                 if _keep(row, answers, questions)]
    deadlines = [row for row in page.deadlines.all() if _keep(row, answers, questions)]
    for deadline in deadlines:
        deadline.due_date = due_date(deadline, answers.date)

    return ComposedSituation(
        page=page,
        answers=answers,
        steps=steps,
        services=services,
        optional_services=optional,
        # People go where the required steps send them first; the others' counters come after.
        counters=unique(counter for service in [*required, *(s for s in services if s.pk in optional)]
                        for counter in service.counters.all()),
        forms=unique(form for service in services for form in service.forms.all()),
        documents_to_bring=[row for row in documents if not row.document.fetched_by_office],
        documents_fetched=[row for row in documents if row.document.fetched_by_office],
        fee_services=[service for service in services if service.fees.all()],
        fees=fee_total(required),
        deadlines=deadlines,
        legal_references=list(page.legal_references.all()),
        faqs=list(page.faqs.all()),
        related=[row.situation for row in page.related.select_related("situation") if row.situation.live],
        hidden_steps=hidden_steps,
        notices=list(answers.notices),
    )


def _keep(row, answers, questions):
    """Judges one conditional row for this visitor, remembering the verdict for the template."""
    row.checklist_verdict = row.verdict(answers, questions)
    return row.checklist_verdict.applies is not False


def group_by_office(situations):
    """Steps grouped by the counter where they are done, so that one visit serves as many steps as it can.

    A step can often be done at several counters; each goes to the one that serves the most steps of the
    plan. Steps with no counter (online, by post, at a health insurer) come last, together.
    """
    entries = [(situation, step) for situation in situations for step in situation.steps]
    candidates = {id(step): unique(counter for service in step.checklist_services for counter in service.counters.all())
                  for _situation, step in entries}
    reach = {}
    for counters in candidates.values():
        for counter in counters:
            reach[counter.pk] = reach.get(counter.pk, 0) + 1
    visits, elsewhere = {}, Visit(counter=None)
    for situation, step in entries:
        counters = candidates[id(step)]
        if not counters:
            elsewhere.entries.append((situation, step))
            continue
        best = max(counters, key=lambda counter: reach[counter.pk])  # max keeps the first of equals
        visits.setdefault(best.pk, Visit(counter=best)).entries.append((situation, step))
    return [*visits.values(), *([elsewhere] if elsewhere.entries else [])]
