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


def _sql(rows):
    """The statements for counting `rows` requests at once: prune each kind's ended slots; count each (kind, slot,
    client) in one upsert, returning the counts (or, where the database cannot, a select reading them back)."""
    quote = connection.ops.quote_name
    table = quote(RateCounter._meta.db_table)
    scope, slot, client, count = (quote(RateCounter._meta.get_field(name).column)
                                  for name in ("scope", "slot", "client", "count"))
    prune = f"DELETE FROM {table} WHERE " + " OR ".join([f"({scope} = %s AND {slot} < %s)"] * rows)
    upsert = (f"INSERT INTO {table} ({scope}, {slot}, {client}, {count}) VALUES "
              + ", ".join(["(%s, %s, %s, 1)"] * rows)
              + f" ON CONFLICT ({scope}, {slot}, {client}) DO UPDATE SET {count} = {table}.{count} + 1")
    if connection.features.can_return_columns_from_insert:
        return prune, [f"{upsert} RETURNING {scope}, {client}, {count}"]
    # SQLite before 3.35 cannot return from an upsert: read the counts back.
    select = (f"SELECT {scope}, {client}, {count} FROM {table} WHERE "
              + " OR ".join([f"({scope} = %s AND {slot} = %s AND {client} = %s)"] * rows))
    return prune, [upsert, select]


def hit_all(request, limits, now=None):
    """Count one request of this request's client against several limits at once, [(RateLimit, part or None)], in
    one prune and one upsert; a Verdict for each, in the same order."""
    now = time.time() if now is None else now
    address = client_address(request)
    counted = []  # (scope, slot, client key, allowed requests, period)
    for limit, part in limits:
        allowed, period = limit.limits()
        slot = int(now // period)
        counted.append((limit.scope, slot, limit.client_key(address, slot, part), allowed, period))
    prune, statements = _sql(len(counted))
    keys = [value for scope, slot, key, _allowed, _period in counted for value in (scope, slot, key)]
    with connection.cursor() as cursor:
        cursor.execute(prune, [value for scope, slot, *_rest in counted for value in (scope, slot)])
        for statement in statements:
            cursor.execute(statement, keys)
        counts = {(scope, key): count for scope, key, count in cursor.fetchall()}
    verdicts = []
    for scope, slot, key, allowed, period in counted:
        count = counts[scope, key]
        verdicts.append(Verdict(allowed=count <= allowed, count=count,
                                retry_after=max(1, math.ceil((slot + 1) * period - now))))
    return verdicts


class RateLimit:
    """One kind of limited request: `scope` names it in the table, `setting` holds (requests, seconds)."""

    def __init__(self, scope, setting, default):
        self.scope, self.setting, self.default = scope, setting, default

    def limits(self):
        """(requests allowed, in how many seconds)."""
        return getattr(settings, self.setting, self.default)

    def client_key(self, address, slot, part=None):
        """The key of an address's count in a slot; `part` counts a part of what it does apart (one page)."""
        value = f"{slot}|{_network(address)}" + ("" if part is None else f"|{part}")
        return salted_hmac(f"navigator.ratelimit.{self.scope}", value, algorithm="sha256").hexdigest()[:32]

    def hit(self, request, now=None, part=None):
        """Count one request of this request's client (to `part`, when given) and say whether it is within the
        limit."""
        return hit_all(request, [(self, part)], now)[0]
