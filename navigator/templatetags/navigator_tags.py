from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from services.hours import weekday_name

register = template.Library()


@register.filter
def split(value):
    return value.split()


@register.filter
def czk(amount):
    """An amount in Czech crowns as each language writes it: '1 000 Kč', 'CZK 1,000', '1 000 крон'; 'zdarma'
    for nothing. The currency is a message, so a language can put it first or decline it with the number."""
    if amount is None:
        return ""
    amount = Decimal(amount)
    if amount == 0:
        return _("zdarma")
    whole = amount == amount.to_integral_value()
    number = number_format(amount, 0 if whole else 2, use_l10n=True, force_grouping=True)
    if whole:
        return ngettext("%(amount)s\xa0Kč", "%(amount)s\xa0Kč", int(amount)) % {"amount": number}
    # A plural rule counts whole numbers; with a fraction Ukrainian says "2,50 крони" whatever the number.
    return pgettext("částka s haléři", "%(amount)s\xa0Kč") % {"amount": number}


@register.filter
def weekday(value):
    """The day's name in the visitor's language, as written inside a sentence ("pondělí", "Monday", "понеділок")."""
    return weekday_name(value) if value else ""


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (None removes one); for pagination links."""
    query = context["request"].GET.copy()
    for name, value in changes.items():
        query.pop(name, None)
        if value not in (None, ""):
            query[name] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def site_path(page):
    """The address of a page of the site's one page tree, from its url_path below the home page
    (/home/prohlaseni-o-pristupnosti/ → /prohlaseni-o-pristupnosti/), without Wagtail's site lookup, which may cost
    a query. For the footer's links, whose pages the office settings restrict to children of the home page."""
    return "/" + page.url_path.strip("/").partition("/")[2] + "/" if page.url_path.count("/") > 2 else "/"


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None
