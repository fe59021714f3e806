"""Search analytics by week: queries and opened results counted per ISO week, and the editors' four reports.

Weeks start on Monday in the office's time zone (Europe/Prague): a search at 23:59 on Sunday belongs to the
week that is ending, one at 00:01 on Monday to the next, in winter and in summer time alike.
"""

import csv
import datetime
import importlib
import io
import json
from datetime import UTC

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from search.models import OpenedResult, QueryStat
from search.querylog import record, record_opened, week_of
from navigator.reports import week_label
from services.models import ServicePage
from situations.models import SituationPage
from tests.search.conftest import BROWSER, LOG_WRITE_SAVEPOINT_QUERIES
from tests.czech import czech

pytestmark = pytest.mark.django_db

W1 = datetime.date(2026, 11, 16)  # ISO week 47
W2 = datetime.date(2026, 11, 23)  # ISO week 48
REPORTS = ("search_querystat_report", "search_zero_result_report", "search_unopened_report",
           "search_opened_results_report")


def during(week, hour=10):
    """A moment on the Wednesday of that week."""
    return datetime.datetime.combine(week + datetime.timedelta(days=2), datetime.time(hour), tzinfo=UTC)


# -- weeks ---------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("moment, monday", [
    (datetime.datetime(2026, 11, 29, 22, 59, tzinfo=UTC), W2),                         # Sunday 23:59 CET
    (datetime.datetime(2026, 11, 29, 23, 1, tzinfo=UTC), datetime.date(2026, 11, 30)),  # Monday 00:01 CET
    (datetime.datetime(2026, 7, 5, 21, 59, tzinfo=UTC), datetime.date(2026, 6, 29)),    # Sunday 23:59 CEST
    (datetime.datetime(2026, 7, 5, 22, 1, tzinfo=UTC), datetime.date(2026, 7, 6)),      # Monday 00:01 CEST
    (datetime.datetime(2027, 1, 3, 12, 0, tzinfo=UTC), datetime.date(2026, 12, 28)),    # ISO week 53 of 2026
])
def test_week_of_is_the_monday_in_the_offices_time_zone(moment, monday):
    assert week_of(moment) == monday


def test_week_labels_read_like_a_calendar():
    assert week_label(W2) == "48. týden 2026 (23. 11. – 29. 11.)"
    assert week_label(datetime.date(2026, 12, 28)) == "53. týden 2026 (28. 12. – 3. 1.)"


def test_searches_either_side_of_midnight_on_sunday_fall_in_two_weeks(client_cs):
    with time_machine.travel(datetime.datetime(2026, 11, 29, 22, 58, tzinfo=UTC), tick=False):
        client_cs.get("/hledat/", {"q": "Řidičák"})
        client_cs.get("/hledat/", {"q": "řidičák"})
    with time_machine.travel(datetime.datetime(2026, 11, 29, 23, 2, tzinfo=UTC), tick=False):
        client_cs.get("/hledat/", {"q": "řidičák"})
    rows = list(QueryStat.objects.order_by("week").values_list("week", "query", "count"))
    assert rows == [(W2, "řidičák", 2), (datetime.date(2026, 11, 30), "řidičák", 1)]


def test_openings_either_side_of_midnight_on_sunday_fall_in_two_weeks(client_cs):
    page = czech(SituationPage).get(slug="ridicsky-prukaz")
    for moment in (datetime.datetime(2026, 11, 29, 22, 58, tzinfo=UTC),
                   datetime.datetime(2026, 11, 29, 23, 2, tzinfo=UTC)):
        with time_machine.travel(moment, tick=False):
            response = client_cs.get("/hledat/otevrit/", {"q": "řidičák", "r": page.pk, "p": 1}, **BROWSER)
            assert response.status_code == 302
    assert list(OpenedResult.objects.order_by("week").values_list("week", "count")) == [
        (W2, 1), (datetime.date(2026, 11, 30), 1)]


