"""Today at the office: every counter with its state now and its hours today, for the desk's side panel."""

from services.hours import hours_on, prague_today
from services.models import CounterPage


def counters_today(first=()):
    """Live counters with `.hours_today` (DayHours) set, those whose pks are in `first` at the top.

    Three queries whatever the number of counters: the pages, their weekly hours and their exceptions.
    """
    today = prague_today()
    counters = list(CounterPage.objects.live().order_by("title")
                    .prefetch_related("opening_hours", "exceptions"))
    for counter in counters:
        counter.hours_today = hours_on(today, counter.opening_hours.all(), counter.exceptions.all())
        counter.for_situation = counter.pk in first
    return sorted(counters, key=lambda counter: not counter.for_situation)
