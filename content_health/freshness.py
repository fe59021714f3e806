"""When a situation or a service is due for review, and which ones are overdue or due soon.

The rules, in one place:

- A page is due on its `review_due` date when an editor set one.
- Otherwise it is due 12 months after `last_reviewed` (29 February moves to 28 February).
- A page never reviewed counts its first publication as its first review: due 12 months after it.
- Overdue: the due date has passed (it is before today). Due soon: due today or within the next 30 days.

Only live pages count: they are what citizens read. The dates are the live ones (a date changed in a draft
counts once it is published). Everything is computed here, not stored on save, so that a new `last_reviewed`
moves the default due date with it; a stored default would stay behind.
"""

import calendar
import datetime
from dataclasses import dataclass

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from languages.locales import in_default_language
from services.models import ServicePage
from situations.models import SituationPage

REVIEW_INTERVAL_MONTHS = 12
DUE_SOON_DAYS = 30

# The page types that carry last_reviewed and review_due.
REVIEWED_MODELS = (SituationPage, ServicePage)


class Status(models.TextChoices):
    OVERDUE = "overdue", _("Po termínu")
    DUE_SOON = "due_soon", _("Kontrola do 30 dní")
    CURRENT = "current", _("Aktuální")


def add_months(day, months):
    """The same day `months` later, or the month's last day when it has no such day (29 Feb → 28 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due_date(last_reviewed=None, review_due=None, first_published=None):
    """The date a page must be reviewed by; `first_published` is a date (or an aware datetime)."""
    if review_due:
        return review_due
    if isinstance(first_published, datetime.datetime):
        first_published = timezone.localdate(first_published)
    base = last_reviewed or first_published
    return add_months(base, REVIEW_INTERVAL_MONTHS) if base else None


def status_of(due, today):
    """Overdue, due soon or current; a live page without any date at all is overdue."""
    if due is None or due < today:
        return Status.OVERDUE
    if due <= today + datetime.timedelta(days=DUE_SOON_DAYS):
        return Status.DUE_SOON
    return Status.CURRENT


@dataclass(frozen=True)
class Entry:
    """One live page's review state, as the report, the dashboard and the editor's notice show it."""

    pk: int
    title: str
    model: type
    department: object  # services.Department or None
    last_reviewed: datetime.date | None
    explicit_due: datetime.date | None
    due: datetime.date | None
    status: Status
    days_overdue: int | None

    @property
    def type_label(self):
        return self.model._meta.verbose_name

    @property
    def department_name(self):
        return self.department.name if self.department else ""

    @property
    def status_label(self):
        return self.status.label

    @property
    def due_is_default(self):
        return self.explicit_due is None


def entry_for(model, pk, title, department, last_reviewed, review_due, first_published_at, today):
    due = due_date(last_reviewed, review_due, first_published_at)
    status = status_of(due, today)
    days = (today - due).days if status == Status.OVERDUE and due else None
    return Entry(pk=pk, title=title, model=model, department=department, last_reviewed=last_reviewed,
                 explicit_due=review_due, due=due, status=status, days_overdue=days)


def entries(statuses=(Status.OVERDUE, Status.DUE_SOON), department=None, today=None):
    """Live Czech situations and services whose status is one of `statuses`, by due date; one query per page type.
    The facts are reviewed on the Czech page, the catalog of record; its translations follow it (the report
    "Stav překladů" says which are out of date).

    The catalog of a town hall is hundreds of pages, so the dates are compared here rather than in SQL,
    where "12 months after" has no portable spelling.
    """
    today = today or timezone.localdate()
    found = []
    for model in REVIEWED_MODELS:
        pages = (
            in_default_language(model.objects.live()).select_related("department")
            .only("id", "title", "department", "last_reviewed", "review_due", "first_published_at")
        )
        if department is not None:
            pages = pages.filter(department=department)
        for page in pages:
            entry = entry_for(model, page.pk, page.title, page.department, page.last_reviewed, page.review_due,
                              page.first_published_at, today)
            if entry.status in statuses:
                found.append(entry)
    found.sort(key=sort_key)
    return found


def sort_key(entry):
    """By due date (a page without any date first), then by title."""
    return (entry.due or datetime.date.min, entry.title.casefold(), entry.pk)


def entry_for_page(page, today=None):
    """The review state of one situation or service from its live row (one query), or None for other pages."""
    model = type(page)
    if model not in REVIEWED_MODELS or not page.pk:
        return None
    row = (
        model.objects.filter(pk=page.pk, live=True)
        .values("title", "last_reviewed", "review_due", "first_published_at").first()
    )
    if row is None:
        return None
    return entry_for(model, page.pk, row["title"], None, row["last_reviewed"], row["review_due"],
                     row["first_published_at"], today or timezone.localdate())
