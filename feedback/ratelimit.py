"""How many answers one client may send: FEEDBACK_RATE_LIMIT per page, and FEEDBACK_ADDRESS_LIMIT over all pages,
in each time slot; counted in the database without addresses.

The client is its address (navigator.client: REMOTE_ADDR, or the address a trusted proxy put into
X-Forwarded-For when TRUSTED_PROXY_COUNT says how many proxies stand in front of the site), IPv6 taken by its
/64 network, which one household or phone usually gets whole. A whole office (a school, a library, the town hall
itself) may sit behind one address, so the tight limit counts answers to one page; the ceiling over all pages is
higher and only stops someone sending answers to every page. What the database keeps is an HMAC of the slot, the
address and, for the first count, the page, under SECRET_KEY: it cannot be turned back into the address, and the
same client gets a different key in every slot, so nothing links its answers over time.

Counting is one INSERT ... ON CONFLICT DO UPDATE ... RETURNING statement for both counts, so two gunicorn workers
never lose one (a per-process cache would not be shared). Each check also deletes the slots that have ended: a cheap
range delete on the leading column of the unique index, so the table holds at most two slots' rows.
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

DEFAULT_LIMIT = 5  # answers to one page
DEFAULT_ADDRESS_LIMIT = 50  # answers to all pages together
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
    """(answers allowed to one page, in how many seconds)."""
    return getattr(settings, "FEEDBACK_RATE_LIMIT", (DEFAULT_LIMIT, DEFAULT_PERIOD))


def address_limit():
    """Answers allowed from one address to all pages together, in the same time."""
    return getattr(settings, "FEEDBACK_ADDRESS_LIMIT", DEFAULT_ADDRESS_LIMIT)


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


def client_key(address, slot, page_id=None):
    """The key of an address's count in a slot: for one page, or (page_id None) for all pages together."""
    value = f"{slot}|{_network(address)}" + ("" if page_id is None else f"|{page_id}")
    return salted_hmac("navigator.feedback.ratelimit", value, algorithm="sha256").hexdigest()[:32]


def _sql():
    """The statements: prune ended slots; count both keys of an answer in one upsert, returning the counts."""
    quote = connection.ops.quote_name
    table = quote(SubmissionCounter._meta.db_table)
    slot, client, count = (quote(SubmissionCounter._meta.get_field(name).column)
                           for name in ("slot", "client", "count"))
    prune = f"DELETE FROM {table} WHERE {slot} < %s"
    upsert = (f"INSERT INTO {table} ({slot}, {client}, {count}) VALUES (%s, %s, 1), (%s, %s, 1) "
              f"ON CONFLICT ({slot}, {client}) DO UPDATE SET {count} = {table}.{count} + 1")
    if connection.features.can_return_columns_from_insert:
        return prune, [f"{upsert} RETURNING {client}, {count}"]
    # SQLite before 3.35 cannot return from an upsert: read the counts back.
    return prune, [upsert, f"SELECT {client}, {count} FROM {table} WHERE {slot} = %s AND {client} IN (%s, %s)"]


def hit(request, page_id, now=None):
    """Count one answer of this request's client to a page and say whether it is within both limits."""
    limit, period = limits()
    now = time.time() if now is None else now
    slot = int(now // period)
    address = client_address(request)
    page_key, address_key = client_key(address, slot, page_id), client_key(address, slot)
    prune, statements = _sql()
    with connection.cursor() as cursor:
        cursor.execute(prune, [slot])
        cursor.execute(statements[0], [slot, page_key, slot, address_key])
        if len(statements) > 1:
            cursor.execute(statements[1], [slot, page_key, address_key])
        counts = dict(cursor.fetchall())
    retry_after = max(1, math.ceil((slot + 1) * period - now))
    return Verdict(allowed=counts[page_key] <= limit and counts[address_key] <= address_limit(),
                   count=counts[page_key], retry_after=retry_after)
