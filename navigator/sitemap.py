"""/sitemap.xml: Wagtail's sitemap of the site's pages, of those the visitor (a crawler: the public) may see."""

from wagtail.contrib.sitemaps import Sitemap

from .visibility import visible


class PublicSitemap(Sitemap):
    def items(self):
        pages = self.get_wagtail_site().root_page.get_descendants(inclusive=True)
        return visible(pages, self.request).order_by("path").defer_streamfields().specific()
