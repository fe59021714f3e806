"""At most so many requests of one kind per client and time slot, counted in the database without addresses.

The client is its address (navigator.client: REMOTE_ADDR, or the address a trusted proxy put into
X-Forwarded-For when TRUSTED_PROXY_COUNT says how many proxies stand in front of the site), IPv6 taken by its
/64 network, which one household or phone usually gets whole. What the database keeps is an HMAC of the kind,
the slot and the address under SECRET_KEY: it cannot be turned back into the address, and the same client gets
a different key in every slot, so nothing links its requests over time.

Counting is one INSERT ... ON CONFLICT DO UPDATE ... RETURNING statement, so two gunicorn workers never lose
a count (a per-process cache would not be shared). Each check also deletes the kind's slots that have ended:
a cheap range delete on the leading columns of the unique index, so the table holds at most two slots' rows
of each kind.
"""

import ipaddress
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.utils.crypto import salted_hmac

from .client import client_address
from .models import RateCounter


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    count: int
    retry_after: int  # seconds until the slot ends

    @property
    def retry_after_minutes(self):
        return max(1, math.ceil(self.retry_after / 60))


def _network(address):
    try:
        ip = ipaddress.ip_address(address.strip("[]"))
    except ValueError:
        return address[:100]
    if ip.version == 6:
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def _sql():
    quote = connection.ops.quote_name
    table = quote(RateCounter._meta.db_table)
    scope, slot, client, count = (quote(RateCounter._meta.get_field(name).column)
                                  for name in ("scope", "slot", "client", "count"))
    prune = f"DELETE FROM {table} WHERE {scope} = %s AND {slot} < %s"
    upsert = (f"INSERT INTO {table} ({scope}, {slot}, {client}, {count}) VALUES (%s, %s, %s, 1) "
              f"ON CONFLICT ({scope}, {slot}, {client}) DO UPDATE SET {count} = {table}.{count} + 1")
    if connection.features.can_return_columns_from_insert:
        return prune, [f"{upsert} RETURNING {count}"]
    # SQLite before 3.35 cannot return from an upsert: read the count back.
    return prune, [upsert, f"SELECT {count} FROM {table} WHERE {scope} = %s AND {slot} = %s AND {client} = %s"]


class RateLimit:
    """One kind of limited request: `scope` names it in the table, `setting` holds (requests, seconds)."""

    def __init__(self, scope, setting, default):
        self.scope, self.setting, self.default = scope, setting, default

    def limits(self):
        """(requests allowed, in how many seconds)."""
        return getattr(settings, self.setting, self.default)

    def client_key(self, address, slot):
        return salted_hmac(f"navigator.ratelimit.{self.scope}", f"{slot}|{_network(address)}",
                           algorithm="sha256").hexdigest()[:32]

    def hit(self, request, now=None):
        """Count one request of this request's client and say whether it is within the limit."""
        limit, period = self.limits()
        now = time.time() if now is None else now
        slot = int(now // period)
        key = self.client_key(client_address(request), slot)
        prune, statements = _sql()
        with connection.cursor() as cursor:
            cursor.execute(prune, [self.scope, slot])
            for statement in statements:
                cursor.execute(statement, [self.scope, slot, key])
            count = cursor.fetchone()[0]
        retry_after = max(1, math.ceil((slot + 1) * period - now))
        return Verdict(allowed=count <= limit, count=count, retry_after=retry_after)
