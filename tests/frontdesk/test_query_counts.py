"""The front desk runs a fixed, small number of queries, however many counters the office has.

Every page: session, user, group membership (3); site and office settings for the frame (2); the permission
checks of Wagtail's user bar (2); today's counters with their hours and exceptions (3).
"""

import pytest

from services.models import CounterPage
from tests.cache import SITE_ROOT_PATHS_QUERIES
from tests.factories import CounterFactory
from tests.czech import czech

pytestmark = pytest.mark.django_db
MOVING = "/prepazka/situace/zmena-trvaleho-pobytu/"

HOME_QUERIES = 11            # the frame (10) + the most common situations
SEARCH_QUERIES = 18          # the frame (10) + two searches (situations, services) of four queries each
# the frame (10) + the page + its composed checklist (14) + Wagtail's site root paths for its page addresses
SITUATION_QUERIES = 25 + SITE_ROOT_PATHS_QUERIES


@pytest.mark.parametrize("url, expected", [
    ("/prepazka/", HOME_QUERIES),
    ("/prepazka/?q=st%C4%9Bhov%C3%A1n%C3%AD", SEARCH_QUERIES),
    (MOVING, SITUATION_QUERIES),
    (MOVING + "?pruvodce=1&odkud=jina-obec&mam=pes&mam=auto&podani=osobne", SITUATION_QUERIES),
])
@pytest.mark.parametrize("extra_counters", [0, 6])
def test_query_count_is_fixed(clerk_client, django_assert_num_queries, url, expected, extra_counters):
    CounterFactory.create_batch(extra_counters)
    clerk_client.get(url)  # warm what any running server has cached: site root paths, search vocabulary
    with django_assert_num_queries(expected):
        response = clerk_client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count('<li class="desk-counter') == czech(CounterPage).live().count()
