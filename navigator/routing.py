"""Which page an address leads to, remembered per content version in each worker.

Wagtail finds a page by walking the tree from the site's root page: for each level of the address one query for
the child with that slug and one for its specific type, six for a situation under its topic. Every answer of the
guide, every print sheet and calendar of a situation walks the same way to the same page. For a request the
page cache may keep (it read the content version: navigator.pagecache.request_version), a worker remembers
where an address led, as the page's type and key and the number of address parts the tree used; the next request
to that address reads the page by its type and key in one query and lets it route the rest (a RoutablePage's
`tisk/`) as the walk would have. A publish, unpublish, move or deletion of any page gives the content a new
version, so nothing remembered outlives it. Only the key is kept, never the page object: each request gets a
page of its own. An address that leads nowhere is not remembered, so junk addresses cannot fill the memory; at
most MAX_ROUTES are kept, the least recently used leaving first.
"""

import threading
from collections import OrderedDict

from django.contrib.contenttypes.models import ContentType

from . import pagecache

MAX_ROUTES = 1024

_routes = OrderedDict()  # (version, root page pk, address parts) -> (content type id, page pk, parts used)
_lock = threading.Lock()


class KeptRouteMixin:
    """For the site's root page type: routes to pages below it are remembered per content version."""

    def route(self, request, path_components):
        version = pagecache.request_version()
        if version is None or not path_components:
            return super().route(request, path_components)
        key = (version, self.pk, tuple(path_components))
        with _lock:
            kept = _routes.get(key)
            if kept is not None:
                _routes.move_to_end(key)
        if kept is not None:
            content_type_id, pk, used = kept
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            page = model.objects.filter(pk=pk).first()
            if page is not None:
                return page.route(request, path_components[used:])
        result = super().route(request, path_components)
        page = result[0]
        with _lock:
            _routes[key] = (page.content_type_id, page.pk, page.depth - self.depth)
            while len(_routes) > MAX_ROUTES:
                _routes.popitem(last=False)
        return result


def forget():
    """Drop every remembered route (tests; the version does it in production)."""
    with _lock:
        _routes.clear()
