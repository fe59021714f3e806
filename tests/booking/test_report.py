"""Editors' weekly report: bookings per service and counter, and the share of no-shows."""

from datetime import timedelta

import pytest

from booking.models import Booking, Status

from .conftest import prague

pytestmark = pytest.mark.django_db


def make(setup, code, start, status):
    Booking.objects.create(setup=setup, code=code, starts_at=start, ends_at=start + timedelta(minutes=15),
                           status=status)


def test_the_week_report_counts_outcomes_and_the_no_show_share(admin_client, id_card):
    # Week 50 of 2026 (7.–13. 12.): 4 held a place (2 came, 1 did not, 1 still expected), 1 cancelled.
    for number, status in enumerate(["served", "arrived", "no_show", "expected", "cancelled"]):
        make(id_card, f"WEEK50000{number}", prague(2026, 12, 7, 8, 0) + timedelta(minutes=15 * number), status)
    make(id_card, "WEEK510000", prague(2026, 12, 14, 8, 0), Status.NO_SHOW)  # the next week: 1 of 1
    # Sunday 13 December 23:30 in Prague is still week 50, though it is Monday in no zone east of UTC+1.
    make(id_card, "WEEK50LATE", prague(2026, 12, 13, 23, 30), Status.SERVED)
    response = admin_client.get("/admin/reports/bookings/", {"export": "csv"})
    rows = b"".join(response.streaming_content).decode("utf-8-sig").strip().splitlines()
    assert rows[0] == "Týden (pondělí),Služba,Pracoviště,Objednáno,Zrušeno,Přišli,Nepřišli,Nepřišlo (%)"
    centre = "Klientské centrum úřadu městské části"
    assert rows[1:] == [f"2026-12-14,Vydání občanského průkazu,{centre},1,0,0,1,100",
                        f"2026-12-07,Vydání občanského průkazu,{centre},5,1,3,1,25"]
    html = admin_client.get("/admin/reports/bookings/").content.decode()
    assert "50. týden 2026 (7. 12. – 13. 12.)" in html


def test_the_report_filters_by_counter_and_refuses_nonsense(admin_client, id_card):
    make(id_card, "FILTER0001", prague(2026, 12, 7, 8, 0), Status.SERVED)
    other = id_card.counter.pk + 100000
    assert admin_client.get("/admin/reports/bookings/", {"counter": id_card.counter.pk}).status_code == 200
    assert admin_client.get("/admin/reports/bookings/", {"counter": other, "since": "kdysi"}).status_code == 200
