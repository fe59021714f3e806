"""Admin registration: the two reports under Výkazy, the dashboard panel and the notice on overdue pages."""

from django.contrib import messages
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from navigator.reports import ReportMenuItem, report_urls

from . import freshness
from .dashboard import OverduePagesPanel
from .reports import ContentHealthReportView, FreshnessReportView, TranslationReportView


@hooks.register("register_admin_urls")
def register_report_urls():
    return [*report_urls("reports/freshness/", FreshnessReportView),
            *report_urls("reports/content-health/", ContentHealthReportView),
            *report_urls("reports/translations/", TranslationReportView)]


@hooks.register("register_reports_menu_item")
def register_freshness_menu_item():
    return ReportMenuItem(FreshnessReportView, _("Kontrola aktuálnosti"), name="content-freshness",
                          icon_name="time", order=1310)


@hooks.register("register_reports_menu_item")
def register_content_health_menu_item():
    return ReportMenuItem(ContentHealthReportView, _("Zdraví obsahu"), name="content-health",
                          icon_name="warning", order=1320)


@hooks.register("register_reports_menu_item")
def register_translations_menu_item():
    return ReportMenuItem(TranslationReportView, _("Stav překladů"), name="content-translations", icon_name="globe",
                          order=1330)


@hooks.register("construct_homepage_panels")
def add_overdue_panel(request, panels):
    # The panel lists what the freshness report lists, so it is for those who may read the report.
    if FreshnessReportView.user_may_view(request.user):
        panels.append(OverduePagesPanel())


@hooks.register("before_edit_page")
def flag_overdue_page(request, page):
    """A notice at the top of the edit form when the live page's review is overdue or due within 30 days."""
    if request.method != "GET":
        return None
    entry = freshness.entry_for_page(page)
    if entry is None or entry.status == freshness.Status.CURRENT:
        return None
    due = date_format(entry.due, "SHORT_DATE_FORMAT") if entry.due else "–"
    if entry.status == freshness.Status.OVERDUE:
        messages.warning(request, gettext(
            "Stránka je po termínu kontroly (zkontrolovat do %(due)s). Projděte obsah, vyplňte „naposledy "
            "zkontrolováno“ a publikujte.") % {"due": due})
    else:
        messages.info(request, gettext(
            "Blíží se termín kontroly obsahu: %(due)s. Po kontrole vyplňte „naposledy zkontrolováno“ "
            "a publikujte.") % {"due": due})
    return None
