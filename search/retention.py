"""What search analytics keep that may hold personal data despite the scrubbing (search.querylog): the weekly
counts of queries and of opened results. Whole weeks older than their period are deleted."""

import datetime

from django.utils.translation import gettext_lazy as _

from navigator import retention

from .models import OpenedResult, QueryStat

WEEK = datetime.timedelta(days=7)


def _whole_weeks_before(cutoff):
    """The Monday before which every week ended before `cutoff`."""
    return cutoff.date() - WEEK + datetime.timedelta(days=1)


def delete_old_queries(cutoff):
    return QueryStat.objects.filter(week__lt=_whole_weeks_before(cutoff)).delete()[0]


def delete_old_opened_results(cutoff):
    return OpenedResult.objects.filter(week__lt=_whole_weeks_before(cutoff)).delete()[0]


def register():
    basis = _("úkol ve veřejném zájmu: informovat o službách úřadu (čl. 6 odst. 1 písm. e) GDPR)")
    retention.register(retention.Retention(
        "search-queries",
        description=_("Co lidé hledali: počty hledání za týden, bez rodných čísel, e-mailů a telefonů, bez "
                      "adresy a bez údajů o tom, kdo hledal"),
        purpose=_("Abychom věděli, co lidé hledají a nenacházejí, a doplnili stránky nebo hledání."),
        legal_basis=basis, purge=delete_old_queries, order=20,
    ))
    retention.register(retention.Retention(
        "opened-results",
        description=_("Které výsledky hledání lidé otevřeli: počty za týden, bez údajů o tom, kdo je otevřel"),
        purpose=_("Abychom řadili výsledky hledání tak, jak lidem pomáhají."),
        legal_basis=basis, purge=delete_old_opened_results, order=21,
    ))