def test_record_counts_per_week_in_one_statement(django_assert_num_queries):
    with django_assert_num_queries(1 + LOG_WRITE_SAVEPOINT_QUERIES):
        record("pas", 3, now=during(W1))
    record("pas", 0, now=during(W2))
    record("Pas", 2, now=during(W2, hour=18))
    stats = {row.week: row for row in QueryStat.objects.all()}
    assert (stats[W1].count, stats[W1].zero_results) == (1, 0)
    assert (stats[W2].count, stats[W2].zero_results) == (2, 1)
    assert stats[W2].last_searched == during(W2, hour=18)


def test_the_data_migration_puts_each_old_row_in_the_week_of_its_last_search():
    migration = importlib.import_module("search.migrations.0002_weekly_query_log_and_opened_results")
    old = {"pas": datetime.datetime(2026, 11, 29, 22, 30, tzinfo=UTC),       # Sunday 23:30 in Prague
           "psí známka": datetime.datetime(2026, 11, 29, 23, 30, tzinfo=UTC),  # Monday 00:30 in Prague
           "občanka": datetime.datetime(2025, 3, 5, 8, 0, tzinfo=UTC)}
    for query, moment in old.items():
        QueryStat.objects.create(week=datetime.date(2000, 1, 3), query=query, count=7)
        QueryStat.objects.filter(query=query).update(last_searched=moment)
    migration.put_rows_in_the_week_of_their_last_search(apps, None)
    assert dict(QueryStat.objects.values_list("query", "week")) == {
        "pas": W2, "psí známka": datetime.date(2026, 11, 30), "občanka": datetime.date(2025, 3, 3)}
    assert set(QueryStat.objects.values_list("count", flat=True)) == {7}


# -- the reports ------------------------------------------------------------------------------------------------------

@pytest.fixture
def dataset():
    """Two weeks of searches and openings, small enough to know every row of every report."""
    licence = czech(SituationPage).get(slug="ridicsky-prukaz")
    id_card = czech(SituationPage).get(slug="obcansky-prukaz")
    for _ in range(5):
        record("řidičský průkaz", 4, now=during(W2))
    for _ in range(3):
        record("psí známka", 0, now=during(W2))
    for found in (2, 2, 2, 0):
        record("parkovací karta", found, now=during(W2))
    for _ in range(2):
        record("řidičský průkaz", 4, now=during(W1))
    record("občanka", 3, now=during(W2))
    for position in (1, 1, 2):
        record_opened("řidičský průkaz", licence.pk, position, now=during(W2))
    record_opened("řidičský průkaz", id_card.pk, 4, now=during(W2))
    record_opened("občanka", id_card.pk, 1, now=during(W1))  # opened in another week than it was searched
    return {"licence": licence, "id_card": id_card}


