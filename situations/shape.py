"""The shape of a checklist: what a situation's checklist and a plan's both hand their templates.

A situation's checklist (composition.ComposedSituation) and a plan of several (plan.Plan) show the same kinds of
things, so they offer them under the same names and as the same rows (`Checklist` below lists them): the pieces
in templates/ (a step, a document row, a deadline list, a fee table, a counter card) then serve the situation
page, the plan, their print sheets and the front desk alike. The rows are built once, when the checklist is
composed for a visitor, from rows already fetched; nothing here queries the database.

A row of a plan names the situation it comes from (`situation`, a SituationPage); a situation's rows carry it
too, and its templates simply do not show it.
"""

import datetime
from dataclasses import dataclass, field
from typing import Protocol

from services.documents import DocumentRow
from services.fees import FeeRow, FeeTotal

from .guide import Verdict


@dataclass(frozen=True)
class ServiceUse:
    """A service a step uses, and while it is undecided whether the visitor needs it, on what condition."""

    service: object  # ServicePage, with its counters, forms and fees prefetched
    condition: str = ""


@dataclass(frozen=True)
class Step:
    situation: object  # the SituationPage
    title: str
    text: str
    optional: bool
    verdict: Verdict
    services: tuple = ()  # ServiceUse, in the step's order
    urgent: bool = False  # cannot wait: a plan puts it first, whatever office it belongs to

    @property
    def counters(self):
        """The counters where the step can be done, each once, in the order its services name them."""
        counters = {}
        for use in self.services:
            for counter in use.service.counters.all():
                counters.setdefault(counter.pk, counter)
        return list(counters.values())

    @property
    def places(self):
        """Where a printed sheet sends the visitor: each service's first counter, a counter named once."""
        places = {}
        for use in self.services:
            counter = next(iter(use.service.counters.all()), None)
            if counter is not None:
                places.setdefault(counter.pk, counter)
        return list(places.values())


@dataclass(frozen=True)
class DeadlineRow:
    situation: object  # the SituationPage
    pk: int
    title: str
    description: str
    days: int | None
    verdict: Verdict
    counted_from: datetime.date | None = None  # the day the visitor gave the guide, from which the days run

    @property
    def due_date(self):
        if self.days is None or self.counted_from is None:
            return None
        return days_after(self.counted_from, self.days)


def days_after(start, days):
    """The day `days` days after `start`, or None when it would fall past the end of the calendar (9999-12-31)."""
    try:
        return start + datetime.timedelta(days=days)
    except OverflowError:
        return None


@dataclass
class Visit:
    """One office visit (or, with no counter, what is done elsewhere) and the steps it serves, in plan order.

    An urgent visit holds only steps that cannot wait; such visits come before all others.
    """

    counter: object  # a CounterPage, or None
    steps: list = field(default_factory=list)
    urgent: bool = False

    @property
    def situations(self):
        return list(dict.fromkeys(step.situation.title for step in self.steps))


class Checklist(Protocol):
    """What a situation's checklist and a plan both offer their templates (see the module's docstring)."""

    personal: bool  # the visitor answered something: the list is theirs
    notices: list[str]  # what of the request was left out, and why, in the visitor's words
    steps: list[Step]
    visits: list[Visit]  # the steps grouped by the counter where one visit serves most of them, urgent ones first
    offices: list  # the CounterPages of those visits
    counters: list  # every CounterPage the services name, the required steps' first
    forms: list  # every ApplicationForm the services offer, once
    documents_to_bring: list[DocumentRow]
    documents_fetched: list[DocumentRow]  # the office fetches these from the base registers itself
    fee_rows: list[FeeRow]  # the fees of every service used, the optional services' marked
    fees: FeeTotal  # the total of the services everyone must use
    optional_services: set[int]  # pks of the services not everyone uses
    deadlines: list[DeadlineRow]
    dated_deadlines: list[DeadlineRow]  # those set in days, for the calendar file
