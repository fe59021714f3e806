"""Parts of a page rendered once per content version in each worker, and reused by every request that shows them.

A checklist's answers change its steps, documents and fees, and nothing else: the site's header and footer, the
breadcrumbs, a counter's address and hours, the feedback form are the same for every set of answers, and Django's
templates take as long to render them as the parts that do change. A request the page cache may keep (it read the
content version: navigator.pagecache.request_version) takes them from its worker's memory when the worker rendered
them before; any other (an editor signed in, a preview of a draft) renders them afresh.

The key holds what such a part may depend on besides the content: the language, the site (by host), the day (the
exceptions ahead, "zítra"), the template being rendered (a child template may override a block inside the part),
and whatever the caller names. A part must not hold anything that changes within a day or per visitor: the open-now
labels, the visitor's answers, a token. Django's own `{% cache %}` keeps fragments for a fixed time in a shared
cache; these are stale at the next publish, so they are keyed by the content version instead, and in the worker's
memory a hit costs no round trip.
"""

from django.utils import timezone, translation

from .kept import KeptInWorker

MAX_FRAGMENTS = 2048
_fragments = KeptInWorker(MAX_FRAGMENTS)
PLAIN = (str, int, bool, type(None))


def kept_html(request, parts, render):
    """The HTML `render()` returns for these key parts (plain values), kept per content version (see above).

    The key is checked on every render, kept or not, so a wrong one fails in a preview as it would for the public."""
    if not all(isinstance(part, PLAIN) or (isinstance(part, tuple) and all(isinstance(p, PLAIN) for p in part))
               for part in parts):
        raise TypeError(f"A kept fragment's key is made of plain values, not {parts!r}")
    host = request.get_host() if request is not None else None
    return _fragments.for_request((translation.get_language(), host, timezone.localdate(), *parts), render)
