"""Kontrola aktuálnosti: overdue and soon-due pages per department, CSV/XLSX, the editor's notice, the dashboard."""

import csv
import datetime
import io
import zoneinfo

import openpyxl
import pytest
import time_machine
from django.urls import reverse

from content_health import freshness
from services.models import Department, ServicePage
from situations.models import SituationPage
from tests.czech import czech

pytestmark = pytest.mark.django_db

PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")
TODAY = datetime.date(2026, 12, 1)
D = datetime.date


@pytest.fixture(autouse=True)
def today():
    """Every test here runs on 1 December 2026, whenever the suite runs: the demo's dates stay current."""
    with time_machine.travel(datetime.datetime(2026, 12, 1, 10, 0, tzinfo=PRAGUE), tick=False):
        yield TODAY


@pytest.fixture
def planted():
    """Four live pages in need of review (two overdue, two due within 30 days) and an unpublished one."""
    czech(SituationPage).filter(slug="cestovni-pas").update(review_due=D(2026, 11, 1))  # 30 days late
    czech(SituationPage).filter(slug="narozeni-ditete").update(last_reviewed=D(2025, 11, 20), review_due=None)
    czech(SituationPage).filter(slug="kaceni-drevin").update(review_due=D(2026, 12, 20))
    czech(ServicePage).filter(slug="aktivace-elektronicke-identity").update(last_reviewed=D(2025, 12, 10))
    czech(SituationPage).filter(slug="datova-schranka").update(review_due=D(2026, 10, 1), live=False)
    return ["Cestovní pas pro dospělé i děti", "Narození dítěte",
            "Aktivace elektronické identity (eObčanka, NIA)", "Kácení stromů a keřů"]


def report(client, **params):
    return client.get(reverse("content_health_freshness_report"), params)


def titles(response):
    return [entry.title for entry in response.context["object_list"]]


def test_demo_catalog_has_nothing_to_review_today():
    assert freshness.entries() == []


def test_report_lists_overdue_and_soon_due_live_pages_by_due_date(editor, planted):
    response = report(editor)
    assert response.status_code == 200
    assert titles(response) == planted
    html = response.content.decode()
    assert "Kontrola aktuálnosti" in html
    page = czech(SituationPage).get(slug="cestovni-pas")
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in html
    assert "1. 11. 2026" in html and "Po termínu" in html


def test_default_due_date_is_twelve_months_after_the_last_review(planted):
    entry = next(e for e in freshness.entries() if e.title == "Narození dítěte")
    assert (entry.due, entry.due_is_default, entry.days_overdue) == (D(2026, 11, 20), True, 11)


def test_status_filter(editor, planted):
    assert titles(report(editor, status="overdue")) == planted[:2]
    assert titles(report(editor, status="due_soon")) == planted[2:]


def test_department_filter(editor, planted):
    department = czech(Department).get(slug="odbor-obcanskospravni")
    assert titles(report(editor, department=department.pk)) == [planted[0], planted[2]]


def test_sorting_by_days_overdue(editor, planted):
    assert titles(report(editor, ordering="-days_overdue"))[:2] == planted[:2]
    assert titles(report(editor, ordering="title")) == sorted(planted, key=str.casefold)


def test_csv_export(editor, planted):
    response = report(editor, export="csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == ["Stránka", "Typ", "Odbor", "Naposledy zkontrolováno", "Zkontrolovat do", "Stav",
                       "Dní po termínu"]
    assert rows[1] == ["Cestovní pas pro dospělé i děti", "životní situace", "Odbor občanskosprávní", "2026-12-04",
                       "2026-11-01", "Po termínu", "30"]
    assert rows[3][:2] == ["Aktivace elektronické identity (eObčanka, NIA)", "služba (úkon)"]
    assert rows[3][5:] == ["Kontrola do 30 dní", ""]
    assert len(rows) == 5


def test_xlsx_export(editor, planted):
    response = report(editor, export="xlsx", status="overdue")
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = list(sheet.values)
    assert values[0][0] == "Stránka" and len(values) == 3
    assert values[1][4] in (D(2026, 11, 1), datetime.datetime(2026, 11, 1))


