"""At most FEEDBACK_RATE_LIMIT answers per client and time slot, counted in the database without addresses.

The client is its address (navigator.client: REMOTE_ADDR, or the address a trusted proxy put into
X-Forwarded-For when TRUSTED_PROXY_COUNT says how many proxies stand in front of the site), IPv6 taken by its
/64 network, which one household or phone usually gets whole. What the database keeps is an HMAC of the slot
and the address under SECRET_KEY: it cannot be turned back into the address, and the same client gets a
different key in every slot, so nothing links its answers over time.

Counting is one INSERT ... ON CONFLICT DO UPDATE ... RETURNING statement, so two gunicorn workers never lose
a count (a per-process cache would not be shared). Each check also deletes the slots that have ended: a
cheap range delete on the leading column of the unique index, so the table holds at most two slots' rows.
"""

import ipaddress
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.utils.crypto import salted_hmac

from navigator.client import client_address

from .models import SubmissionCounter

DEFAULT_LIMIT = 5
DEFAULT_PERIOD = 10 * 60  # seconds


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    count: int
    retry_after: int  # seconds until the slot ends

    @property
    def retry_after_minutes(self):
        return max(1, math.ceil(self.retry_after / 60))


def limits():
    """(answers allowed, in how many seconds)."""
    return getattr(settings, "FEEDBACK_RATE_LIMIT", (DEFAULT_LIMIT, DEFAULT_PERIOD))


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


def client_key(address, slot):
    return salted_hmac("navigator.feedback.ratelimit", f"{slot}|{_network(address)}",
                       algorithm="sha256").hexdigest()[:32]


def _sql():
    quote = connection.ops.quote_name
    table = quote(SubmissionCounter._meta.db_table)
    slot, client, count = (quote(SubmissionCounter._meta.get_field(name).column)
                           for name in ("slot", "client", "count"))
    prune = f"DELETE FROM {table} WHERE {slot} < %s"
    upsert = (f"INSERT INTO {table} ({slot}, {client}, {count}) VALUES (%s, %s, 1) "
              f"ON CONFLICT ({slot}, {client}) DO UPDATE SET {count} = {table}.{count} + 1")
    if connection.features.can_return_columns_from_insert:
        return prune, [f"{upsert} RETURNING {count}"]
    # SQLite before 3.35 cannot return from an upsert: read the count back.
    return prune, [upsert, f"SELECT {count} FROM {table} WHERE {slot} = %s AND {client} = %s"]


def hit(request, now=None):
    """Count one answer of this request's client and say whether it is within the limit."""
    limit, period = limits()
    now = time.time() if now is None else now
    slot = int(now // period)
    key = client_key(client_address(request), slot)
    prune, statements = _sql()
    with connection.cursor() as cursor:
        cursor.execute(prune, [slot])
        for statement in statements:
            cursor.execute(statement, [slot, key])
        count = cursor.fetchone()[0]
    retry_after = max(1, math.ceil((slot + 1) * period - now))
    return Verdict(allowed=count <= limit, count=count, retry_after=retry_after)
