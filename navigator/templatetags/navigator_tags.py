from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

register = template.Library()


@register.filter
def split(value):
    return value.split()


@register.filter
def czk(amount):
    """An amount in Czech crowns as people write it in the page's language: '1 000 Kč' ('CZK 1,000'), 'zdarma'
    for nothing."""
    if amount is None:
        return ""
    amount = Decimal(amount)
    if amount == 0:
        return _("zdarma")
    places = 0 if amount == amount.to_integral_value() else 2
    amount_text = number_format(amount, places, use_l10n=True, force_grouping=True)
    return pgettext("částka v korunách", "%(amount)s\xa0Kč") % {"amount": amount_text}


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
def get_item(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None
