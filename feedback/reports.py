"""Editors' reports under Výkazy → "Zpětná vazba": answers per page, and the answers themselves.

Both are Wagtail reports (filters, sorting, XLSX and CSV download) for users with `feedback.view_feedback`
(superusers have it; give it to a group under Nastavení → Skupiny) and for every department's editors and
approvers, as FeedbackReportView.user_may_view checks. A department's editors and approvers read only the answers
on their department's pages (visible_feedback); both reports also filter by department.
"""

import django_filters
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import Column, NumberColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import BooleanRadioSelect, HeaderButton
from wagtail.models import Page

from editorial.roles import roles_of
from languages.locales import in_default_language
from navigator.reports import OfficeReportMixin
from services.models import Department

from .models import Feedback, Reason
from .summary import reason_count_name, summarise

COMMENT_PREVIEW = 160  # characters of the latest comment in the summary; the answers list shows them whole
PERMISSION = "feedback.view_feedback"


def visible_feedback(user):
    """The answers this user may read (given the permission): a department's editors and approvers read those on
    their departments' pages, as comments may name people; content managers, superusers and holders of the
    permission outside any department (the office's management, say) read them all."""
    roles = roles_of(user)
    if roles.sees_everything or not roles.departments:
        return Feedback.objects.all()
    return Feedback.objects.for_departments(roles.departments)


def yes_no(value):
    return str(_("Ano")) if value else str(_("Ne"))


class DepartmentFilterMixin(django_filters.FilterSet):
    department = django_filters.ModelChoiceFilter(
        label=_("Odbor"), queryset=in_default_language(Department.objects), method="filter_department",
        empty_label=_("Všechny odbory"))
    created = django_filters.DateFromToRangeFilter(label=_("Období"), widget=DateRangePickerWidget)

    def filter_department(self, queryset, name, value):
        return queryset.for_department(value) if value else queryset


class SummaryFilterSet(DepartmentFilterMixin, WagtailFilterSet):
    class Meta:
        model = Feedback
        fields = ["department", "created"]


def _pages_with_feedback(request):
    return Page.objects.filter(pk__in=Feedback.objects.values("page")).order_by("title")


