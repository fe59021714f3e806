"""A department's editors and approvers read their own reports: the search queries that opened their pages (and
every query that found nothing) and the feedback on their pages, without being given any permission by hand.
Users without an uploaded avatar are shown by their initials, not by an image service the site cannot reach."""

import csv
import io
import urllib.parse
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from editorial.avatars import initials, initials_avatar_url
from editorial.demo import ensure_demo_editors
from feedback.models import Feedback
from search.querylog import record, record_opened
from services.models import ServicePage
from situations.models import SituationPage
from tests.czech import czech

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    """The demo editor of odbor občanskosprávní, who owns the moving situation and the ID card."""
    ensure_demo_editors()
    client = Client(HTTP_HOST="localhost")
    client.force_login(get_user_model().objects.get(username="editor-obcanskospravni"))
    return client


def csv_rows(response):
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))[1:]


@pytest.fixture
def searches():
    """„občanka“ opened the department's ID card page; „řidičák“ opened the transport department's licence page;
    „psí známka“ found nothing."""
    own = czech(SituationPage).get(slug="obcansky-prukaz")
    other = czech(SituationPage).get(slug="ridicsky-prukaz")
    assert own.department.slug == "odbor-obcanskospravni" != other.department.slug
    record("občanka", 3)
    record_opened("občanka", own.pk, 1)
    record("řidičák", 2)
    record_opened("řidičák", other.pk, 1)
    record("psí známka", 0)
    return own, other


def test_an_editor_reads_the_queries_that_opened_the_departments_pages_and_those_that_found_nothing(
        editor, searches):
    own, _other = searches
    queries = {row[1] for row in csv_rows(editor.get(reverse("search_querystat_report"), {"export": "csv"}))}
    assert queries == {"občanka"}
    opened = csv_rows(editor.get(reverse("search_opened_results_report"), {"export": "csv"}))
    assert [(row[1], row[2]) for row in opened] == [("občanka", own.title)]
    zero = {row[1] for row in csv_rows(editor.get(reverse("search_zero_result_report"), {"export": "csv"}))}
    assert zero == {"psí známka"}
    # Queries whose results nobody opened belong to no department: they stay with the query log's readers.
    assert editor.get(reverse("search_unopened_report")).status_code in (302, 403)


def test_the_reports_menu_offers_an_editor_their_reports(editor):
    html = editor.get(reverse("wagtailadmin_home")).content.decode()
    for name in ("search_querystat_report", "search_zero_result_report", "feedback_report"):
        assert reverse(name) in html
    assert reverse("search_unopened_report") not in html


def test_an_approver_reads_the_feedback_on_the_departments_pages_only(searches):
    own, other = searches
    for page in (own, other):
        Feedback.objects.create(page=page, useful=False, comment=f"K {page.slug}", created=date.today())
    ensure_demo_editors()
    approver = Client(HTTP_HOST="localhost")
    approver.force_login(get_user_model().objects.get(username="schvalovatel-obcanskospravni"))
    rows = csv_rows(approver.get(reverse("feedback_comments_report"), {"export": "csv"}))
    assert [row[2] for row in rows] == [own.title]
    assert approver.get(reverse("feedback_report")).status_code == 200


def test_someone_without_a_department_still_needs_the_permission(client_cs):
    user = get_user_model().objects.create_user("nikdo", "nikdo@example.cz", "heslo-pro-test")
    client_cs.force_login(user)
    for name in ("search_querystat_report", "feedback_report"):
        assert client_cs.get(reverse(name)).status_code in (302, 403)


def test_a_user_without_an_uploaded_avatar_is_shown_by_initials(editor):
    user = get_user_model()(username="jnovakova", first_name="Jana", last_name="Nováková")
    assert initials(user) == "JN"
    assert initials(get_user_model()(username="editor-matrika")) == "E"
    url = initials_avatar_url(user, 50)
    assert url.startswith("data:image/svg+xml,") and ">JN</text>" in urllib.parse.unquote(url)
    html = editor.get(reverse("wagtailadmin_home")).content.decode()
    assert "gravatar" not in html and "data:image/svg+xml," in html


def test_services_pages_of_the_department_count_too(editor):
    service = czech(ServicePage).live().filter(department__slug="odbor-obcanskospravni").first()
    record("nový pas", 1)
    record_opened("nový pas", service.pk, 1)
    queries = {row[1] for row in csv_rows(editor.get(reverse("search_querystat_report"), {"export": "csv"}))}
    assert queries == {"nový pas"}
