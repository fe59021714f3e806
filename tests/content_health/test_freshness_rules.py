"""The review-date rules: 12 months after the last review unless a due date is set, 30 days of warning."""

import datetime

import pytest

from content_health.freshness import Status, add_months, due_date, status_of

D = datetime.date


@pytest.mark.parametrize(("day", "months", "expected"), [
    (D(2026, 11, 10), 12, D(2027, 11, 10)),
    (D(2024, 2, 29), 12, D(2025, 2, 28)),
    (D(2026, 1, 31), 1, D(2026, 2, 28)),
    (D(2026, 12, 15), 1, D(2027, 1, 15)),
])
def test_add_months_keeps_the_day_or_takes_the_months_last(day, months, expected):
    assert add_months(day, months) == expected


def test_an_explicit_review_due_wins():
    assert due_date(last_reviewed=D(2026, 1, 1), review_due=D(2026, 3, 1)) == D(2026, 3, 1)


def test_without_review_due_the_page_is_due_twelve_months_after_its_last_review():
    assert due_date(last_reviewed=D(2026, 1, 15)) == D(2027, 1, 15)


def test_a_page_never_reviewed_counts_its_first_publication_as_its_first_review():
    published = datetime.datetime(2025, 6, 30, 23, 30, tzinfo=datetime.timezone.utc)  # 1 July in Prague
    assert due_date(first_published=published) == D(2026, 7, 1)
    assert due_date() is None


@pytest.mark.parametrize(("due", "expected"), [
    (D(2026, 11, 22), Status.OVERDUE),
    (D(2026, 11, 23), Status.DUE_SOON),  # due today: not yet late
    (D(2026, 12, 23), Status.DUE_SOON),  # the 30th day
    (D(2026, 12, 24), Status.CURRENT),
    (None, Status.OVERDUE),
])
def test_overdue_means_past_the_due_date_and_due_soon_means_within_thirty_days(due, expected):
    assert status_of(due, today=D(2026, 11, 23)) == expected
