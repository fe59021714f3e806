"""Where an address leads, and the site and office settings around it, are remembered per content version
(navigator.routing): other answers of the guide, the print sheet and the calendar of a situation skip Wagtail's
walk down the tree, and a change of pages walks anew."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale, PageViewRestriction

from navigator import routing
from navigator.models import OfficeSettings
from situations.models import SituationPage, TopicPage
from tests.czech import czech

pytestmark = pytest.mark.django_db

MOVING = "zmena-trvaleho-pobytu"


@pytest.fixture
def moving():
    return czech(SituationPage).live().get(slug=MOVING)


def walks_the_tree(queries):
    """Wagtail's walk looks each level's child up by its slug."""
    return any('"wagtailcore_page"."slug" = ' in query["sql"] for query in queries.captured_queries)


def test_other_answers_to_the_same_situation_skip_the_walk(client_cs, moving):
    routing.forget()  # the tests share the demo's content version; another may have walked here before
    with CaptureQueriesContext(connection) as queries:
        assert client_cs.get(moving.url + "?odkud=jina-obec").status_code == 200
    assert walks_the_tree(queries)
    with CaptureQueriesContext(connection) as queries:
        second = client_cs.get(moving.url + "?odkud=zahranici&bydleni=najem")
    assert second.status_code == 200 and not walks_the_tree(queries)
    assert f"<h1>{moving.title}</h1>" in second.content.decode()


def test_a_remembered_address_routes_the_rest_as_the_page_does(client_cs, moving):
    client_cs.get(moving.url + "tisk/")
    walked = client_cs.get(moving.url + "tisk/?odkud=jina-obec")
    routing.forget()
    assert client_cs.get(moving.url + "tisk/?odkud=jina-obec&x=1").templates[0].name == walked.templates[0].name
    assert walked.templates[0].name == "situations/checklist_print.html"
    assert client_cs.get(moving.url + "nic/?odkud=jina-obec").status_code == 404


def test_unpublishing_or_moving_the_page_walks_anew(client_cs, moving):
    client_cs.get(moving.url)
    moving.unpublish()
    assert client_cs.get(moving.url + "?odkud=jina-obec").status_code == 404
    moving.save_revision().publish()
    assert client_cs.get(moving.url + "?odkud=jina-obec").status_code == 200
    old_url = moving.url
    moving.move(czech(TopicPage).get(slug="urad"), pos="last-child")
    moving.refresh_from_db()
    assert client_cs.get(old_url + "?odkud=zahranici").status_code == 301  # Wagtail's redirect, not the old route
    assert client_cs.get(moving.url + "?odkud=zahranici").status_code == 200


def test_a_signed_in_editor_always_walks(admin_client, moving):
    admin_client.defaults["HTTP_HOST"] = "localhost"
    admin_client.get(moving.url)
    with CaptureQueriesContext(connection) as queries:
        assert admin_client.get(moving.url + "?odkud=jina-obec").status_code == 200
    assert walks_the_tree(queries)


def reads(queries, table):
    return any(f'FROM "{table}"' in query["sql"] for query in queries.captured_queries)


def test_the_site_and_office_settings_are_read_once_per_content_version(client_cs, moving):
    routing.forget()
    client_cs.get(moving.url)
    with CaptureQueriesContext(connection) as queries:
        html = client_cs.get("/sluzby/?channel=online").content.decode()
    assert not reads(queries, "wagtailcore_site") and not reads(queries, "navigator_officesettings")
    assert not any("wagtail_site_root_paths" in query["sql"] for query in queries.captured_queries)
    assert "Úřad městské části Praha 99" in html  # the office's name in the frame
    office = OfficeSettings.objects.get()
    office.office_name = "Úřad městské části Praha 98"
    office.save()
    assert "Úřad městské části Praha 98" in client_cs.get("/sluzby/?channel=post").content.decode()


def test_an_edit_published_after_the_page_was_routed_shows_on_the_next_answers(client_cs, moving):
    """The worker keeps the page's row for the address, never past the content version the row was read at."""
    client_cs.get(moving.url + "?odkud=jina-obec")
    moving.title = "Stěhování v rámci Prahy a odjinud"
    moving.save_revision().publish()
    html = client_cs.get(moving.url + "?odkud=zahranici").content.decode()
    assert "<h1>Stěhování v rámci Prahy a odjinud</h1>" in html


def test_a_restriction_added_after_the_page_was_served_holds_at_once(client_cs, moving):
    """The view restrictions over a page are kept per content version too: a new one asks for its password on the
    very next request, whatever the answers."""
    assert client_cs.get(moving.url + "?odkud=jina-obec").status_code == 200
    PageViewRestriction.objects.create(page=moving, restriction_type=PageViewRestriction.PASSWORD, password="heslo")
    response = client_cs.get(moving.url + "?odkud=zahranici")
    assert response.status_code == 200 and 'name="password"' in response.content.decode()
    assert f"<h1>{moving.title}</h1>" not in response.content.decode()


def test_the_language_switcher_follows_an_unpublished_translation(client_cs, moving):
    """The page's language versions are kept per content version: a translation taken down is no longer offered."""
    english = moving.get_translation(Locale.objects.get(language_code="en"))
    assert f'href="{english.url}?odkud=jina-obec"' in client_cs.get(moving.url + "?odkud=jina-obec").content.decode()
    english.unpublish()
    html = client_cs.get(moving.url + "?odkud=zahranici").content.decode()
    assert f'href="{english.url}' not in html
    assert "this page is not translated" in html  # the switcher's offer of the English topic instead
