from decimal import Decimal

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from wagtail.models import Page

from services.hours import weekday_name

from ..fragments import kept_html

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


@register.simple_tag
def localized_paths(*pages):
    """The address of each given page's live version in the visitor's language, or of the page itself when it has
    none (None for a page that is missing or not live). For the footer's links to the office's legal pages, which
    the office settings hold in the default language: one query for all of them, none in the default language."""
    language = translation.get_language()
    versions = {}
    if language != settings.LANGUAGE_CODE:
        keys = [page.translation_key for page in pages if page is not None and page.live]
        if keys:
            versions = {version.translation_key: version for version in Page.objects.filter(
                translation_key__in=keys, locale__language_code=language, live=True,
            ).only("translation_key", "url_path")}
    paths = []
    for page in pages:
        version = versions.get(page.translation_key) if page is not None else None
        if version is not None:
            # The translated tree's home is served at the language's prefix (/en/), like every page of it.
            paths.append(reverse("wagtail_serve", args=[site_path(version).lstrip("/")]))
        else:
            paths.append(site_path(page) if page is not None and page.live else None)
    return paths


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None


class KeptNode(template.Node):
    def __init__(self, nodelist, name, vary):
        self.nodelist, self.name, self.vary = nodelist, name, vary

    def render(self, context):
        values = (variable.resolve(context) for variable in self.vary)
        parts = (context.template.origin.template_name, self.name, *values)
        return kept_html(context.get("request"), parts, lambda: self.nodelist.render(context))


@register.tag
def kept(parser, token):
    """`{% kept "name" value… %}…{% endkept %}`: rendered once per content version, language, site and day in each
    worker, for each set of the values (plain ones: a page's pk, a flag); see navigator.fragments for what may be
    inside."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% kept %} needs a name")
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(nodelist, bits[1].strip("\"'"), [parser.compile_filter(bit) for bit in bits[2:]])
