"""sitemap.xml: every page the public may see (navigator.visibility), in every language, each with the addresses
of its language versions."""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from navigator.visibility import visible

from .locales import DEFAULT_LANGUAGE


class LanguageSitemap(Sitemap):
    """Wagtail's sitemap walks the default site's home page only; here the home page of every language, and a
    page that exists in several languages lists them all (xhtml:link hreflang), the Czech one as x-default."""

    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_tree = Q()
        for root in roots:
            in_a_tree |= Q(path__startswith=root.path)
        return (visible(Page.objects.filter(in_a_tree), self.request).order_by("path")
                .defer_streamfields().specific())

    def _urls(self, page, protocol, domain):
        entries = [(item, url_info) for item in self.paginator.page(page).object_list
                   for url_info in item.get_sitemap_urls(self.request)]
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        versions = defaultdict(dict)
        for item, url_info in entries:
            versions[item.translation_key].setdefault(languages[item.locale_id], url_info["location"])
        for item, url_info in entries:
            alternates = versions[item.translation_key]
            if len(alternates) > 1:
                url_info["alternates"] = [{"lang_code": code, "location": location}
                                          for code, location in alternates.items()]
                if DEFAULT_LANGUAGE in alternates:
                    url_info["alternates"].append({"lang_code": "x-default", "location": alternates[DEFAULT_LANGUAGE]})
        last_mods = {url_info.get("lastmod") for _item, url_info in entries}
        # As Wagtail's: no latest date when a page has none (or the whole site is private).
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return [url_info for _item, url_info in entries]
