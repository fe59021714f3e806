"""Open now: weekly hours, dated exceptions and Czech public holidays, on Prague wall-clock time."""

from datetime import date, datetime, time, timezone as dt_timezone
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from services.hours import holiday_name, open_state

PRAGUE = ZoneInfo("Europe/Prague")


class Rows(list):
    def all(self):
        return self


def counter(exceptions=()):
    """Mon–Thu 8–12 and 13–17, Fri 8–12: a typical town-hall counter."""
    weekly = [SimpleNamespace(weekday=d, opens=time(8), closes=time(12)) for d in range(5)]
    weekly += [SimpleNamespace(weekday=d, opens=time(13), closes=time(17)) for d in range(4)]
    return SimpleNamespace(opening_hours=Rows(weekly), exceptions=Rows(
        SimpleNamespace(date=day, closed=closed, opens=opens, closes=closes, note=note)
        for day, closed, opens, closes, note in exceptions))


def prague(*args):
    return datetime(*args, tzinfo=PRAGUE)


def label(moment, exceptions=()):
    return open_state(counter(exceptions), moment).label


def test_open_during_hours_says_until_when():
    state = open_state(counter(), prague(2026, 11, 23, 9, 30))
    assert state.is_open and state.label == "otevřeno do 12:00"


def test_lunch_break_says_when_it_opens_again_today():
    assert label(prague(2026, 11, 23, 12, 30)) == "zavřeno, otevírá dnes v 13:00"


def test_friday_afternoon_points_to_monday():
    assert label(prague(2026, 11, 27, 15, 0)) == "zavřeno, otevírá v pondělí v 8:00"


def test_28_october_is_a_state_holiday():
    state = open_state(counter(), prague(2026, 10, 28, 10, 0))
    assert not state.is_open
    assert state.label.startswith("dnes zavřeno (státní svátek: Den vzniku samostatného československého státu)")
    assert state.label.endswith("otevírá zítra v 8:00")


@pytest.mark.parametrize("day", [24, 25, 26])
def test_christmas_days_are_closed_and_point_to_the_next_working_day(day):
    state = open_state(counter(), prague(2026, 12, day, 10, 0))
    assert not state.is_open and "státní svátek" in state.label
    assert state.label.endswith("otevírá v pondělí v 8:00")


def test_good_friday_and_easter_monday_are_holidays():
    assert holiday_name(date(2027, 3, 26)) == "Velký pátek"
    assert holiday_name(date(2027, 3, 29)) == "Velikonoční pondělí"
    assert label(prague(2027, 3, 26, 10, 0)).endswith("otevírá v úterý v 8:00")


def test_spring_daylight_saving_change_keeps_wall_clock_hours():
    # 30 March 2026, 06:30 UTC is 08:30 in Prague (summer time since the day before): open.
    state = open_state(counter(), datetime(2026, 3, 30, 6, 30, tzinfo=dt_timezone.utc))
    assert state.is_open


def test_autumn_daylight_saving_sunday_points_to_monday_morning():
    # 25 October 2026: clocks go back at 03:00; at 02:30 (second pass, UTC 01:30) the counter is closed.
    assert label(datetime(2026, 10, 25, 1, 30, tzinfo=dt_timezone.utc)) == "zavřeno, otevírá zítra v 8:00"


def test_around_midnight_today_and_tomorrow_swap():
    assert label(prague(2026, 11, 23, 23, 59)) == "zavřeno, otevírá zítra v 8:00"
    assert label(prague(2026, 11, 24, 0, 0)) == "zavřeno, otevírá dnes v 8:00"


def test_dated_closure_and_special_hours_override_the_week():
    closure = [(date(2026, 11, 25), True, None, None, "Inventura")]
    assert label(prague(2026, 11, 25, 9, 0), closure) == "dnes zavřeno (Inventura), otevírá zítra v 8:00"
    short_day = [(date(2026, 12, 31), False, time(8), time(11), "Silvestr")]
    assert label(prague(2026, 12, 31, 10, 0), short_day) == "otevřeno do 11:00"
    assert label(prague(2026, 12, 31, 11, 30), short_day).startswith("zavřeno, otevírá")


def test_touching_intervals_read_as_one():
    touching = counter()
    touching.opening_hours.append(SimpleNamespace(weekday=0, opens=time(12), closes=time(13)))
    assert open_state(touching, prague(2026, 11, 23, 11, 0)).label == "otevřeno do 17:00"
