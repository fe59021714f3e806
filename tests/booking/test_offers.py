""""Objednat se" with the nearest free time on the service page, the counter page and a checklist step, kept
true by the page cache."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from booking import reserve
from booking.offers import offers, watch_changes
from services.models import CounterPage, ServicePage

from .conftest import prague
from tests.czech import czech

pytestmark = pytest.mark.django_db

SERVICE_URL = "/sluzby/vydani-obcanskeho-prukazu/"


def test_the_service_page_offers_the_nearest_free_time(client_cs, id_card, frozen):
    html = client_cs.get(SERVICE_URL).content.decode()
    assert "Nejbližší volný termín" in html
    assert 'href="/objednani/vydani-obcanskeho-prukazu/klientske-centrum/2026-12-07T08:00/">pondělí 7. 12. v 8:00' in html
    assert 'href="/objednani/vydani-obcanskeho-prukazu/klientske-centrum/">Objednat se' in html


def test_the_counter_page_offers_its_bookable_services_instead_of_the_outside_link(client_cs, id_card, frozen):
    html = client_cs.get("/pracoviste/klientske-centrum/").content.decode()
    assert html.count('class="booking-offer') == 2  # ID card and passport
    assert "rezervace.praha99.example.cz" not in html
    # A counter without booking here keeps its own booking link.
    assert "rezervace.praha99.example.cz/matrika" in client_cs.get("/pracoviste/matrika/").content.decode()


def test_a_checklist_offers_each_booking_once_at_the_first_step_that_needs_it(client_cs, id_card, frozen):
    html = client_cs.get("/doklady/obcansky-prukaz/").content.decode()
    steps = html[html.index('id="postup"'):]
    steps = steps[:steps.index("</ol>")]
    assert steps.count('href="/objednani/vydani-obcanskeho-prukazu/klientske-centrum/">Objednat se') == 1


def test_booking_the_nearest_time_drops_the_kept_page(client_cs, id_card, frozen, django_capture_on_commit_callbacks):
    assert client_cs.get(SERVICE_URL)["X-Page-Cache"] == "miss"
    assert client_cs.get(SERVICE_URL)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        reserve.book(id_card, prague(2026, 12, 7, 8, 0), name="Jana", email="jana@example.cz")
    response = client_cs.get(SERVICE_URL)
    assert response["X-Page-Cache"] == "miss" and "pondělí 7. 12. v 8:15" in response.content.decode()


def test_a_page_is_kept_only_until_its_nearest_time_can_no_longer_be_booked(id_card, frozen):
    id_card.notice_hours = 24
    id_card.save()
    with watch_changes() as watch:
        found = offers(services=[id_card.service])
    # Friday 10:00 with a day's notice: the nearest is Monday 8:00, bookable until Sunday 8:00.
    assert found.all[0].nearest.starts_at == prague(2026, 12, 7, 8, 0)
    assert watch.earliest == prague(2026, 12, 6, 8, 0)


def test_offers_take_a_fixed_number_of_queries(id_card, frozen):
    services = list(czech(ServicePage).filter(booking_setups__isnull=False))
    with CaptureQueriesContext(connection) as queries:
        found = offers(services=services)
    # Setups with service and counter; counters' hours; exceptions; own hours; the places taken.
    assert len(queries) == 5 and len(found.all) == 5
    registry = czech(CounterPage).get(slug="matrika")
    with CaptureQueriesContext(connection) as queries:
        assert not offers(counters=[registry])
    assert len(queries) == 1


def test_free_capacity_per_day_is_open_data_without_personal_data(client_cs, id_card, frozen):
    reserve.book(id_card, prague(2026, 12, 7, 8, 0), name="Jana Nováková", email="jana@example.cz")
    response = client_cs.get("/otevrena-data/objednavani-kapacita.csv")
    text = response.content.decode("utf-8-sig")
    assert "Jana" not in text and "@" not in text
    rows = [line.split(",") for line in text.strip().splitlines()]
    assert rows[0] == ["datum", "sluzba", "sluzba_nazev", "pracoviste", "pracoviste_nazev", "delka_terminu_min",
                       "terminu", "mist_celkem", "mist_k_objednani", "objednano", "volno"]
    monday = [row for row in rows if row[0] == "2026-12-07" and row[1] == "vydani-obcanskeho-prukazu"]
    # 1 desk (the fixture), 15 minutes, Monday 8–12 and 13–18: 36 slots, all bookable, one booked.
    assert monday == [["2026-12-07", "vydani-obcanskeho-prukazu", "Vydání občanského průkazu", "klientske-centrum",
                       "Klientské centrum úřadu městské části", "15", "36", "36", "36", "1", "35"]]
    # Christmas Eve and Day have no slots, so no rows; the horizon (30 days) ends on Sunday 3 January.
    days = {row[0] for row in rows[1:] if row[1] == "vydani-obcanskeho-prukazu"}
    assert "2026-12-24" not in days and "2026-12-25" not in days and max(days) == "2026-12-31"


CHECKLIST_URL = "/doklady/obcansky-prukaz/"


def test_other_answers_reuse_the_nearest_times_until_the_first_can_no_longer_be_booked(client_cs, id_card, frozen):
    # Friday 10:00 with 65 hours' notice: the nearest is Monday 8:00, bookable until Friday 15:00.
    id_card.notice_hours = 65
    id_card.save()
    assert "2026-12-07T08:00/" in client_cs.get(CHECKLIST_URL + "?pruvodce=1").content.decode()
    with CaptureQueriesContext(connection) as queries:
        html = client_cs.get(CHECKLIST_URL + "?pruvodce=1&x=2").content.decode()
    assert "2026-12-07T08:00/" in html
    assert not any("booking_bookingsetup" in query["sql"] for query in queries.captured_queries)
    frozen.move_to(prague(2026, 12, 4, 15, 1))
    html = client_cs.get(CHECKLIST_URL + "?pruvodce=1&x=3").content.decode()
    assert "2026-12-07T08:00/" not in html and "2026-12-07T08:15/" in html


def test_a_changed_setup_shows_on_the_next_request(client_cs, id_card, frozen):
    assert "Nejbližší volný termín" in client_cs.get(SERVICE_URL).content.decode()
    id_card.active = False
    id_card.save()
    assert 'class="booking-offer' not in client_cs.get(SERVICE_URL).content.decode()


def test_a_setup_switched_on_after_a_page_was_served_offers_booking_on_the_next_answers(client_cs, id_card, frozen):
    """Which services have a booking is kept per content version with the offers: a setup switched on shows at once
    on pages whose services had nothing to book before."""
    id_card.active = False
    id_card.save()
    assert 'class="booking-offer' not in client_cs.get(CHECKLIST_URL + "?pruvodce=1").content.decode()
    id_card.active = True
    id_card.save()
    assert 'class="booking-offer' in client_cs.get(CHECKLIST_URL + "?pruvodce=1&x=4").content.decode()
