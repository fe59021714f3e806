"""Counters in search: a query that names an office or asks when it is open finds the counter with its hours."""

from datetime import time

import pytest

from search.backends import get_backend
from search.models import IndexedDocument
from services.models import CounterPage, OpeningHours, ServicePage
from tests.czech import czech

pytestmark = pytest.mark.django_db


def top(query, n=3):
    return [(hit.type, hit.slug) for hit in get_backend("database").search(query, limit=n).hits]


@pytest.mark.parametrize("query, counter", [
    ("úřední hodiny Czech POINTu", "czech-point"),
    ("kdy má otevřeno matrika", "matrika"),
    ("oteviraci doba podatelny", "podatelna"),
])
def test_asking_when_an_office_is_open_finds_its_counter(query, counter):
    assert ("counter", counter) in top(query)


def test_the_cash_desk_is_found_where_fees_are_paid_and_its_stock_is_taken():
    # Fees of the client centre's services are paid "na pokladně klientského centra", and its closures include
    # "Inventura pokladny": it ranks first (with the registry office, which also closes for a cash-desk count).
    assert top("kdy je otevřená pokladna", n=1) == [("counter", "klientske-centrum")]


def test_a_counter_result_shows_its_hours():
    hit = next(hit for hit in get_backend("database").search("kdy má otevřeno matrika").hits if hit.type == "counter")
    document = IndexedDocument.objects.get(page_id=hit.page_id)
    # The Matrika's hours in the demo catalog (counters.yaml): Monday 08:00-12:00 and 13:00-17:30, Friday closed.
    assert "pondělí 8:00–12:00, 13:00–17:30" in document.body and "pátek zavřeno" in document.body


def test_a_question_that_names_no_hours_keeps_situations_first():
    # "Czech POINT" alone is a situation (the extracts you get there) before the places that do it.
    assert top("výpis z rejstříku trestů", n=1) == [("situation", "czech-point")]


def test_changing_a_counters_hours_reindexes_it(django_capture_on_commit_callbacks):
    counter = czech(CounterPage).get(slug="matrika").get_latest_revision_as_object()
    counter.opening_hours.add(OpeningHours(weekday=5, opens=time(9), closes=time(11)))
    with django_capture_on_commit_callbacks(execute=True):
        counter.save_revision().publish()
    assert "sobota 9:00–11:00" in IndexedDocument.objects.get(page_id=counter.pk).body


def test_publishing_a_service_reindexes_the_counters_that_do_it(django_capture_on_commit_callbacks):
    service = ServicePage.objects.filter(counters__slug="matrika").first().get_latest_revision_as_object()
    service.title = "Zápis do zvláštní matriky (ověření)"
    with django_capture_on_commit_callbacks(execute=True):
        service.save_revision().publish()
    counter = czech(CounterPage).get(slug="matrika")
    assert "Zápis do zvláštní matriky" in IndexedDocument.objects.get(page_id=counter.pk).body
