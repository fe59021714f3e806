"""A counter's opening hours: the weekly schedule, the exceptions ahead, whether it is open now and when it
opens next, and the one way hours are put in order and written down.

Pages, the front desk, the CSV exports, the CPSV-AP graph and schema.org all read hours through this module,
so a counter's hours sort the same everywhere and read „8:00–12:00“ to people and „08:00“ to machines.

All reasoning about a moment happens on Prague wall-clock time, so the answer stays right across
daylight-saving changes; intervals never cross midnight (an interval closes after it opens on the same day).

Every open state also says when it stops being true (`changes_at`), and `watch_changes` collects the earliest
such moment of all states computed while a page renders, so whoever keeps the rendered page (the page cache)
drops it in time without knowing which counters the page shows.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import get_language, gettext_lazy, gettext_noop, pgettext

PRAGUE = ZoneInfo("Europe/Prague")
LOOKAHEAD_DAYS = 21

WEEKDAY_CHOICES = [
    (0, gettext_lazy("pondělí")), (1, gettext_lazy("úterý")), (2, gettext_lazy("středa")),
    (3, gettext_lazy("čtvrtek")), (4, gettext_lazy("pátek")), (5, gettext_lazy("sobota")),
    (6, gettext_lazy("neděle")),
]
# The holidays package's name for each of the site's languages.
HOLIDAY_LANGUAGES = {"cs": "cs", "en": "en_US", "uk": "uk"}
# Short Czech day names as they appear in data files: po, ut, st, ct, pa, so, ne.
WEEKDAY_CODES = {"po": 0, "ut": 1, "st": 2, "ct": 3, "pa": 4, "so": 5, "ne": 6}
# "otevírá v pondělí": the weekday after the preposition, Monday first.
WEEKDAY_AFTER_PREPOSITION = [gettext_noop("v pondělí"), gettext_noop("v úterý"), gettext_noop("ve středu"),
                             gettext_noop("ve čtvrtek"), gettext_noop("v pátek"), gettext_noop("v sobotu"),
                             gettext_noop("v neděli")]


# ---------------------------------------------------------------------------------------------------------
# Writing hours down


def weekday_name(moment):
    """The day's name as the visitor's language writes it inside a sentence: "pondělí", "Monday", "понеділок"
    (Django's own Ukrainian capitalises it); a datetime is read on Prague wall-clock time."""
    day = moment.astimezone(PRAGUE).date() if isinstance(moment, datetime) else moment
    return str(dict(WEEKDAY_CHOICES)[day.weekday()])


def clock(value):
    """8:00, as Czech office boards write a time."""
    return f"{value.hour}:{value.minute:02d}"


def hhmm(value):
    """08:00, as data formats write a time (ISO 8601, schema.org, the CSV files)."""
    return value.strftime("%H:%M")


def intervals_text(intervals):
    """„8:00–12:00, 13:00–17:00“ from (opens, closes) pairs; empty when there are none."""
    return ", ".join(f"{clock(opens)}–{clock(closes)}" for opens, closes in intervals)


def parse_interval(text):
    """'08:00-12:00' (or with an en dash) to a pair of times; ValueError on anything else."""
    start, end = text.replace("–", "-").split("-")
    opens, closes = time.fromisoformat(start.strip()), time.fromisoformat(end.strip())
    if opens >= closes:
        raise ValueError(f"interval {text!r} closes before it opens")
    return opens, closes


# ---------------------------------------------------------------------------------------------------------
# The weekly schedule and the exceptions, in order


def weekly_in_order(opening_hours):
    """A counter's OpeningHours rows (already fetched or prefetched), Monday first, each day's morning first."""
    return sorted(opening_hours, key=lambda row: (row.weekday, row.opens))


@dataclass
class DaySchedule:
    weekday: int
    name: str
    intervals: list[tuple[time, time]] = field(default_factory=list)

    @property
    def closed(self):
        return not self.intervals

    @property
    def text(self):
        return intervals_text(self.intervals)


def weekly_schedule(opening_hours):
    """Seven DaySchedules, Monday first, from a counter's OpeningHours rows (already fetched or prefetched)."""
    days = [DaySchedule(weekday, str(name)) for weekday, name in WEEKDAY_CHOICES]
    for row in weekly_in_order(opening_hours):
        days[row.weekday].intervals.append((row.opens, row.closes))
    # Weekends are left out when closed, as every Czech office board does.
    return [day for day in days if day.intervals or day.weekday < 5]


@dataclass(frozen=True)
class ExceptionHours:
    """One dated exception to the weekly hours: closed that day, or open in one interval instead."""

    date: date
    closed: bool
    opens: time | None
    closes: time | None
    note: str = ""

    @property
    def intervals(self):
        return () if self.closed else ((self.opens, self.closes),)

    @property
    def text(self):
        return _("zavřeno") if self.closed else intervals_text(self.intervals)

    @property
    def summary(self):
        """„24. 12. 2026 zavřeno (Štědrý den)“: the date, the hours, and why."""
        note = f" ({self.note})" if self.note else ""
        return f"{date_format(self.date, 'SHORT_DATE_FORMAT')} {self.text}{note}"


def exceptions_in_order(exceptions):
    """Every exception (CounterException rows, already fetched or prefetched), soonest first."""
    rows = sorted(exceptions, key=lambda row: (row.date, row.opens or time()))
    return [ExceptionHours(row.date, row.closed, row.opens, row.closes, row.note) for row in rows]


def upcoming_exceptions(exceptions, today=None, limit=10, days=None):
    """The exceptions from today on (and, given `days`, no later than that many days ahead), soonest first."""
    today = today or timezone.localdate()
    last = today + timedelta(days=days) if days is not None else None
    return [row for row in exceptions_in_order(exceptions)
            if row.date >= today and (last is None or row.date <= last)][:limit]


# ---------------------------------------------------------------------------------------------------------
# The hours on a given day


@lru_cache(maxsize=16)
def _czech_holidays(year, language):
    return holidays.country_holidays("CZ", years=year, language=language)


def holiday_name(day):
    """The Czech public holiday on that day (Good Friday and Easter Monday included), or None; named in the
    visitor's language where the holidays package knows it (its English is American: "Labor Day")."""
    language = HOLIDAY_LANGUAGES.get(get_language(), HOLIDAY_LANGUAGES["cs"])
    return _czech_holidays(day.year, language).get(day)


@dataclass(frozen=True)
class DayHours:
    intervals: tuple  # ((opens, closes), ...) in wall-clock time
    reason: str = ""  # why the day differs from the weekly hours: an exception's note or a holiday

    @property
    def text(self):
        return intervals_text(self.intervals)


def prague_today():
    """Today's date on Prague wall-clock time."""
    return timezone.now().astimezone(PRAGUE).date()


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
        # "svátek", not "státní svátek": Štědrý den or Velký pátek are "ostatní svátky" (zákon č. 245/2000 Sb., § 2).
        return DayHours((), _("svátek: %(name)s") % {"name": holiday})
    return DayHours(tuple((row.opens, row.closes) for row in weekly_in_order(weekly) if row.weekday == day.weekday()))


# ---------------------------------------------------------------------------------------------------------
# Open now, and when that changes


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
    # "otevírá 5. 1. v 8:00"; English needs "on" before a date where Czech and Ukrainian need nothing.
    return pgettext("kdy pracoviště otevře", "%(date)s") % {"date": date_format(day, "MONTH_DAY_FORMAT")}


def _moment(day, wall_clock):
    return datetime.combine(day, wall_clock, tzinfo=PRAGUE)


def open_state(counter, now=None):
    """The counter's state at a moment (default: now), as a Czech sentence for the page."""
    state = _open_state(counter, now)
    watch = _watch.get()
    if watch is not None:
        watch.saw(state.changes_at)
    return state


def _open_state(counter, now):
    local = (now or timezone.now()).astimezone(PRAGUE)
    today, now_clock = local.date(), local.time().replace(tzinfo=None)
    midnight = _moment(today + timedelta(days=1), time(0))
    weekly, exceptions = list(counter.opening_hours.all()), list(counter.exceptions.all())
    today_hours = hours_on(today, weekly, exceptions)
    for opens, closes in _merged(today_hours.intervals):
        if opens <= now_clock < closes:
            return OpenState(True, _("otevřeno do %(time)s") % {"time": clock(closes)}, today_hours.reason,
                             changes_at=min(_moment(today, closes), midnight))
    next_opening = _next_opening(today, now_clock, weekly, exceptions)
    if not today_hours.intervals and today_hours.reason:
        label = _("dnes zavřeno (%(reason)s)") % {"reason": today_hours.reason}
    else:
        label = _("zavřeno")
    changes_at = midnight
    if next_opening:
        day, opens = next_opening
        label += ", " + _("otevírá %(when)s v %(time)s") % {"when": _when(day, today), "time": clock(opens)}
        changes_at = min(_moment(day, opens), midnight)
    return OpenState(False, label, today_hours.reason, changes_at=changes_at)


def _next_opening(today, now_clock, weekly, exceptions):
    for offset in range(LOOKAHEAD_DAYS):
        day = today + timedelta(days=offset)
        for opens, _closes in _merged(hours_on(day, weekly, exceptions).intervals):
            if offset > 0 or opens > now_clock:
                return day, opens
    return None
