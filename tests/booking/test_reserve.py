"""Taking, moving and cancelling places: capacity, the per-e-mail limit, and freeing a place at once."""

from datetime import timedelta

import pytest

from booking import codes, reserve
from booking.models import Booking, Status
from booking.schedule import Schedule

from .conftest import prague

pytestmark = pytest.mark.django_db

MONDAY_EIGHT = prague(2026, 12, 7, 8, 0)


def book(setup, start=MONDAY_EIGHT, email="jana@example.cz"):
    return reserve.book(setup, start, name="Jana Nováková", email=email)


def test_a_booking_takes_the_slot_and_gets_a_code(id_card, frozen):
    booking = book(id_card)
    assert booking.starts_at == MONDAY_EIGHT and booking.ends_at == MONDAY_EIGHT + timedelta(minutes=15)
    assert booking.status == Status.EXPECTED and codes.normalise(booking.display_code) == booking.code
    assert Schedule(id_card).slot_at(MONDAY_EIGHT).free == 0


def test_a_full_slot_is_refused_with_the_nearest_free_times(id_card, frozen):
    book(id_card, email="prvni@example.cz")
    with pytest.raises(reserve.SlotGone) as refused:
        book(id_card, email="druhy@example.cz")
    assert [slot.starts_at for slot in refused.value.alternatives[:2]] == [
        prague(2026, 12, 7, 8, 15), prague(2026, 12, 7, 8, 30)]
    assert Booking.objects.filter(starts_at=MONDAY_EIGHT).count() == 1


def test_places_kept_for_walk_ins_cannot_be_booked(id_card, frozen):
    id_card.walk_in_percent = 25
    id_card.save()
    with pytest.raises(reserve.SlotGone):  # the day's first slot offers floor(1 × 3/4) = 0 places
        book(id_card)
    assert book(id_card, prague(2026, 12, 7, 8, 15)).pk


@pytest.mark.parametrize("start", [prague(2026, 12, 7, 8, 5), prague(2026, 12, 4, 11, 0), prague(2026, 12, 25, 9, 0),
                                   prague(2027, 1, 11, 9, 0), prague(2026, 12, 3, 9, 0)])
def test_a_time_that_is_not_a_slot_is_refused(id_card, frozen, start):
    # Off the grid, inside the notice, a holiday, beyond the horizon, the past.
    with pytest.raises(reserve.SlotGone):
        book(id_card, start)


def test_one_email_holds_at_most_two_upcoming_bookings_of_a_service(id_card, frozen, settings):
    settings.BOOKING_ACTIVE_LIMIT = 2
    book(id_card, prague(2026, 12, 7, 8, 0), email="Jana@Example.cz")
    second = book(id_card, prague(2026, 12, 7, 8, 15), email="jana@example.cz")
    with pytest.raises(reserve.LimitReached):
        book(id_card, prague(2026, 12, 7, 8, 30), email="JANA@example.cz ")
    reserve.cancel(second)
    assert book(id_card, prague(2026, 12, 7, 8, 30)).email == "jana@example.cz"


def test_cancelling_frees_the_place_at_once(id_card, frozen):
    booking = book(id_card)
    assert reserve.cancel(booking) is True
    assert booking.status == Status.CANCELLED
    assert book(id_card, email="dalsi@example.cz").starts_at == MONDAY_EIGHT
    assert reserve.cancel(booking) is False  # twice changes nothing


def test_moving_takes_the_new_place_and_frees_the_old(id_card, frozen):
    booking = book(id_card)
    booking.reminder_sent_at = prague(2026, 12, 6, 16, 0)
    booking.save()
    moved = reserve.move(booking, prague(2026, 12, 8, 9, 0))
    assert (moved.starts_at, moved.code, moved.reminder_sent_at) == (prague(2026, 12, 8, 9, 0), booking.code, None)
    assert Schedule(id_card).slot_at(MONDAY_EIGHT).free == 1


def test_moving_to_a_full_slot_keeps_the_old_time(id_card, frozen):
    booking = book(id_card)
    book(id_card, prague(2026, 12, 8, 9, 0), email="jiny@example.cz")
    with pytest.raises(reserve.SlotGone):
        reserve.move(booking, prague(2026, 12, 8, 9, 0))
    booking.refresh_from_db()
    assert booking.starts_at == MONDAY_EIGHT


def test_a_booking_changes_the_nearest_free_time_pages_show(id_card, frozen, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        book(id_card)  # takes the nearest slot: pages showing it must be rendered again
    assert len(callbacks) == 1
    with django_capture_on_commit_callbacks() as callbacks:
        book(id_card, prague(2026, 12, 9, 8, 0), email="jiny@example.cz")  # a later slot: the nearest stays
    assert callbacks == []


def test_codes_are_random_and_read_back_as_typed():
    made = {codes.new_code() for _ in range(1000)}
    assert len(made) == 1000 and all(len(code) == 10 and set(code) <= set(codes.ALPHABET) for code in made)
    assert codes.normalise(" k7m2o-9qd4i ") == "K7M209QD41"
    assert codes.normalise("K7M2-9QD") == "" and codes.normalise("K7M2U9QD4T") == "" and codes.normalise("\x00" * 5000) == ""
    token = codes.manage_token("K7M209QD41")
    assert codes.code_from_token(token) == "K7M209QD41"
    assert codes.code_from_token(token[:-1] + ("A" if token[-1] != "A" else "B")) is None
    assert codes.code_from_token("K7M209QD41") is None and codes.code_from_token("x" * 5000) is None
