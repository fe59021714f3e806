"""The admin reports under Výkazy: "Kontrola aktuálnosti" (review dates), "Zdraví obsahu" (the checks) and
"Stav překladů" (translations missing or older than the Czech page).

They are Wagtail ReportViews (filters, sortable columns, pagination, XLSX and CSV download) over rows that
content_health.freshness, content_health.checks and languages.coverage compute for the whole catalog, so they
filter and sort a Python list rather than a queryset. Anyone who may edit pages may read them (ListReportView.user_may_view).
"""

import datetime
from operator import attrgetter

import django_filters
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseBadRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import HeaderButton
from wagtail.models import Page

from languages import coverage
from languages.locales import in_default_language
from navigator.reports import OfficeReportMixin
from services.models import Department

from . import checks, freshness


def written_date(value):
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value)
    return date_format(value, "SHORT_DATE_FORMAT") if value else ""


class ListReportView(OfficeReportMixin, ReportView):
    """A ReportView whose rows are a list built by `get_rows(**filters)` and sorted in Python."""

    paginate_by = 50
    other_report = None  # (URL name, label) of the sibling report, shown as a header button

    @classmethod
    def user_may_view(cls, user):
        return user.is_active and user_has_any_page_permission(user)

    def get_filterset_kwargs(self):
        # The filters only validate the parameters; get_rows applies them.
        return {**super().get_filterset_kwargs(), "queryset": Page.objects.none()}

    @cached_property
    def list_export(self):
        # The downloads have the page's columns under the same headings, with each row's raw values.
        return [column.name for column in self.columns]

    @cached_property
    def export_headings(self):
        return {column.name: column.label for column in self.columns}

    @cached_property
    def filters_invalid(self):
        return bool(self.filters) and not self.filters.is_valid()

    @cached_property
    def filter_values(self):
        if not self.filters or self.filters_invalid:
            return {}
        cleaned = self.filters.form.cleaned_data
        return {name: value for name, value in cleaned.items() if value not in (None, "")}

    def get_queryset(self):
        # Each report defines get_rows(**filters): its rows for the validated filter values.
        return self.order_rows(self.get_rows(**self.filter_values))

    def filter_queryset(self, rows):
        return rows

    def order_rows(self, rows):
        ordering = self.ordering or self.default_ordering
        name = ordering.lstrip("-")
        getter = attrgetter(name)

        def key(row):
            value = getter(row)
            return value.casefold() if isinstance(value, str) else value

        # Empty values last in either direction; sorted() is stable, so rows keep the order they were built
        # in (by due date, by kind) within equal keys.
        blank = [row for row in rows if getter(row) is None]
        present = [row for row in rows if getter(row) is not None]
        return sorted(present, key=key, reverse=ordering.startswith("-")) + blank

    def get(self, request, *args, **kwargs):
        if self.filters_invalid:
            errors = " ".join(f"{self.filters.form.fields[name].label}: {' '.join(map(str, field_errors))}"
                              for name, field_errors in self.filters.form.errors.items())
            message = gettext("Neplatný filtr. %(errors)s Výkaz ukazuje vše bez filtru.") % {"errors": errors}
            if self.is_export:
                return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
            if not self.results_only:
                messages.warning(request, message)
            response = super().get(request, *args, **kwargs)
            response.status_code = 400
            return response
        return super().get(request, *args, **kwargs)

    @cached_property
    def header_buttons(self):
        if not self.other_report:
            return []
        url_name, label = self.other_report
        return [HeaderButton(label, url=reverse(url_name), icon_name="list-ul")]


# ---------------------------------------------------------------------------------------------------------
# Freshness


class FreshnessFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Stav"), empty_label=_("Po termínu i do 30 dní"),
        choices=[(freshness.Status.OVERDUE.value, freshness.Status.OVERDUE.label),
                 (freshness.Status.DUE_SOON.value, freshness.Status.DUE_SOON.label),
                 (freshness.Status.CURRENT.value, _("Aktuální (termín později)"))],
    )
    department = django_filters.ModelChoiceFilter(label=_("Odbor"), queryset=in_default_language(Department.objects),
                                                  empty_label=_("Všechny odbory"))


