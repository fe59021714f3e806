"""A situation page gathered for one visitor: the steps that apply to them with their services, and the facts
those services own.

Counters, forms and fees are entered once on a service; a situation shows them by walking its steps, so a
change to a service shows on every situation that uses it. The visitor's answers to the guide leave out
what does not apply; what depends on an unanswered question stays, marked with its condition. Everything
is fetched in a fixed number of queries, whatever the situation holds.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from services.documents import DocumentRow
from services.fees import FeeTotal, fee_rows, fee_total

from .graph import situation_graph
from .guide import Answers, judge_fee
from .shape import DeadlineRow, ServiceUse, Step, Visit


@dataclass
class ComposedSituation:
    """One situation's checklist for one visitor, in the shape every checklist has (shape.Checklist)."""

    page: object  # the SituationPage
    answers: Answers
    steps: list  # Step
    services: list  # ServicePage, each once
    optional_services: set
    counters: list
    forms: list
    documents_to_bring: list  # DocumentRow
    documents_fetched: list  # DocumentRow
    fee_rows: list  # FeeRow
    fees: FeeTotal
    deadlines: list  # DeadlineRow
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
        return unique(visit.counter for visit in self.visits if visit.counter)

    @property
    def answer_summary(self):
        return self.answers.describe(self.page.guide_questions)

    @property
    def dated_deadlines(self):
        return [deadline for deadline in self.deadlines if deadline.days is not None]


def unique(items):
    seen, result = set(), []
    for item in items:
        if item.pk not in seen:
            seen.add(item.pk)
            result.append(item)
    return result


def compose_situation(page, answers=None):
    answers = Answers.none() if answers is None else answers
    graph = situation_graph(page)
    questions = graph.questions

    def judged(rows):
        """The rows that may apply to this visitor, each with its verdict."""
        verdicts = ((row, row.verdict(answers, questions)) for row in rows)
        return [(row, verdict) for row, verdict in verdicts if verdict.applies is not False]

    service_verdicts = {row.service_id: row.verdict(answers, questions) for row in graph.service_conditions}

    def uses(step_services):
        """The step's services that may apply to this visitor, with their condition while it is undecided."""
        verdicts = ((service, service_verdicts.get(service.pk)) for service in step_services)
        return tuple(ServiceUse(service, verdict.condition if verdict else "") for service, verdict in verdicts
                     if verdict is None or verdict.applies is not False)

    all_steps, steps = graph.steps, []
    for row, step_services in all_steps:
        verdict = row.verdict(answers, questions)
        if verdict.applies is not False:
            steps.append(Step(page, row.title, row.text, row.optional, verdict, uses(step_services), row.urgent))

    services = unique(use.service for step in steps for use in step.services)
    required = unique(
        use.service for step in steps
        if not step.optional and step.verdict.applies
        for use in step.services
        if use.service.pk not in service_verdicts or service_verdicts[use.service.pk].applies
    )
    required_pks = {service.pk for service in required}
    optional = {service.pk for service in services if service.pk not in required_pks}

    fees = fee_rows(services, optional, judge=lambda fee: judge_fee(fee.condition, answers, questions))
    documents = [DocumentRow.of(row, page, verdict) for row, verdict in judged(graph.documents)]
    deadlines = [DeadlineRow(page, row.pk, row.title, row.description, row.days, verdict, answers.date)
                 for row, verdict in judged(graph.deadlines)]

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
        documents_to_bring=[row for row in documents if not row.fetched],
        documents_fetched=[row for row in documents if row.fetched],
        fee_rows=fees,
        fees=fee_total(fees),
        deadlines=deadlines,
        legal_references=graph.legal_references,
        faqs=graph.faqs,
        related=graph.related,
        hidden_steps=len(all_steps) - len(steps),
        notices=list(answers.notices),
    )


def group_by_office(situations):
    """Steps grouped by the counter where they are done, so that one visit serves as many steps as it can.

    A step can often be done at several counters; each goes to the one that serves the most steps of the
    plan. Steps with no counter (online, by post, at a health insurer) come last, together. Steps that cannot
    wait (blocking the cards of a lost wallet) come first, in visits of their own, whatever office they belong to.
    """
    steps = [step for situation in situations for step in situation.steps]
    reach = {}
    for step in steps:
        for counter in step.counters:
            reach[counter.pk] = reach.get(counter.pk, 0) + 1

    def visits(steps, urgent):
        grouped, elsewhere = {}, Visit(counter=None, urgent=urgent)
        for step in steps:
            counters = step.counters
            if not counters:
                elsewhere.steps.append(step)
                continue
            best = max(counters, key=lambda counter: reach[counter.pk])  # max keeps the first of equals
            grouped.setdefault(best.pk, Visit(counter=best, urgent=urgent)).steps.append(step)
        found = [*grouped.values(), *([elsewhere] if elsewhere.steps else [])]
        if urgent:  # what cannot wait goes in its own order, a call to the bank before a visit to the office
            position = {id(step): index for index, step in enumerate(steps)}
            found.sort(key=lambda visit: position[id(visit.steps[0])])
        return found

    return [*visits([step for step in steps if step.urgent], urgent=True),
            *visits([step for step in steps if not step.urgent], urgent=False)]
