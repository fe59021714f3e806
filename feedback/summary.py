"""The answers per page that the feedback reports show: counts, share of "yes", reasons, latest comment.

Everything is counted in SQL on the answers the filters left, grouped by page; the reports only display it.
"""

from django.db.models import Count, F, FloatField, Max, OuterRef, Q, Subquery
from django.db.models.functions import Cast, Coalesce

from .models import Feedback, Reason


def reason_count_name(reason):
    return f"{reason.value}_count"


def summarise(feedback, period=None):
    """One row per page with answers in `feedback`: page id and title, department, counts, share of "yes" in
    per cent, one count per reason, the day of the latest answer and the latest comment (within `period`, a
    slice of dates as django-filter's date range gives it). Further filters on Feedback fields still apply
    before the grouping."""
    latest_comment = Feedback.objects.filter(page=OuterRef("page")).exclude(comment="")
    if period is not None:
        if period.start:
            latest_comment = latest_comment.filter(created__gte=period.start)
        if period.stop:
            latest_comment = latest_comment.filter(created__lte=period.stop)
    reasons = {reason_count_name(reason): Count("pk", filter=Q(**{reason.field_name: True}))
               for reason in Reason}
    return (
        feedback.values("page", "page__title")
        .annotate(
            department_name=Coalesce("page__situationpage__department__name",
                                     "page__servicepage__department__name"),
            answers=Count("pk"),
            yes_count=Count("pk", filter=Q(useful=True)),
            no_count=Count("pk", filter=Q(useful=False)),
            comment_count=Count("pk", filter=~Q(comment="")),
            **reasons,
            latest=Max("created"),
            latest_comment=Subquery(latest_comment.order_by("-created", "-pk").values("comment")[:1]),
        )
        .annotate(useful_share=Cast(F("yes_count"), FloatField()) * 100.0 / Cast(F("answers"), FloatField()))
    )