class FreshnessReportView(ListReportView):
    """Live situations and services whose review is overdue or due within 30 days, by due date."""

    page_title = _("Kontrola aktuálnosti")
    header_icon = "time"
    index_url_name = "content_health_freshness_report"
    index_results_url_name = "content_health_freshness_report_results"
    filterset_class = FreshnessFilterSet
    default_ordering = "due"
    verbose_name_plural = _("stránky ke kontrole")
    columns = [
        TitleColumn("title", label=_("Stránka"), sort_key="title",
                    get_url=lambda entry: reverse("wagtailadmin_pages:edit", args=[entry.pk])),
        Column("type_label", label=_("Typ")),
        Column("department_name", label=_("Odbor"), sort_key="department_name"),
        Column("last_reviewed", label=_("Naposledy zkontrolováno"), sort_key="last_reviewed",
               accessor=lambda entry: written_date(entry.last_reviewed)),
        Column("due", label=_("Zkontrolovat do"), sort_key="due",
               accessor=lambda entry: written_date(entry.due)),
        Column("status_label", label=_("Stav")),
        Column("days_overdue", label=_("Dní po termínu"), sort_key="days_overdue",
               accessor=lambda entry: entry.days_overdue if entry.days_overdue is not None else ""),
    ]
    export_filename = "kontrola-aktualnosti"
    other_report = ("content_health_issues_report", _("Zdraví obsahu"))

    def get_rows(self, status=None, department=None):
        if status:
            statuses = (freshness.Status(status),)
        else:
            statuses = (freshness.Status.OVERDUE, freshness.Status.DUE_SOON)
        return freshness.entries(statuses=statuses, department=department)

    @cached_property
    def no_results_message(self):
        """Nothing due: say when the next review falls due, so an empty report still tells what is coming."""
        if self.filter_values.get("status"):
            return _("Žádná stránka v tomto stavu.")
        upcoming = freshness.entries(statuses=(freshness.Status.CURRENT,),
                                     department=self.filter_values.get("department"))
        if not upcoming:
            return _("Žádná zveřejněná stránka nečeká na kontrolu.")
        first = upcoming[0]
        same_day = sum(1 for entry in upcoming if entry.due == first.due) - 1
        message = _("Po termínu ani s termínem do 30 dní není žádná stránka. Nejbližší kontrola je %(date)s: "
                    "„%(title)s“") % {"date": written_date(first.due), "title": first.title}
        if same_day:
            message += ngettext(" a %(count)s další stránka téhož dne.", " a %(count)s další stránky téhož dne.",
                                same_day) % {"count": same_day}
        else:
            message += "."
        return message + " " + gettext("Všechny termíny ukáže stav „Aktuální (termín později)“.")


# ---------------------------------------------------------------------------------------------------------
# Content health


class IssueFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Problém"), choices=checks.Kind.choices,
                                       empty_label=_("Všechny problémy"))
    department = django_filters.ModelChoiceFilter(label=_("Odbor"), queryset=in_default_language(Department.objects),
                                                  empty_label=_("Všechny odbory"))


class ContentHealthReportView(ListReportView):
    """What the live catalog lacks: steps, documents, counters, hours, channels, and links that lead nowhere."""

    page_title = _("Zdraví obsahu")
    header_icon = "warning"
    index_url_name = "content_health_issues_report"
    index_results_url_name = "content_health_issues_report_results"
    filterset_class = IssueFilterSet
    default_ordering = "kind_order"
    verbose_name_plural = _("problémy")
    columns = [
        TitleColumn("title", label=_("Stránka nebo úryvek"), sort_key="title",
                    get_url=lambda issue: issue.subject.edit_url),
        Column("type_label", label=_("Typ")),
        Column("department_name", label=_("Odbor"), sort_key="department_name"),
        Column("kind_label", label=_("Problém"), sort_key="kind_order"),
        Column("message", label=_("Co je špatně")),
    ]
    export_filename = "zdravi-obsahu"
    other_report = ("content_health_freshness_report", _("Kontrola aktuálnosti"))

    def get_rows(self, kind=None, department=None):
        issues = checks.find_issues()
        if kind:
            issues = [issue for issue in issues if issue.kind == kind]
        if department is not None:
            issues = [issue for issue in issues if issue.subject.department == department]
        return issues


# ---------------------------------------------------------------------------------------------------------
# Translations


class TranslationFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Stav"), choices=coverage.Status.choices,
                                         empty_label=_("Chybí, zastaralé a nedopřeložené"))
    language = django_filters.ChoiceFilter(label=_("Jazyk"), empty_label=_("Všechny jazyky"),
                                           choices=[(code, name) for code, name in settings.LANGUAGES
                                                    if code != settings.LANGUAGE_CODE])


class TranslationReportView(ListReportView):
    """The Czech pages and snippets whose translations are missing, out of date or incomplete (languages.coverage):
    what translators do next, each row leading to the translation (or to starting one)."""

    page_title = _("Stav překladů")
    header_icon = "globe"
    index_url_name = "content_health_translations_report"
    index_results_url_name = "content_health_translations_report_results"
    filterset_class = TranslationFilterSet
    default_ordering = "status_order"
    verbose_name_plural = _("překlady")
    columns = [
        TitleColumn("title", label=_("Česká stránka nebo úryvek"), sort_key="title",
                    get_url=lambda state: state.edit_url),
        Column("type_label", label=_("Typ")),
        Column("language_name", label=_("Jazyk"), sort_key="language"),
        Column("status_label", label=_("Stav"), sort_key="status_order"),
        Column("changed_at", label=_("Česky zveřejněno"), sort_key="changed_at",
               accessor=lambda state: written_date(state.changed_at)),
        Column("translated_at", label=_("Překlad převzal text"), sort_key="translated_at",
               accessor=lambda state: written_date(state.translated_at)),
        Column("untranslated", label=_("Nepřeložených textů"), sort_key="untranslated"),
        TitleColumn("translation_url", label=_("Překlad"),
                    accessor=lambda state: gettext("Přeložit") if state.status == coverage.Status.MISSING
                    else gettext("Upravit překlad"),
                    get_url=lambda state: state.translation_url),
    ]
    export_filename = "preklady"

    def get_rows(self, status=None, language=None):
        states = coverage.catalog_states([language] if language else None)
        wanted = {coverage.Status(status)} if status else set(coverage.Status) - {coverage.Status.CURRENT}
        return [state for state in states if state.status in wanted]
