"""What a checklist's fees come to, in one short line for its summary and its print sheet.

The line reads as a clerk would say it: the sums first, amount before period ("50 Kč jednorázově a 1 500 Kč ročně"),
then what the sums leave out (fees per item, a tariff the answers do not decide), then whether some pay more. Each
combination is one whole message, so every language can word it its own way instead of gluing fragments.
"""

from django import template
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from navigator.templatetags.navigator_tags import czk

register = template.Library()


@register.simple_tag
def fee_line(total, personal=False, more_said_apart=False):
    """The FeeTotal `total` as a short line; `personal`: the visitor answered the guide, so speak to them;
    `more_said_apart`: what follows the line says why some pay more (the print sheet), so the line does not."""
    if total.free:
        if not total.more_possible or more_said_apart:
            return _("zdarma")
        return _("zdarma, možná jen něco navíc") if personal else _("zdarma, jen někdo zaplatí něco navíc")
    line = _sums(total.paid_sums)
    rest = _what_sums_leave_out(bool(total.per_item), bool(total.choices), after_sums=bool(line))
    line = ", ".join(part for part in (line, rest) if part)
    if total.more_possible and not more_said_apart:
        line = (_("%(fees)s, možná i víc") if personal else _("%(fees)s; někdo zaplatí i víc")) % {"fees": line}
    return line


def _sums(sums):
    amounts = [_("%(amount)s %(period)s") % {"amount": czk(row.amount), "period": row.label} for row in sums]
    return get_text_list(amounts, pgettext("spojka před posledním členem výčtu", "a")) if amounts else ""


def _what_sums_leave_out(per_item, choices, after_sums):
    if after_sums:
        if per_item and choices:
            return _("k tomu poplatky za kus a podle vaší situace")
        if per_item:
            return _("k tomu poplatek za každý kus")
        return _("k tomu poplatek podle vaší situace") if choices else ""
    if per_item and choices:
        return _("podle počtu kusů a vaší situace")
    if per_item:
        return _("podle počtu kusů")
    return _("podle vaší situace") if choices else ""
