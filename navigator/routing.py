"""Which page an address leads to, and the site and office settings around it, remembered per content version in
each worker.

Wagtail finds a page by walking the tree from the site's root page: for each level of the address one query for
the child with that slug and one for its specific type, six for a situation under its topic. Every answer of the
guide, every print sheet and calendar of a situation walks the same way to the same page. For a request the
page cache may keep (it read the content version: navigator.pagecache.request_version), a worker remembers
where an address led, as the page's type, its row (the values of its fields, which are all plain values: no page
type has a stream or JSON field) and the number of address parts the tree used; the next request to that
address builds the page from the row, as a query would, and lets it route the rest (a RoutablePage's `tisk/`)
as the walk would have. A publish, unpublish, move or deletion of any page gives the content a new version, so
nothing remembered outlives it. Only the row is kept, never the page object: each request gets a page of its
own. An address that leads nowhere is not remembered, so junk addresses cannot fill the memory; at
most MAX_ROUTES are kept, the least recently used leaving first.

Every page also asks which Wagtail site it belongs to (the site by host name, its root page), the office settings
of that site (the frame: demo banner, office name, footer) and the root paths of all sites (every link it builds):
four queries for what only a change of a site, a page or the settings changes, and each gives the content a new
version. KeptFrameMiddleware hands each
request the ones its worker read for this content version and host, as copies of its own.
"""

import copy

from django.contrib.contenttypes.models import ContentType
from django.db import router
from wagtail.models import Site

from . import pagecache
from .kept import KeptInWorker
from .models import OfficeSettings

MAX_ROUTES = 1024
MAX_FRAMES = 16

_routes = KeptInWorker(MAX_ROUTES)  # (version, root page pk, address parts) -> (content type id, page pk, parts used)


class KeptRouteMixin:
    """For the site's root page type: routes to pages below it are remembered per content version."""

    def route(self, request, path_components):
        version = pagecache.request_version()
        if version is None or not path_components:
            return super().route(request, path_components)
        key = (version, self.pk, tuple(path_components))
        kept = _routes.get(key)
        if kept is not None:
            content_type_id, row, used = kept
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            page = model.from_db(router.db_for_read(model), _field_names(model), row)
            return page.route(request, path_components[used:])
        result = super().route(request, path_components)
        page = result[0]
        row = tuple(getattr(page, name) for name in _field_names(type(page)))
        _routes.put(key, (page.content_type_id, row, page.depth - self.depth))
        return result


def _field_names(model):
    return [field.attname for field in model._meta.concrete_fields]


_frames = KeptInWorker(MAX_FRAMES)  # (version, host, port) -> (Site, its root page's specific page, its OfficeSettings,
#                                                      every site's root path)


class KeptFrameMiddleware:
    """Below the page cache: a request it may keep gets the site and office settings its worker read before."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        version = pagecache.request_version()
        if version is not None:
            _hand_frame(request, version)
        return self.get_response(request)


def _hand_frame(request, version):
    key = (version, request._get_raw_host(), request.get_port())
    frame = _frames.get(key)
    if frame is None:
        site = Site._find_for_request(request)
        if site is None:
            return
        frame = (site, site.root_page.specific, OfficeSettings.for_site(site), tuple(Site.get_site_root_paths()))
        _frames.put(key, frame)
    site, root, office, root_paths = frame
    # Copies, never the kept objects: Wagtail and the templates cache things on them for one request.
    site = copy.copy(site)
    site.root_page = copy.copy(root)
    request._wagtail_site = site
    request._wagtail_cached_site_root_paths = list(root_paths)  # of named tuples: nothing more to copy
    office = copy.copy(office)
    office._request = request
    setattr(request, OfficeSettings.get_cache_attr_name(), office)


def forget():
    """Drop every remembered route and frame (tests; the version does it in production)."""
    _routes.clear()
    _frames.clear()
