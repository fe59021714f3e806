"""Slots from the counter's real hours: weekly intervals, exceptions, holidays, notice, horizon, walk-ins.

Every figure is worked out by hand from the demo's hours (navigator/demo/data/counters.yaml).
"""

from datetime import date, time, timedelta

import pytest

from booking.models import Booking, BookingHours
from booking.schedule import Schedule

from .conftest import FRIDAY, prague

pytestmark = pytest.mark.django_db


def starts(day):
    return [slot.starts_at.strftime("%H:%M") for slot in day.slots]


def test_a_monday_has_fifteen_minute_slots_in_both_intervals(id_card):
    # Klientské centrum, Monday: 8:00–12:00 (16 slots of 15 min) and 13:00–18:00 (20 slots).
    day = Schedule(id_card, FRIDAY).day_slots(date(2026, 12, 7))
    assert len(day.slots) == 36
    assert starts(day)[:2] == ["08:00", "08:15"] and starts(day)[15:17] == ["11:45", "13:00"]
    assert starts(day)[-1] == "17:45" and day.slots[-1].ends_at == prague(2026, 12, 7, 18, 0)


def test_a_slot_that_would_run_past_closing_is_left_out(id_card):
    # Friday 8:00–12:00 in 25-minute slots: 8:00, 8:25, … 11:20 (ends 11:45); 11:45 would end 12:10.
    id_card.slot_minutes = 25
    day = Schedule(id_card, FRIDAY).day_slots(date(2026, 12, 11))
    assert starts(day) == ["08:00", "08:25", "08:50", "09:15", "09:40", "10:05", "10:30", "10:55", "11:20"]


def test_a_holiday_and_a_closure_entered_once_have_no_slots(id_card):
    schedule = Schedule(id_card, FRIDAY)
    christmas = schedule.day_slots(date(2026, 12, 25))  # 1. svátek vánoční, a Friday
    assert christmas.slots == [] and "svátek" in christmas.reason
    inventory = schedule.day_slots(date(2027, 1, 4))  # the centre's own closure, a Monday
    assert inventory.slots == [] and inventory.reason == "Inventura pokladny a údržba systémů"


def test_a_shortened_day_shortens_the_slots(id_card):
    # Silvestr 2026 (Thursday): the centre opens 8:00–12:00 only, so 16 slots instead of 8–12 and 13–15's 24.
    day = Schedule(id_card, FRIDAY).day_slots(date(2026, 12, 31))
    assert len(day.slots) == 16 and starts(day)[-1] == "11:45"


def test_own_booking_hours_stay_within_the_counters_hours_of_the_day(id_card):
    # Bookings only 11:00–14:00 on Mondays: the lunch break 12–13 still has none, so 11:00–12:00 and 13:00–14:00.
    BookingHours.objects.create(setup=id_card, weekday=0, opens=time(11), closes=time(14))
    schedule = Schedule(id_card, FRIDAY)
    assert starts(schedule.day_slots(date(2026, 12, 7))) == [
        "11:00", "11:15", "11:30", "11:45", "13:00", "13:15", "13:30", "13:45"]
    assert schedule.day_slots(date(2026, 12, 8)).slots == []  # no booking hours on Tuesdays


def test_walk_ins_keep_their_share_spread_over_the_day(id_card):
    # 1 desk, a quarter kept back: after the k-th slot floor(k × 3/4) places offered: 0, 1, 2, 3, 3, 4, 5, 6…
    id_card.walk_in_percent = 25
    day = Schedule(id_card, FRIDAY).day_slots(date(2026, 12, 7))
    assert [slot.places for slot in day.slots[:8]] == [0, 1, 1, 1, 0, 1, 1, 1]
    assert day.places == 27 and day.desk_places == 36  # floor(36 × 3/4)


def test_three_desks_with_a_third_kept_back_offer_two_places_a_slot(id_card):
    id_card.desks, id_card.walk_in_percent = 3, 33
    # floor(k × 3 × 0.67) = floor(2.01 k): 2 per slot until k = 100, far beyond one day's 36 slots.
    day = Schedule(id_card, FRIDAY).day_slots(date(2026, 12, 7))
    assert {slot.places for slot in day.slots} == {2} and day.places == 72


def test_the_shortest_notice_and_the_horizon_bound_what_can_be_booked(id_card):
    # Friday 4 December 10:00, 2 hours' notice: today's first bookable slot is 12:00 (Friday closes at 12:00,
    # so none today); 30 days ahead ends on Sunday 3 January.
    schedule = Schedule(id_card, FRIDAY)
    days = schedule.days(date(2026, 12, 4), 1)
    assert days[0].slots == []
    assert schedule.last_day == date(2027, 1, 3)
    assert schedule.days(date(2027, 1, 4), 1)[0].bookable is False
    monday = Schedule(id_card, prague(2026, 12, 7, 9, 5)).days(date(2026, 12, 7), 1)[0]
    assert starts(monday)[0] == "11:15"  # 9:05 + 2 h = 11:05, so 11:00 is too soon


def test_taken_places_are_counted_and_cancelled_ones_are_not(id_card):
    start = prague(2026, 12, 7, 8, 0)
    for status in ("expected", "arrived", "cancelled"):
        Booking.objects.create(setup=id_card, code=f"TEST{status[:6].upper()}", starts_at=start,
                               ends_at=start + timedelta(minutes=15), status=status)
    id_card.desks = 3
    slot = Schedule(id_card, FRIDAY).slot_at(start)
    assert (slot.places, slot.taken, slot.free) == (3, 2, 1)


def test_the_nearest_free_time_skips_full_slots(id_card):
    monday_eight = prague(2026, 12, 7, 8, 0)
    Booking.objects.create(setup=id_card, code="FULL000001", starts_at=monday_eight,
                           ends_at=monday_eight + timedelta(minutes=15))
    assert Schedule(id_card, FRIDAY).nearest_free().starts_at == prague(2026, 12, 7, 8, 15)


def test_slots_keep_prague_wall_clock_across_summer_time(id_card):
    # Summer time starts on Sunday 28 March 2027, Easter Sunday too (Good Friday and Easter Monday are
    # holidays): Tuesday's 8:00 is 6:00 UTC, the Thursday before 7:00 UTC.
    schedule = Schedule(id_card, prague(2027, 3, 20, 9, 0))
    assert schedule.day_slots(date(2027, 3, 29)).slots == []
    assert schedule.day_slots(date(2027, 3, 30)).slots[0].starts_at.utcoffset() == timedelta(hours=2)
    assert schedule.day_slots(date(2027, 3, 25)).slots[0].starts_at.utcoffset() == timedelta(hours=1)