class CommentFilterSet(DepartmentFilterMixin, WagtailFilterSet):
    page = django_filters.ModelChoiceFilter(label=_("Stránka"), queryset=_pages_with_feedback,
                                            empty_label=_("Všechny stránky"))
    useful = django_filters.BooleanFilter(label=_("Užitečná"), widget=BooleanRadioSelect)
    with_comment = django_filters.BooleanFilter(label=_("Jen s komentářem"), method="filter_with_comment",
                                                widget=BooleanRadioSelect)

    class Meta:
        model = Feedback
        fields = ["page", "department", "useful", "with_comment", "created"]

    def filter_with_comment(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.exclude(comment="") if value else queryset.filter(comment="")


def reason_summary(row):
    """"Kam jít 3, Poplatky 1": the reasons a page's "no" answers gave, most frequent first."""
    counts = [(row[reason_count_name(reason)], reason.label) for reason in Reason]
    counts.sort(key=lambda item: -item[0])
    return ", ".join(f"{label} {count}" for count, label in counts if count)


def answers_of_page_url(page_id):
    return f"{reverse('feedback_comments_report')}?{urlencode({'page': page_id})}"


def short_date(value):
    return date_format(value, "SHORT_DATE_FORMAT") if value else ""


def counted_as(singular, plural):
    """A paginator whose footer counts rows as "1 stránka", "12 stránek" rather than by the model's name."""
    names = {"verbose_name": singular, "verbose_name_plural": plural}
    return type("CountedPaginator", (WagtailPaginator,), names)


class ShareColumn(Column):
    def get_value(self, instance):
        value = super().get_value(instance)
        return None if value is None else f"{round(value)} %"


class FeedbackReportView(OfficeReportMixin, ReportView):
    """What both reports share: who may read them, the icon, a link to the other report with the filters."""

    header_icon = "comment"
    paginate_by = 50

    @classmethod
    def user_may_view(cls, user):
        return user.is_active and (user.has_perm(PERMISSION) or bool(roles_of(user).departments))

    @cached_property
    def header_buttons(self):
        url_name, label = self.other_report
        query = self.request.GET.copy()
        for name in ("p", "ordering", "export", "page", "useful", "with_comment"):
            query.pop(name, None)
        url = reverse(url_name) + (f"?{query.urlencode()}" if query else "")
        return [HeaderButton(label, url=url, icon_name="list-ul")]


class FeedbackSummaryReportView(FeedbackReportView):
    """Per page: how many found it useful, what the others missed, the latest comment."""

    page_title = _("Zpětná vazba")
    index_url_name = "feedback_report"
    index_results_url_name = "feedback_report_results"
    filterset_class = SummaryFilterSet
    default_ordering = "-no_count"
    verbose_name = _("stránka")
    verbose_name_plural = _("stránek")
    paginator_class = counted_as(verbose_name, verbose_name_plural)
    other_report = ("feedback_comments_report", _("Jednotlivé odpovědi"))
    export_filename = "zpetna-vazba-podle-stranek"
    list_export = ["page", "page__title", "department_name", "answers", "yes_count", "no_count",
                   "useful_share", *(reason_count_name(reason) for reason in Reason), "comment_count",
                   "latest", "latest_comment"]
    export_headings = {
        "page": _("ID stránky"), "page__title": _("Stránka"), "department_name": _("Odbor"),
        "answers": _("Odpovědí"), "yes_count": _("Ano"), "no_count": _("Ne"),
        "useful_share": _("Užitečná (%)"),
        **{reason_count_name(reason): reason.label for reason in Reason},
        "comment_count": _("Komentářů"), "latest": _("Poslední odpověď"),
        "latest_comment": _("Poslední komentář"),
    }
    custom_field_preprocess = {"useful_share": {ReportView.FORMAT_CSV: lambda value: round(value, 1),
                                                ReportView.FORMAT_XLSX: lambda value: round(value, 1)}}

    @cached_property
    def columns(self):
        return [
            TitleColumn("page__title", label=_("Stránka"), sort_key="page__title",
                        get_url=lambda row: answers_of_page_url(row["page"])),
            Column("department_name", label=_("Odbor"), sort_key="department_name"),
            NumberColumn("yes_count", label=_("Ano"), sort_key="yes_count"),
            NumberColumn("no_count", label=_("Ne"), sort_key="no_count"),
            ShareColumn("useful_share", label=_("Užitečná"), sort_key="useful_share"),
            Column("reasons", label=_("Co chybělo"), accessor=reason_summary),
            Column("latest_comment", label=_("Poslední komentář"),
                   accessor=lambda row: Truncator(row["latest_comment"] or "").chars(COMMENT_PREVIEW)),
        ]

    @cached_property
    def period(self):
        if self.filters and self.filters.is_valid():
            return self.filters.form.cleaned_data.get("created")
        return None

    def get_base_queryset(self):
        return summarise(visible_feedback(self.request.user), period=self.period)

    def order_queryset(self, queryset):
        ordering = self.ordering
        return queryset.order_by(ordering, "page__title" if ordering.lstrip("-") != "page__title" else "page")


class FeedbackCommentReportView(FeedbackReportView):
    """The answers one by one, newest first."""

    page_title = _("Zpětná vazba: jednotlivé odpovědi")
    index_url_name = "feedback_comments_report"
    index_results_url_name = "feedback_comments_report_results"
    filterset_class = CommentFilterSet
    default_ordering = "-created"
    verbose_name = _("odpověď")
    verbose_name_plural = _("odpovědí")
    paginator_class = counted_as(verbose_name, verbose_name_plural)
    other_report = ("feedback_report", _("Souhrn podle stránek"))
    export_filename = "zpetna-vazba-odpovedi"
    list_export = ["created", "page_id", "page.title", "department_name", "useful", "reason_labels",
                   "comment"]
    export_headings = {
        "created": _("Den"), "page_id": _("ID stránky"), "page.title": _("Stránka"),
        "department_name": _("Odbor"),
        "useful": _("Užitečná"), "reason_labels": _("Co chybělo nebo nebylo jasné"), "comment": _("Komentář"),
    }
    custom_field_preprocess = {"useful": {ReportView.FORMAT_CSV: yes_no, ReportView.FORMAT_XLSX: yes_no}}

    @cached_property
    def columns(self):
        return [
            Column("created", label=_("Den"), sort_key="created",
                   accessor=lambda feedback: short_date(feedback.created)),
            TitleColumn("page.title", label=_("Stránka"), sort_key="page__title",
                        get_url=lambda feedback: reverse("wagtailadmin_pages:edit", args=[feedback.page_id])),
            Column("department_name", label=_("Odbor")),
            Column("useful", label=_("Užitečná"), accessor=lambda feedback: yes_no(feedback.useful),
                   sort_key="useful"),
            Column("reason_labels", label=_("Co chybělo")),
            Column("comment", label=_("Komentář")),
        ]

    def get_base_queryset(self):
        return visible_feedback(self.request.user).select_related("page").with_department_name()

    def order_queryset(self, queryset):
        return queryset.order_by(self.ordering, "-pk")
