"""Parts of a page that are the same for every set of answers (the site's header and footer, breadcrumbs, a
counter's address and hours, the feedback form, JSON-LD) are rendered once per content version in each worker
(navigator.fragments): a page built from kept parts is the page rendered afresh, character for character, and a
change shows on the next request."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template

from navigator import fragments, pagecache
from services.models import CounterPage, OpeningHours
from situations.models import SituationPage
from tests.czech import czech

pytestmark = pytest.mark.django_db

PRAGUE = ZoneInfo("Europe/Prague")
MOVING = "zmena-trvaleho-pobytu"

# Pairs of addresses that share kept parts: the first fills them, the second is built from them.
SHARING = [
    ("/bydleni/zmena-trvaleho-pobytu/?pruvodce=1&odkud=jina-obec",
     "/bydleni/zmena-trvaleho-pobytu/?pruvodce=1&odkud=zahranici&bydleni=najem"),
    ("/en/bydleni/zmena-trvaleho-pobytu/?pruvodce=1&odkud=jina-obec",
     "/en/bydleni/zmena-trvaleho-pobytu/?pruvodce=1&odkud=zahranici&bydleni=najem"),
    ("/plan/?situace=zmena-trvaleho-pobytu&situace=cestovni-pas",
     "/plan/?situace=zmena-trvaleho-pobytu&situace=obcansky-prukaz"),
    ("/sluzby/?audience=citizens", "/sluzby/?channel=online"),
    ("/hledat/?q=pas", "/hledat/?q=obcanka"),
    ("/uk/pracoviste/", "/uk/pracoviste/klientske-centrum/"),
]


@pytest.mark.parametrize("first, second", SHARING)
def test_a_page_built_from_kept_parts_is_the_page_rendered_afresh(client_cs, first, second):
    fragments.forget()
    assert client_cs.get(first).status_code == 200
    from_kept_parts = client_cs.get(second)
    assert from_kept_parts.status_code == 200 and from_kept_parts["X-Page-Cache"] == "miss"
    pagecache.new_version()  # nothing kept is reachable any more: the same address renders every part again
    afresh = client_cs.get(second)
    assert afresh["X-Page-Cache"] == "miss"
    assert from_kept_parts.content.decode() == afresh.content.decode()


def test_a_counters_new_hours_show_on_the_next_answers(client_cs):
    moving = czech(SituationPage).live().get(slug=MOVING)
    assert "7:30–12:00" not in client_cs.get(moving.url + "?pruvodce=1&odkud=jina-obec").content.decode()
    counter = czech(CounterPage).get(slug="klientske-centrum")
    counter.opening_hours = [OpeningHours(weekday=0, opens=time(7, 30), closes=time(12))]
    counter.save_revision().publish()
    assert "7:30–12:00" in client_cs.get(moving.url + "?pruvodce=1&odkud=zahranici").content.decode()


def test_the_open_now_label_is_never_kept_with_the_counters_details(client_cs, time_machine):
    """Kept parts hold for the day; whether a counter is open now is rendered on every request."""
    moving = czech(SituationPage).live().get(slug=MOVING)
    # Monday 23 November 2026: the client centre is open 8–12 and 13–18.
    time_machine.move_to(datetime(2026, 11, 23, 11, 59, 0, tzinfo=PRAGUE), tick=False)
    assert "Otevřeno do 12:00" in client_cs.get(moving.url + "?pruvodce=1&odkud=jina-obec").content.decode()
    time_machine.move_to(datetime(2026, 11, 23, 12, 0, 0, tzinfo=PRAGUE), tick=False)
    html = client_cs.get(moving.url + "?pruvodce=1&odkud=zahranici").content.decode()
    assert "Otevřeno do 12:00" not in html and "Zavřeno, otevírá dnes v 13:00" in html


def test_a_signed_in_editor_gets_every_part_rendered_afresh(admin_client):
    """Outside the page cache (an editor, a preview) nothing is taken from or left in the worker's memory."""
    fragments.forget()
    admin_client.defaults["HTTP_HOST"] = "localhost"
    assert admin_client.get("/bydleni/zmena-trvaleho-pobytu/?pruvodce=1&odkud=jina-obec").status_code == 200
    assert len(fragments._fragments) == 0


def test_a_kept_parts_key_is_made_of_plain_values(rf):
    template = Template('{% load navigator_tags %}{% kept "x" page %}{{ page.title }}{% endkept %}')
    token = pagecache._request_version.set("some-version")
    try:
        with pytest.raises(TypeError, match="plain values"):
            template.render(Context({"page": czech(SituationPage).first(), "request": rf.get("/")}))
    finally:
        pagecache._request_version.reset(token)
