"""What a worker keeps in its own memory between requests (routes, situation graphs, nearest free times): a
bounded store that lets the least recently used entry go first, safe between a worker's threads. Entries are keyed
by the content version, so a publish makes them unreachable and they age out."""

import threading
from collections import OrderedDict


class KeptInWorker:
    def __init__(self, size):
        self.size = size
        self._entries = OrderedDict()
        self._lock = threading.Lock()

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

    def clear(self):
        with self._lock:
            self._entries.clear()

    def __len__(self):
        return len(self._entries)
