"""What a worker keeps in its own memory between requests (routes, situation graphs, nearest free times, parts of
pages): a bounded store that lets the least recently used entry go first, safe between a worker's threads. Entries
are keyed by the content version, so a publish makes them unreachable and they age out."""

import threading
import weakref
from collections import OrderedDict

from . import pagecache

_stores = weakref.WeakSet()


class KeptInWorker:
    def __init__(self, size):
        self.size = size
        self._entries = OrderedDict()
        self._lock = threading.Lock()
        _stores.add(self)

    def get(self, key):
        """The kept value, or None."""
        with self._lock:
            value = self._entries.get(key)
            if value is not None:
                self._entries.move_to_end(key)
            return value

    def put(self, key, value):
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def for_request(self, key, make):
        """What `make()` returns (never None), kept under the content version this request read with its page
        and `key` (a tuple); made afresh and not kept when the request may not be kept
        (navigator.pagecache.request_version): an editor signed in, a preview, a request outside the page cache."""
        version = pagecache.request_version()
        if version is None:
            return make()
        key = (version, *key)
        value = self.get(key)
        if value is None:
            value = make()
            self.put(key, value)
        return value

    def clear(self):
        with self._lock:
            self._entries.clear()

    def __len__(self):
        return len(self._entries)


def forget_everything():
    """Empty every store, as in a worker that has just started (tests; the content version does it in production)."""
    for store in list(_stores):
        store.clear()
