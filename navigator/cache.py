"""Redis as the shared cache of several app servers, failing open: with Redis down the site still answers.

Everything the site keeps in the cache can be had again from the database (kept pages, search results, Wagtail's
site root paths), so a cache that cannot be reached is a cache that has nothing: reads miss, writes are dropped,
and the request goes on, a little slower, instead of failing with a 500. Short timeouts keep a Redis that hangs
rather than refuses from holding a request for long. Each failure is logged, at most once a minute per process.

What must not be dropped is an invalidation: navigator.pagecache writes the content version with set_many, which
says which keys it could not write, and retries a version it could not write until it can (see new_version
there), so that pages kept before an outage are not served after it.
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Seconds to connect and to wait for an answer, on the same network as the app servers.
CONNECT_TIMEOUT = 0.25
SOCKET_TIMEOUT = 0.5
_LOG_EVERY = 60


class ResilientRedisCache(RedisCache):
    _last_logged = 0.0

    def __init__(self, server, params):
        params = {**params, "OPTIONS": {"socket_connect_timeout": CONNECT_TIMEOUT, "socket_timeout": SOCKET_TIMEOUT,
                                        **params.get("OPTIONS", {})}}
        super().__init__(server, params)

    def _failed(self, action):
        now = time.monotonic()
        if now - ResilientRedisCache._last_logged >= _LOG_EVERY:
            ResilientRedisCache._last_logged = now
            logger.warning("Redis cache unreachable (%s); answering without the cache", action, exc_info=True)

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except RedisError:
            self._failed("get")
            return default

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except RedisError:
            self._failed("get_many")
            return {}

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except RedisError:
            self._failed("has_key")
            return False

    def add(self, key, value, timeout=None, version=None):
        try:
            return super().add(key, value, timeout, version)
        except RedisError:
            self._failed("add")
            return False

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except RedisError:
            self._failed("delete")
            return False

    def set_many(self, data, timeout=None, version=None):
        try:
            return super().set_many(data, timeout, version)
        except RedisError:
            self._failed("set_many")
            return list(data)

    def delete_many(self, keys, version=None):
        try:
            return super().delete_many(keys, version)
        except RedisError:
            self._failed("delete_many")

    def set(self, key, value, timeout=None, version=None):
        try:
            super().set(key, value, timeout, version)
        except RedisError:
            self._failed("set")

    def touch(self, key, timeout=None, version=None):
        try:
            return super().touch(key, timeout, version)
        except RedisError:
            self._failed("touch")
            return False