@pytest.mark.parametrize("params", [
    {"department": "abc"}, {"department": "999999"}, {"status": "soon"}, {"status": "x" * 100_000},
    {"department": "1\x00"},
])
def test_bad_filters_get_a_czech_message_and_400(editor, planted, params):
    response = report(editor, **params)
    assert response.status_code == 400
    assert "Neplatný filtr" in response.content.decode()
    export = report(editor, export="csv", **params)
    assert export.status_code == 400 and "Neplatný filtr" in export.content.decode()


def test_broken_unicode_in_a_filter_gets_400(editor, planted):
    response = editor.get(reverse("content_health_freshness_report") + "?status=%FF%FE&department=%C3")
    assert response.status_code == 400 and "Neplatný filtr" in response.content.decode()


def test_unknown_parameters_are_ignored(editor, planted):
    response = report(editor, foo="bar", ordering="nonsense")
    assert response.status_code == 200 and titles(response) == planted


def test_only_users_who_edit_pages_see_the_report(admin_without_pages, planted):
    assert report(admin_without_pages).status_code in (302, 403)
    html = admin_without_pages.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("content_health_freshness_report") not in html


def test_report_is_under_reports_menu_and_dashboard_lists_overdue_pages(editor, planted):
    html = editor.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("content_health_freshness_report") in html
    assert "Po termínu kontroly" in html
    assert "Po termínu kontroly jsou 2 stránky." in html
    assert "Cestovní pas pro dospělé i děti" in html and "30 dní" in html and "11 dní" in html
    assert "Kácení stromů a keřů" not in html  # only due soon


def test_dashboard_panel_stays_away_when_nothing_is_overdue(editor):
    assert "Po termínu kontroly" not in editor.get(reverse("wagtailadmin_home")).content.decode()


def test_editor_sees_a_warning_on_an_overdue_page(editor, planted):
    page = czech(SituationPage).get(slug="cestovni-pas")
    html = editor.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Stránka je po termínu kontroly (zkontrolovat do 1. 11. 2026)" in html


def test_editor_sees_a_notice_when_review_is_due_soon_and_nothing_on_a_current_page(editor, planted):
    soon = czech(ServicePage).get(slug="aktivace-elektronicke-identity")
    html = editor.get(reverse("wagtailadmin_pages:edit", args=[soon.pk])).content.decode()
    assert "Blíží se termín kontroly obsahu: 10. 12. 2026." in html
    assert 'name="last_reviewed"' in html and 'name="review_due"' in html  # services carry the dates too
    current = czech(SituationPage).get(slug="zmena-trvaleho-pobytu")
    html = editor.get(reverse("wagtailadmin_pages:edit", args=[current.pk])).content.decode()
    assert "po termínu kontroly" not in html and "Blíží se termín kontroly" not in html


def test_citizens_see_when_a_service_was_last_reviewed(client_cs):
    service = czech(ServicePage).get(slug="vydani-cestovniho-pasu")
    czech(ServicePage).filter(pk=service.pk).update(last_reviewed=D(2026, 10, 5))
    html = client_cs.get(service.url).content.decode()
    assert "Aktualizováno 5. 10. 2026" in html


def test_with_nothing_due_the_report_says_when_the_next_review_is(editor):
    """The demo catalog was reviewed in November and December 2026: nothing is due, and the report says what
    comes next instead of an empty table, and lists every page with its date under „Aktuální“."""
    nearest = min(czech(SituationPage).live().exclude(review_due=None).values_list("review_due", flat=True))
    assert nearest > TODAY + datetime.timedelta(days=30)
    html = report(editor).content.decode()
    assert f"Nejbližší kontrola je {nearest.day}. {nearest.month}. {nearest.year}" in html
    current = report(editor, status="current")
    listed = current.context["paginator"].count  # 50 a page
    assert listed == czech(SituationPage).live().count() + czech(ServicePage).live().count()
