"""At most five answers per page and client in ten minutes, and a higher ceiling per address over all pages, counted
in the database under keyed hashes, no address."""

import pytest

from feedback import ratelimit
from feedback.models import Feedback
from navigator.models import RateCounter
from situations.models import SituationPage

from .conftest import SUBMIT_URL, answer

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def real_rate_limit(settings):
    settings.FEEDBACK_RATE_LIMIT = (5, 600)
    settings.FEEDBACK_ADDRESS_LIMIT = (50, 600)


def send(client, page, **meta):
    return client.post(SUBMIT_URL, answer(page, useful="yes"), HTTP_HOST="localhost", **meta)


def test_the_sixth_answer_in_ten_minutes_gets_429_with_retry_after(client, moving):
    for _ in range(5):
        assert send(client, moving, REMOTE_ADDR="203.0.113.7").status_code == 303
    response = send(client, moving, REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 600
    html = response.content.decode()
    assert "příliš mnoho odpovědí" in html and "Zkuste to prosím znovu za" in html
    assert Feedback.objects.count() == 5


def test_the_limit_is_per_client(client, moving):
    for _ in range(5):
        send(client, moving, REMOTE_ADDR="203.0.113.7")
    assert send(client, moving, REMOTE_ADDR="203.0.113.8").status_code == 303
    assert send(client, moving, REMOTE_ADDR="203.0.113.7").status_code == 429


def test_one_ipv6_network_counts_as_one_client(client, moving):
    for host in range(5):
        assert send(client, moving, REMOTE_ADDR=f"2001:db8:1:2::{host + 1}").status_code == 303
    assert send(client, moving, REMOTE_ADDR="2001:db8:1:2:ffff::9").status_code == 429
    assert send(client, moving, REMOTE_ADDR="2001:db8:1:3::1").status_code == 303


def test_x_forwarded_for_is_ignored_unless_a_proxy_is_trusted(client, moving, settings):
    for n in range(6):  # a client cannot escape the limit by inventing addresses
        response = send(client, moving, REMOTE_ADDR="198.51.100.1", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")
    assert response.status_code == 429

    settings.TRUSTED_PROXY_COUNT = 1
    # Behind one trusted proxy the client is the proxy's last entry; what the client wrote before it is
    # ignored.
    for n in range(5):
        assert send(client, moving, REMOTE_ADDR="198.51.100.1",
                    HTTP_X_FORWARDED_FOR=f"10.9.9.{n}, 192.0.2.44").status_code == 303
    assert send(client, moving, REMOTE_ADDR="198.51.100.1",
                HTTP_X_FORWARDED_FOR="192.0.2.44").status_code == 429
    assert send(client, moving, REMOTE_ADDR="198.51.100.1",
                HTTP_X_FORWARDED_FOR="192.0.2.45").status_code == 303


def test_javascript_gets_the_429_as_json(client, moving):
    for _ in range(5):
        send(client, moving, REMOTE_ADDR="203.0.113.7")
    response = client.post(SUBMIT_URL, answer(moving, useful="yes"), HTTP_HOST="localhost",
                           REMOTE_ADDR="203.0.113.7", HTTP_ACCEPT="application/json")
    assert response.status_code == 429 and "Retry-After" in response
    assert "příliš mnoho odpovědí" in response.json()["message"]


def test_the_database_holds_no_address_and_the_keys_change_every_slot(client, moving):
    send(client, moving, REMOTE_ADDR="203.0.113.7")
    counters = list(RateCounter.objects.all())
    slot = counters[0].slot
    assert all("203.0.113" not in counter.client and len(counter.client) == 32 for counter in counters)
    assert {counter.client for counter in counters} == {
        ratelimit.ANSWERS.client_key("203.0.113.7", slot, moving.pk),
        ratelimit.ANSWERS_FROM_ADDRESS.client_key("203.0.113.7", slot)}
    assert (ratelimit.ANSWERS.client_key("203.0.113.7", slot + 1, moving.pk)
            != ratelimit.ANSWERS.client_key("203.0.113.7", slot, moving.pk))


def test_a_new_slot_starts_a_new_count_and_prunes_the_old_ones(rf):
    request = rf.post("/", REMOTE_ADDR="203.0.113.7")
    start = 1_000_000 * 600.0
    for _ in range(6):
        verdict = ratelimit.hit(request, 7, now=start)
    assert not verdict.allowed and verdict.count == 6 and verdict.retry_after == 600
    other = rf.post("/", REMOTE_ADDR="203.0.113.8")
    ratelimit.hit(other, 7, now=start + 599)
    assert RateCounter.objects.count() == 4  # per page and per address, for each client

    verdict = ratelimit.hit(request, 7, now=start + 600)
    assert verdict.allowed and verdict.count == 1
    assert list(RateCounter.objects.values_list("slot", flat=True)) == [1_000_001, 1_000_001]


def test_an_office_behind_one_address_answers_on_other_pages(client, moving, service):
    """Five colleagues answered the moving page; the sixth is refused there, but anyone may answer elsewhere."""
    for _ in range(5):
        assert send(client, moving, REMOTE_ADDR="203.0.113.7").status_code == 303
    assert send(client, moving, REMOTE_ADDR="203.0.113.7").status_code == 429
    for _ in range(5):
        assert send(client, service, REMOTE_ADDR="203.0.113.7").status_code == 303
    assert Feedback.objects.filter(page=service).count() == 5


def test_one_address_meets_a_ceiling_over_all_pages(client, settings):
    """Someone walking every page with answers is stopped at the ceiling, on pages it has not answered yet too."""
    settings.FEEDBACK_ADDRESS_LIMIT = (12, 600)
    pages = list(SituationPage.objects.live().order_by("path")[:8])
    sent = [send(client, page, REMOTE_ADDR="203.0.113.7").status_code for page in pages for _ in range(2)]
    assert sent == [303] * 12 + [429] * 4
    assert Feedback.objects.count() == 12
    assert send(client, pages[0], REMOTE_ADDR="203.0.113.8").status_code == 303  # another address is not held


def test_a_refused_answer_stores_nothing_and_sends_nothing(client, moving, mailoutbox):
    for _ in range(5):
        send(client, moving, REMOTE_ADDR="203.0.113.7")
    data = answer(moving, useful="no", reasons=["fees"], comment="Kolik to stojí?")
    response = client.post(SUBMIT_URL, data, HTTP_HOST="localhost", REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 429
    assert Feedback.objects.count() == 5 and not mailoutbox
