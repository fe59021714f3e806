"""Hours are put in order and written down one way, whatever shows them (pages, front desk, open data)."""

from datetime import date, time
from types import SimpleNamespace

from services.hours import (
    clock,
    exceptions_in_order,
    hhmm,
    hours_on,
    intervals_text,
    upcoming_exceptions,
    weekly_in_order,
    weekly_schedule,
)


def weekly(*rows):
    return [SimpleNamespace(weekday=weekday, opens=time(*opens), closes=time(*closes))
            for weekday, opens, closes in rows]


def exception(day, closed=True, opens=None, closes=None, note=""):
    return SimpleNamespace(date=day, closed=closed, opens=opens, closes=closes, note=note)


# Entered the way an editor may enter them: Tuesday first, the afternoon before the morning.
ENTERED = weekly((1, (8,), (11, 30)), (0, (13,), (17,)), (0, (7, 5), (12,)), (5, (9,), (11,)))


def test_people_read_times_without_a_leading_zero_machines_with_one():
    assert clock(time(7, 5)) == "7:05" and hhmm(time(7, 5)) == "07:05"
    assert intervals_text([(time(7, 5), time(12)), (time(13), time(17))]) == "7:05–12:00, 13:00–17:00"
    assert intervals_text([]) == ""


def test_weekly_hours_run_from_monday_morning_whatever_the_order_they_were_entered_in():
    ordered = [(row.weekday, row.opens) for row in weekly_in_order(ENTERED)]
    assert ordered == [(0, time(7, 5)), (0, time(13)), (1, time(8)), (5, time(9))]


def test_the_week_shows_every_workday_and_only_the_weekend_days_that_are_open():
    days = weekly_schedule(ENTERED)
    assert [(day.name, day.text) for day in days] == [
        ("pondělí", "7:05–12:00, 13:00–17:00"), ("úterý", "8:00–11:30"), ("středa", ""), ("čtvrtek", ""),
        ("pátek", ""), ("sobota", "9:00–11:00")]
    assert days[2].closed and not days[0].closed


def test_exceptions_come_soonest_first_and_say_closed_or_their_hours():
    rows = [exception(date(2026, 12, 31), closed=False, opens=time(8), closes=time(12), note="Silvestr"),
            exception(date(2026, 12, 24), note="Štědrý den")]
    ordered = exceptions_in_order(rows)
    assert [(row.date.day, row.text, row.note) for row in ordered] == [
        (24, "zavřeno", "Štědrý den"), (31, "8:00–12:00", "Silvestr")]
    assert ordered[0].intervals == () and ordered[1].intervals == ((time(8), time(12)),)
    assert upcoming_exceptions(rows, today=date(2026, 12, 25)) == ordered[1:]


def test_a_day_s_hours_come_in_order_and_read_like_the_board():
    monday = date(2026, 11, 23)
    assert hours_on(monday, ENTERED, []).text == "7:05–12:00, 13:00–17:00"
