"""Where an address leads, and the site and office settings around it, are remembered per content version
(navigator.routing): other answers of the guide, the print sheet and the calendar of a situation skip Wagtail's
walk down the tree, and a change of pages walks anew."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

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
