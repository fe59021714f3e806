"""Whether a counter is open now, and when it opens next: weekly hours, dated exceptions, Czech holidays.

All reasoning happens on Prague wall-clock time, so the answer stays right across daylight-saving changes;
intervals never cross midnight (an interval closes after it opens on the same day).

Every state also says when it stops being true (`changes_at`), and `watch_changes` collects the earliest such
moment of all states computed while a page renders, so whoever keeps the rendered page (the page cache) drops
it in time without knowing which counters the page shows.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

PRAGUE = ZoneInfo("Europe/Prague")
LOOKAHEAD_DAYS = 21
# "otevírá v pondělí": the weekday after the preposition, Monday first.
WEEKDAY_AFTER_PREPOSITION = [gettext_noop("v pondělí"), gettext_noop("v úterý"), gettext_noop("ve středu"),
                             gettext_noop("ve čtvrtek"), gettext_noop("v pátek"), gettext_noop("v sobotu"),
                             gettext_noop("v neděli")]


@lru_cache(maxsize=8)
def _czech_holidays(year):
    return holidays.country_holidays("CZ", years=year, language="cs")


def holiday_name(day):
    """The Czech public holiday on that day (Good Friday and Easter Monday included), or None."""
    return _czech_holidays(day.year).get(day)


@dataclass(frozen=True)
class DayHours:
    intervals: tuple  # ((opens, closes), ...) in wall-clock time
    reason: str = ""  # why the day differs from the weekly hours: an exception's note or a holiday


@dataclass(frozen=True)
class OpenState:
    is_open: bool
    label: str
    reason: str = ""
    # The next moment the label may read differently: an opening or closing, or midnight ("dnes", "zítra").
    changes_at: datetime | None = None


class ChangeWatch:
    """The earliest `changes_at` of the open states computed while watching; None if there were none."""

    def __init__(self):
        self.earliest = None

    def saw(self, moment):
        if self.earliest is None or moment < self.earliest:
            self.earliest = moment


_watch = ContextVar("open_state_watch", default=None)


@contextmanager
def watch_changes():
    """Collect, while active, when the open states computed in this context (this request) next change."""
    watch = ChangeWatch()
    token = _watch.set(watch)
    try:
        yield watch
    finally:
        _watch.reset(token)


def hours_on(day, weekly, exceptions):
    """A counter's hours on one date, from its OpeningHours and CounterException rows (already fetched)."""
    dated = [row for row in exceptions if row.date == day]
    if dated:
        note = next((row.note for row in dated if row.note), "")
        if any(row.closed for row in dated):
            return DayHours((), note or _("mimořádně zavřeno"))
        return DayHours(tuple(sorted((row.opens, row.closes) for row in dated)), note or _("změněná doba"))
    holiday = holiday_name(day)
    if holiday:
        return DayHours((), _("státní svátek: %(name)s") % {"name": holiday})
    return DayHours(tuple(sorted((row.opens, row.closes) for row in weekly if row.weekday == day.weekday())))


def _merged(intervals):
    """Touching intervals as one (8–12 and 12–17 is open 8–17)."""
    merged = []
    for opens, closes in intervals:
        if merged and opens <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(closes, merged[-1][1]))
        else:
            merged.append((opens, closes))
    return merged


def _when(day, today):
    if day == today:
        return _("dnes")
    if day == today + timedelta(days=1):
        return _("zítra")
    if day - today < timedelta(days=7):
        return _(WEEKDAY_AFTER_PREPOSITION[day.weekday()])
    return f"{day.day}. {day.month}."


def _clock(moment):
    return f"{moment.hour}:{moment.minute:02d}"


def _moment(day, clock):
    return datetime.combine(day, clock, tzinfo=PRAGUE)


def open_state(counter, now=None):
    """The counter's state at a moment (default: now), as a Czech sentence for the page."""
    state = _open_state(counter, now)
    watch = _watch.get()
    if watch is not None:
        watch.saw(state.changes_at)
    return state


def _open_state(counter, now):
    local = (now or timezone.now()).astimezone(PRAGUE)
    today, clock = local.date(), local.time().replace(tzinfo=None)
    midnight = _moment(today + timedelta(days=1), time(0))
    weekly, exceptions = list(counter.opening_hours.all()), list(counter.exceptions.all())
    today_hours = hours_on(today, weekly, exceptions)
    for opens, closes in _merged(today_hours.intervals):
        if opens <= clock < closes:
            return OpenState(True, _("otevřeno do %(time)s") % {"time": _clock(closes)}, today_hours.reason,
                             changes_at=min(_moment(today, closes), midnight))
    next_opening = _next_opening(today, clock, weekly, exceptions)
    if not today_hours.intervals and today_hours.reason:
        label = _("dnes zavřeno (%(reason)s)") % {"reason": today_hours.reason}
    else:
        label = _("zavřeno")
    changes_at = midnight
    if next_opening:
        day, opens = next_opening
        label += ", " + _("otevírá %(when)s v %(time)s") % {"when": _when(day, today), "time": _clock(opens)}
        changes_at = min(_moment(day, opens), midnight)
    return OpenState(False, label, today_hours.reason, changes_at=changes_at)


def _next_opening(today, clock, weekly, exceptions):
    for offset in range(LOOKAHEAD_DAYS):
        day = today + timedelta(days=offset)
        for opens, _closes in _merged(hours_on(day, weekly, exceptions).intervals):
            if offset > 0 or opens > clock:
                return day, opens
    return None

