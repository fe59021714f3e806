"""Records that may hold personal data are deleted after their periods by `manage.py purge_personal_data`, which
says what it deleted and deletes nothing more when run again; the periods come from the settings."""

import datetime
from io import StringIO

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import CommandError, call_command
from django.utils import timezone

from feedback.models import Feedback
from navigator import retention
from search.models import OpenedResult, QueryStat
from situations.models import SituationPage
from tests.czech import czech

pytestmark = pytest.mark.django_db
NOW = timezone.now()


def ago(days):
    return NOW - datetime.timedelta(days=days)


@pytest.fixture
def page():
    return czech(SituationPage).live().get(slug="zmena-trvaleho-pobytu")


@pytest.fixture
def records(page):
    """One record of each kind just past its default period and one just within it."""
    old_comment = Feedback.objects.create(page=page, useful=False, reason_fees=True, comment="Volejte 777 123 456",
                                          created=ago(366).date())
    new_comment = Feedback.objects.create(page=page, useful=False, comment="Nejasné", created=ago(364).date())
    for days, query in ((410, "stary dotaz"), (390, "novy dotaz")):
        week = ago(days).date() - datetime.timedelta(days=ago(days).weekday())
        QueryStat.objects.create(week=week, query=query, count=3)
        OpenedResult.objects.create(week=week, query=query, page=page, count=1, position_sum=1)
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        for days in (91, 89):
            row = model.objects.create(username=f"u{days}", ip_address="192.0.2.1", user_agent="x",
                                       **({"failures_since_start": 1} if model is AccessAttempt else {}))
            model.objects.filter(pk=row.pk).update(attempt_time=ago(days))
    for days in (15, 13):
        session = SessionStore()
        session["clerk"] = days
        session.create()
        Session.objects.filter(pk=session.session_key).update(expire_date=ago(days) + datetime.timedelta(days=14))
    return old_comment, new_comment


def purge(*args):
    out = StringIO()
    call_command("purge_personal_data", *args, stdout=out)
    return out.getvalue()


def test_old_records_go_and_the_command_says_how_many(records):
    old_comment, new_comment = records
    output = purge()
    for line in ("feedback-comments: 1 – Komentáře", "(older than 365 days", "search-queries: 1 –",
                 "opened-results: 1 –", "login-attempts: 3 – Přihlášení", "(older than 90 days",
                 "sessions: 1 – Relace", "(older than 14 days", "Personal data purged: 7 records in total."):
        assert line in output
    old_comment.refresh_from_db()
    assert old_comment.comment == "" and old_comment.useful is False and old_comment.reason_fees  # counts stay
    assert Feedback.objects.get(pk=new_comment.pk).comment == "Nejasné"
    assert list(QueryStat.objects.values_list("query", flat=True)) == ["novy dotaz"]
    assert list(OpenedResult.objects.values_list("query", flat=True)) == ["novy dotaz"]
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        assert list(model.objects.values_list("username", flat=True)) == ["u89"]
    assert Session.objects.count() == 1


def test_a_second_run_deletes_nothing(records):
    purge()
    assert "Personal data purged: 0 records in total." in purge()


def test_the_periods_come_from_the_settings(records, settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = {**settings.PERSONAL_DATA_RETENTION_DAYS,
                                             "feedback-comments": 30, "login-attempts": 365}
    output = purge()
    assert "feedback-comments: 2 – " in output and "(older than 30 days" in output
    assert "login-attempts: 0 – " in output and "(older than 365 days" in output
    assert not Feedback.objects.exclude(comment="").exists()


def test_one_kind_alone_and_unknown_kinds(records):
    output = purge("--only", "sessions")
    assert "sessions: 1 – " in output and "feedback-comments" not in output
    with pytest.raises(CommandError, match="Unknown kind of record: bookings"):
        purge("--only", "bookings")
    listing = purge("--list")
    assert [line.split(":")[0] for line in listing.splitlines()] == [record.key for record in retention.registered()]


def test_every_app_that_keeps_such_records_registered_them():
    assert {record.key for record in retention.registered()} >= {
        "feedback-comments", "search-queries", "opened-results", "login-attempts", "sessions"}
    for record in retention.registered():
        assert str(record.description) and str(record.purpose) and "GDPR" in str(record.legal_basis)