def export(client, name, **params):
    response = client.get(reverse(name), {**params, "export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    return rows[0], rows[1:]


def test_top_queries_by_week(superuser_client, dataset):
    heading, rows = export(superuser_client, "search_querystat_report", week=W2.isoformat())
    assert heading == ["Týden (pondělí)", "Dotaz", "Hledáno", "Bez výsledků", "Otevřeno", "Naposledy"]
    assert [row[:5] for row in rows] == [
        ["2026-11-23", "řidičský průkaz", "5", "0", "4"],
        ["2026-11-23", "parkovací karta", "4", "1", "0"],
        ["2026-11-23", "psí známka", "3", "3", "0"],
        ["2026-11-23", "občanka", "1", "0", "0"],  # opened, but in the week before
    ]
    _heading, every_week = export(superuser_client, "search_querystat_report")
    assert [(row[0], row[1], row[2]) for row in every_week] == [
        ("2026-11-23", "řidičský průkaz", "5"), ("2026-11-23", "parkovací karta", "4"),
        ("2026-11-23", "psí známka", "3"), ("2026-11-16", "řidičský průkaz", "2"), ("2026-11-23", "občanka", "1")]
    assert len(every_week) == QueryStat.objects.count()


def test_zero_result_queries_by_week(superuser_client, dataset):
    heading, rows = export(superuser_client, "search_zero_result_report", week=W2.isoformat())
    assert heading == ["Týden (pondělí)", "Dotaz", "Bez výsledků", "Hledáno", "Naposledy"]
    assert [row[:4] for row in rows] == [["2026-11-23", "psí známka", "3", "3"],
                                         ["2026-11-23", "parkovací karta", "1", "4"]]
    _heading, rows = export(superuser_client, "search_zero_result_report", week=W1.isoformat())
    assert rows == []


def test_queries_whose_results_nobody_opened(superuser_client, dataset):
    heading, rows = export(superuser_client, "search_unopened_report")
    assert heading == ["Týden (pondělí)", "Dotaz", "Hledáno", "S výsledky", "Naposledy"]
    assert [row[:4] for row in rows] == [
        ["2026-11-23", "parkovací karta", "4", "3"],
        ["2026-11-16", "řidičský průkaz", "2", "2"],  # opened in W2, not in W1
        ["2026-11-23", "občanka", "1", "1"],
    ]
    # The same rows, straight from the database: found something that week, nothing of it opened that week.
    opened = set(OpenedResult.objects.values_list("week", "query"))
    expected = {(stat.week.isoformat(), stat.query) for stat in QueryStat.objects.all()
                if stat.count > stat.zero_results and (stat.week, stat.query) not in opened}
    assert {(row[0], row[1]) for row in rows} == expected
    _heading, rows = export(superuser_client, "search_unopened_report", week=W2.isoformat())
    assert [row[1] for row in rows] == ["parkovací karta", "občanka"]


def test_which_results_were_opened_per_query(superuser_client, dataset):
    heading, rows = export(superuser_client, "search_opened_results_report", query="řidičský")
    assert heading == ["Týden (pondělí)", "Dotaz", "Stránka", "Otevřeno", "Průměrná pozice"]
    assert rows == [
        ["2026-11-23", "řidičský průkaz", dataset["licence"].title, "3", "1.3"],
        ["2026-11-23", "řidičský průkaz", dataset["id_card"].title, "1", "4.0"],
    ]
    _heading, rows = export(superuser_client, "search_opened_results_report", week=W1.isoformat())
    assert rows == [["2026-11-16", "občanka", dataset["id_card"].title, "1", "1.0"]]


def test_reports_show_the_rows_with_week_labels_and_link_to_what_was_opened(superuser_client, dataset):
    html = superuser_client.get(reverse("search_querystat_report"), {"week": W2.isoformat()}).content.decode()
    page = BeautifulSoup(html, "html.parser")
    assert page.find("h1").get_text(strip=True).startswith("Nejčastější dotazy")
    assert "48. týden 2026 (23. 11. – 29. 11.)" in html
    cells = [[cell.get_text(" ", strip=True) for cell in row.select("td")] for row in page.select("tbody tr")]
    assert [row[1] for row in cells] == ["řidičský průkaz", "parkovací karta", "psí známka", "občanka"]
    link = page.select_one("tbody tr td a")  # the number of openings links to what was opened
    assert link.get_text(strip=True) == "4"
    assert link["href"] == (reverse("search_opened_results_report")
                            + "?week=2026-11-23&query=%C5%99idi%C4%8Dsk%C3%BD+pr%C5%AFkaz")
    opened = BeautifulSoup(superuser_client.get(link["href"]).content.decode(), "html.parser")
    titles = [row.select("td")[2].get_text(strip=True) for row in opened.select("tbody tr")]
    assert titles == [dataset["licence"].title, dataset["id_card"].title]
    for name in REPORTS[1:]:
        response = superuser_client.get(reverse(name))
        assert response.status_code == 200


def test_week_filter_offers_the_logged_weeks_newest_first(superuser_client, dataset):
    html = superuser_client.get(reverse("search_unopened_report")).content.decode()
    options = [option.get_text(strip=True) for option in
               BeautifulSoup(html, "html.parser").select("select[name=week] option")]
    assert options == ["Všechny týdny", "48. týden 2026 (23. 11. – 29. 11.)", "47. týden 2026 (16. 11. – 22. 11.)"]


def test_an_unknown_week_is_refused_without_an_error(superuser_client, dataset):
    response = superuser_client.get(reverse("search_querystat_report"), {"week": "2026-13-45\x00"})
    assert response.status_code == 200


def test_reports_export_xlsx(superuser_client, dataset):
    for name in REPORTS:
        response = superuser_client.get(reverse(name), {"export": "xlsx"})
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")


def xlsx_rows(client, name, **params):
    response = client.get(reverse(name), {**params, "export": "xlsx"})
    assert response.status_code == 200
    return list(load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.iter_rows(min_row=2))


# Only plausible searches reach the log (search.querylog.plausible): formulas that read like words still do.
@pytest.mark.parametrize("query", ['=hyperlink("http://evil.example/";"klikni")', "+poplatek za psa", "-pes+kočka",
                                   "@sum(1+1)"])
def test_a_visitors_query_that_looks_like_a_formula_reaches_spreadsheets_as_text(superuser_client, query):
    visitor = Client(HTTP_HOST="localhost")
    assert visitor.get("/hledat/", {"q": query}).status_code == 200
    _heading, rows = export(superuser_client, "search_querystat_report", query=query)
    assert [row[1] for row in rows] == ["'" + query]  # a spreadsheet shows a cell after an apostrophe as text
    [cell] = [row[1] for row in xlsx_rows(superuser_client, "search_querystat_report", query=query)]
    assert (cell.value, cell.data_type, cell.quotePrefix) == (query, "s", True)


def test_a_formula_whose_result_was_opened_reaches_the_opened_results_as_text(superuser_client):
    query = '=hyperlink("http://evil.example","klikni")'
    licence = czech(SituationPage).get(slug="ridicsky-prukaz")
    visitor = Client(HTTP_HOST="localhost", **BROWSER)
    assert visitor.get("/hledat/otevrit/", {"q": query, "r": licence.pk, "p": 1}).status_code == 302
    _heading, rows = export(superuser_client, "search_opened_results_report")
    assert [row[1:3] for row in rows] == [["'" + query, licence.title]]
    [cell] = [row[1] for row in xlsx_rows(superuser_client, "search_opened_results_report")]
    assert (cell.value, cell.data_type, cell.quotePrefix) == (query, "s", True)


def test_opened_results_of_a_deleted_page_go_with_it(dataset):
    service = czech(ServicePage).live().first()
    record_opened("poplatek", service.pk, 1)
    service.delete()
    assert not OpenedResult.objects.filter(query="poplatek").exists()


# -- who may read them ----------------------------------------------------------------------------------------------

def test_reports_are_under_reports_for_those_who_may_read_them(superuser_client):
    html = superuser_client.get(reverse("wagtailadmin_home")).content.decode()
    for name in REPORTS:
        assert reverse(name) in html
    for label in ("Nejčastější dotazy", "Dotazy bez výsledků", "Neotevřené výsledky", "Otevřené výsledky"):
        assert json.dumps(label)[1:-1] in html  # the sidebar's menu is JSON in the page


def test_anonymous_users_are_sent_to_the_login(client_cs):
    for name in REPORTS:
        response = client_cs.get(reverse(name))
        assert response.status_code == 302 and reverse("wagtailadmin_login") in response["Location"]


def test_the_query_log_permission_opens_all_four_reports(client_cs, dataset):
    user = get_user_model().objects.create_user("redaktorka", "redaktorka@example.cz", "heslo-pro-test")
    editors = Group.objects.create(name="Analýza hledání")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(editors)
    client_cs.force_login(user)
    for name in REPORTS:
        response = client_cs.get(reverse(name), {"export": "csv"})
        assert response.status_code in (302, 403)
    assert reverse("search_opened_results_report") not in client_cs.get(reverse("wagtailadmin_home")).content.decode()

    editors.permissions.add(Permission.objects.get(codename="view_querystat"))
    client_cs.force_login(get_user_model().objects.get(pk=user.pk))  # a fresh permission cache
    for name in REPORTS:
        assert client_cs.get(reverse(name)).status_code == 200
