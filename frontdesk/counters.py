"""Today at the office: every counter with its state now and its hours today, for the desk's side panel.

On a situation the counters its steps send the visitor to come first; the others are folded away, since the clerk
needs them only when the visitor asks.
"""

from dataclasses import dataclass, field

from languages.locales import in_default_language
from navigator.visibility import visible
from services.hours import hours_on, prague_today
from services.models import CounterPage


@dataclass(frozen=True)
class CounterToday:
    counter: object  # CounterPage, with its hours prefetched (for its open state)
    hours: object  # DayHours: today's intervals, or why it is closed


@dataclass
class Today:
    first: list = field(default_factory=list)  # CounterToday: the situation's counters, in title order
    others: list = field(default_factory=list)  # CounterToday: the rest; all of them when no situation is open


def counters_today(request, first=()):
    """The counters the clerk may see with today's hours, those whose pks are in `first` apart.

    Three queries whatever the number of counters: the pages, their weekly hours and their exceptions.
    """
    today = prague_today()
    counters = (in_default_language(visible(CounterPage.objects.all(), request)).order_by("title")
                .prefetch_related("opening_hours", "exceptions"))
    found = Today()
    for counter in counters:
        row = CounterToday(counter, hours_on(today, counter.opening_hours.all(), counter.exceptions.all()))
        (found.first if counter.pk in first else found.others).append(row)
    return found
