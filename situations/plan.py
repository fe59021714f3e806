"""One plan for several situations: moving house, a new ID card and the dog fee, done in as few visits as possible.

A plan lives in its URL: `?situace=zmena-trvaleho-pobytu&situace=obcansky-prukaz` plus each situation's
answers under its slug (`zmena-trvaleho-pobytu-odkud=jina-obec`). No account, no cookie.
"""

from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urlencode

from django.utils.translation import gettext as _

from services.documents import merged
from services.fees import fee_total, merged as merged_fees

from .composition import compose_situation, group_by_office, unique
from .guide import notice_value, unknown_parameter_notices

SITUATION_PARAMETER = "situace"
MAX_SITUATIONS = 8


@dataclass(frozen=True)
class PlanEntry:
    """A situation in the plan, with its guide's questions and the plan's query without it."""

    situation: object  # ComposedSituation
    guide_form: object  # GuideForm, its fields named with the situation's slug
    remove_query: str


@dataclass
class Plan:
    """The checklist of several situations, in the shape every checklist has (shape.Checklist)."""

    entries: list
    notices: list = field(default_factory=list)

    @property
    def situations(self):
        return [entry.situation for entry in self.entries]

    @property
    def personal(self):
        return any(situation.personal for situation in self.situations)

    @property
    def steps(self):
        return [step for situation in self.situations for step in situation.steps]

    @property
    def services(self):
        return unique(service for situation in self.situations for service in situation.services)

    @property
    def required_services(self):
        return unique(service for situation in self.situations for service in situation.required_services)

    @property
    def optional_services(self):
        required = {service.pk for service in self.required_services}
        return {service.pk for service in self.services if service.pk not in required}

    @cached_property
    def fees(self):
        return fee_total(self.fee_rows)

    @cached_property
    def fee_rows(self):
        # A service two situations share is paid once, as the situation that knows most about the visitor says.
        return merged_fees(situation.fee_rows for situation in self.situations)

    @property
    def offices(self):
        return unique(visit.counter for visit in self.visits if visit.counter)

    @property
    def forms(self):
        return unique(form for situation in self.situations for form in situation.forms)

    @property
    def counters(self):
        return unique(counter for situation in self.situations for counter in situation.counters)

    @property
    def deadlines(self):
        return [row for situation in self.situations for row in situation.deadlines]

    @property
    def dated_deadlines(self):
        return [row for situation in self.situations for row in situation.dated_deadlines]

    @cached_property
    def documents_to_bring(self):
        return merged(row for situation in self.situations for row in situation.documents_to_bring)

    @cached_property
    def documents_fetched(self):
        return merged(row for situation in self.situations for row in situation.documents_fetched)

    @cached_property
    def visits(self):
        return group_by_office(self.situations)


def plan_from_query(query, pages_by_slug):
    """The plan a URL describes. Unknown situations, answers and parameters are left out with a notice."""
    notices, slugs = [], []
    for slug in query.getlist(SITUATION_PARAMETER):
        if slug in slugs:
            continue
        if slug not in pages_by_slug:
            notices.append(_("Situaci „%(slug)s“ neznáme, proto v plánu chybí.") % {"slug": notice_value(slug)})
        elif len(slugs) >= MAX_SITUATIONS:
            notices.append(_("Plán pojme nejvýš %(count)d situací; další jsme vynechali.") % {"count": MAX_SITUATIONS})
            break
        else:
            slugs.append(slug)
    situations, forms, known = [], [], {SITUATION_PARAMETER}
    for slug in slugs:
        page = pages_by_slug[slug]
        form = page.guide_form(query, prefix=slug)
        known |= form.known_parameters()
        answers = form.answers()
        notices += answers.notices
        answers.notices = []
        situations.append(compose_situation(page, answers))
        forms.append(form)
    notices += unknown_parameter_notices(query, known)
    entries = [PlanEntry(situation, form, plan_query(situations, leave_out=situation))
               for situation, form in zip(situations, forms)]
    return Plan(entries, notices)


def plan_query(situations, leave_out=None):
    """The URL query of a plan, optionally without one of its situations."""
    pairs = []
    for situation in situations:
        if situation is leave_out:
            continue
        pairs.append((SITUATION_PARAMETER, situation.page.slug))
        pairs += situation.answers.to_query(situation.page.guide_questions, prefix=situation.page.slug)
    return urlencode(pairs)
