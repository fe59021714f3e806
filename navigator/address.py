"""The site's own address (settings.SITE_URL): where every absolute link it hands out points.

Behind a proxy, or on a demo answering on 127.0.0.1:8000, the Host a request came with says little about the
address visitors should keep: a QR code, a calendar entry, a sitemap or an open-data file outlives the request.
So links built here start with SITE_URL, and Wagtail's own absolute links (sitemap, the API's html_url, e-mails)
agree with it because the default Wagtail site is kept at the same host and port: `migrate` and `load_demo` align
it (`align_default_site`).
"""

from urllib.parse import urlsplit

from django.conf import settings


def site_url():
    return settings.SITE_URL.rstrip("/")


def absolute(path):
    """The address of a path on this site, e.g. absolute("/plan/?situace=…"); a full URL is returned as it is."""
    if not path:
        return ""
    if urlsplit(path).scheme:
        return path
    return site_url() + "/" + path.lstrip("/")


def host_and_port():
    parts = urlsplit(site_url())
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


def align_default_site():
    """Give the default Wagtail site SITE_URL's host and port; True when it had to change."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    hostname, port = host_and_port()
    if site is None or (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.save()
    return True
