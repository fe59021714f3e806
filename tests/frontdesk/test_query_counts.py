"""The front desk runs a fixed, small number of queries, however many counters the office has.

Every page: session, user, group membership (3); site and office settings for the frame (2); the permission
checks of Wagtail's user bar (2); today's counters with their hours and exceptions (3).
"""

from datetime import time

import pytest

from services.models import CounterException, CounterIndexPage, CounterPage, OpeningHours
from tests.cache import SITE_ROOT_PATHS_QUERIES

pytestmark = pytest.mark.django_db
MOVING = "/prepazka/situace/zmena-trvaleho-pobytu/"

HOME_QUERIES = 11            # the frame (10) + the most common situations
SEARCH_QUERIES = 18          # the frame (10) + two searches (situations, services) of four queries each
# the frame (10) + the page + its composed checklist (14) + Wagtail's site root paths for its page addresses
SITUATION_QUERIES = 25 + SITE_ROOT_PATHS_QUERIES


def add_counters(count):
    index = CounterIndexPage.objects.get()
    for n in range(count):
        counter = CounterPage(title=f"Pracoviště navíc {n}", slug=f"qc-desk-counter-{n}", organisation="Úřad",
                              street="Ulice 1", postcode="19900", city="Praha 99")
        counter.opening_hours = [OpeningHours(weekday=day, opens=time(8), closes=time(12))
                                 for day in range(5)]
        counter.exceptions = [CounterException(date="2099-12-24", closed=True, note="Svátek")]
        index.add_child(instance=counter)


@pytest.mark.parametrize("url, expected", [
    ("/prepazka/", HOME_QUERIES),
    ("/prepazka/?q=st%C4%9Bhov%C3%A1n%C3%AD", SEARCH_QUERIES),
    (MOVING, SITUATION_QUERIES),
    (MOVING + "?pruvodce=1&odkud=jina-obec&mam=pes&mam=auto&podani=osobne", SITUATION_QUERIES),
])
@pytest.mark.parametrize("extra_counters", [0, 6])
def test_query_count_is_fixed(clerk_client, django_assert_num_queries, url, expected, extra_counters):
    add_counters(extra_counters)
    clerk_client.get(url)  # warm what any running server has cached: site root paths, search vocabulary
    with django_assert_num_queries(expected):
        response = clerk_client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count('<li class="desk-counter') == CounterPage.objects.live().count()
