"""The privacy-safe log of public search queries, for editors' analytics.

People type personal data into search boxes: their birth number, e-mail, phone, an account or file number.
None of it may reach the database, so every query is scrubbed first (each kind of personal data becomes a
marker such as «rodné číslo»; full-width characters are read as their plain forms and "jana(at)example(dot)cz"
as an address), then normalised (lowercase, whitespace collapsed, at most 200 characters;
diacritics are kept so editors read the words people really typed) and counted in QueryStat, per ISO week
(the week starts on Monday in the office's time zone).

Only plausible searches are kept: at most PLAUSIBLE_LENGTH characters, no markup, no control characters and at
least one letter. Attack strings, pasted documents and runs of digits would only fill the editors' reports.

When a citizen opens a result, `record_opened()` counts (week, query, page) in OpenedResult and adds the
result's position; nothing about the person (address, session, cookie, browser) is kept.

`record()` and `record_opened()` each cost the request one INSERT ... ON CONFLICT DO UPDATE statement, with no
read before it, and never raise: analytics must not break or slow down search.
"""

import datetime
import logging
import re
import unicodedata

from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from .models import OpenedResult, QueryStat

logger = logging.getLogger(__name__)

MAX_LENGTH = QueryStat._meta.get_field("query").max_length  # 200
# The name under which `record` runs again each time a kept search page is served (navigator.pagecache.on_hit).
RECORD_ACTION = "search.querylog.record"
PLAUSIBLE_LENGTH = 100  # longer "queries" are pasted text or probes, not searches

BIRTH_NUMBER = "«rodné číslo»"
EMAIL = "«e-mail»"
PHONE = "«telefon»"
NUMBER = "«číslo»"

_SEP = r"[ \t.\-]?"  # what people put between the groups of a phone number

# jana.novakova@example.cz, also spelled out against harvesters: jana(at)example(dot)cz, jana [zavináč] example.cz
_AT = r"(?:\s*@\s*|\s*[(\[{<]\s*(?:at|zavin[áa][čc])\s*[)\]}>]\s*)"
_DOT = r"(?:\s*\.\s*|\s*[(\[{<]\s*(?:dot|te[čc]ka)\s*[)\]}>]\s*)"
_EMAIL = re.compile(rf"[\w+\-]+(?:{_DOT}[\w+\-]+)*{_AT}[\w\-]+(?:{_DOT}[\w\-]+)+", re.UNICODE | re.IGNORECASE)
# 850101/1234, 850101 / 123: the slash makes it a birth number whatever the digits.
_BIRTH_NUMBER_SLASH = re.compile(r"(?<!\d)\d{6}\s*/\s*\d{3,4}(?!\d)")
# Bank accounts: 19-2000145399/0800, 2000145399/0800 (not law numbers such as 133/2000).
_BANK_ACCOUNT = re.compile(r"(?<![\d\-])(?:\d{1,6}-\d{2,10}|\d{6,10})/\d{4}(?!\d)")
# +420 777 123 456, 00420777123456, +420-777-123-456
_PHONE_INTERNATIONAL = re.compile(rf"(?<![\d+])(?:\+|00)\s?420{_SEP}\d{{3}}{_SEP}\d{{3}}{_SEP}\d{{3}}(?!\d)")
# 8501011234 or 777123456: a birth number when it starts with a valid date, otherwise a phone or a number.
_NINE_OR_TEN = re.compile(r"(?<!\d)\d{9,10}(?!\d)")
# 777 123 456, 777-123-456
_PHONE_GROUPED = re.compile(r"(?<!\d)\d{3}[ \t.\-]\d{3}[ \t.\-]\d{3}(?!\d)")
# Digits in spaced or dashed groups (1234 5678 9012, 19-123456789): long numbers however they are written.
_GROUPED_DIGITS = re.compile(r"(?<!\d)\d+(?:[ \-/]\d+)+(?!\d)")
_LONG_DIGITS = re.compile(r"\d{5,}")

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Markup, attributes, entities and template or SQL probes: what a scanner sends, never what a person searches for.
_MARKUP = re.compile(r"<\s*[a-z/!?]|[a-z]+\s*=\s*[\"']|&#?\w+;|javascript:|\$\{|\{\{|/\*|--\s*$|"
                     r"\bunion\s+select\b|;\s*(?:drop|select|insert|delete|update)\b|"
                     r"['\"]\s*(?:or|and)\s+['\"]?\w+['\"]?\s*=", re.IGNORECASE)
_WHITESPACE = re.compile(r"\s+")


def _is_birth_number(digits):
    """Whether 9 or 10 digits can be a Czech birth number: YYMMDD (women's months +50, and +20 for numbers
    issued since 2004) and a serial; nine-digit numbers were issued only to people born before 1954."""
    year, month, day = int(digits[:2]), int(digits[2:4]), int(digits[4:6])
    if not 1 <= day <= 31:
        return False
    if len(digits) == 9:
        return year < 54 and (1 <= month <= 12 or 51 <= month <= 62)
    return 1 <= month <= 12 or 21 <= month <= 32 or 51 <= month <= 62 or 71 <= month <= 82


def _nine_or_ten(match):
    digits = match.group()
    if _is_birth_number(digits):
        return BIRTH_NUMBER
    return PHONE if len(digits) == 9 else NUMBER


def _grouped_digits(match):
    digit_count = sum(char.isdigit() for char in match.group())
    return NUMBER if digit_count >= 8 else match.group()


def scrub(text):
    """The text with birth numbers, e-mail addresses, phone numbers and runs of 5+ digits replaced by markers.

    Full-width and other compatibility forms (８５０１０１/１２３４, ｊａｎａ＠ｅｘａｍｐｌｅ．ｃｚ) are read as their plain
    forms first (NFKC), so they cannot slip past the patterns."""
    text = unicodedata.normalize("NFKC", text)
    text = _EMAIL.sub(EMAIL, text)
    text = _BIRTH_NUMBER_SLASH.sub(BIRTH_NUMBER, text)
    text = _BANK_ACCOUNT.sub(NUMBER, text)
    text = _PHONE_INTERNATIONAL.sub(PHONE, text)
    text = _NINE_OR_TEN.sub(_nine_or_ten, text)
    text = _PHONE_GROUPED.sub(PHONE, text)
    text = _GROUPED_DIGITS.sub(_grouped_digits, text)
    return _LONG_DIGITS.sub(NUMBER, text)


def normalise(text):
    """Lowercase, NFC, control characters and lone surrogates dropped, whitespace collapsed, ≤ 200 characters."""
    text = text.encode("utf-8", "ignore").decode("utf-8")  # lone surrogates cannot be stored
    text = unicodedata.normalize("NFC", _CONTROL.sub(" ", text)).lower()
    return _WHITESPACE.sub(" ", text).strip()[:MAX_LENGTH].rstrip()


def plausible(query):
    """Whether a query looks like something a person searched for: at most PLAUSIBLE_LENGTH characters (spaces
    collapsed), no markup or control characters, and at least one letter."""
    if not isinstance(query, str) or _CONTROL.search(query) or _MARKUP.search(query):
        return False
    text = _WHITESPACE.sub(" ", query).strip()
    return 0 < len(text) <= PLAUSIBLE_LENGTH and any(char.isalpha() for char in text)


def clean(query):
    """What the log stores for a query: "" for an implausible one; scrubbed before trimming, so no number is cut in
    half and escapes."""
    if not plausible(query):
        return ""
    # Bound the scrubbing work; the search form caps queries far below this anyway.
    return normalise(scrub(query[:5 * MAX_LENGTH]))


def week_of(moment=None):
    """The Monday (a date) of the ISO week that `moment` (default: now) falls in, in the office's time zone."""
    day = timezone.localdate(moment)
    return day - datetime.timedelta(days=day.weekday())


def _upsert_sql():
    quote = connection.ops.quote_name
    table = quote(QueryStat._meta.db_table)
    week, query, count, zero, last = (quote(QueryStat._meta.get_field(name).column)
                                      for name in ("week", "query", "count", "zero_results", "last_searched"))
    return (
        f"INSERT INTO {table} ({week}, {query}, {count}, {zero}, {last}) VALUES (%s, %s, 1, %s, %s) "
        f"ON CONFLICT ({week}, {query}) DO UPDATE SET {count} = {table}.{count} + 1, "
        f"{zero} = {table}.{zero} + excluded.{zero}, {last} = excluded.{last}"
    )


def _opened_upsert_sql():
    quote = connection.ops.quote_name
    table = quote(OpenedResult._meta.db_table)
    week, query, page, count, positions = (quote(OpenedResult._meta.get_field(name).column)
                                           for name in ("week", "query", "page", "count", "position_sum"))
    return (
        f"INSERT INTO {table} ({week}, {query}, {page}, {count}, {positions}) VALUES (%s, %s, %s, 1, %s) "
        f"ON CONFLICT ({week}, {query}, {page}) DO UPDATE SET {count} = {table}.{count} + 1, "
        f"{positions} = {table}.{positions} + excluded.{positions}"
    )


def _execute(sql, params):
    if connection.in_atomic_block and connection.vendor == "postgresql":
        # A failed statement would poison the surrounding transaction on PostgreSQL: isolate it.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, params)
    else:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)


def record(query, result_count, now=None):
    """Count one search of this query this week (and whether it found nothing) in one statement; never raises."""
    try:
        text = clean(query)
        if not text:
            return
        now = now or timezone.now()
        _execute(_upsert_sql(), [connection.ops.adapt_datefield_value(week_of(now)), text,
                                 1 if result_count == 0 else 0, connection.ops.adapt_datetimefield_value(now)])
    except DatabaseError:
        logger.warning("Could not record a search query in the query log", exc_info=True)
    except Exception:  # analytics must never break search
        logger.exception("Unexpected error while recording a search query")


def record_opened(query, page_id, position, now=None):
    """Count one opening of page `page_id`, shown at `position` (1-based), among the results of `query` this week.

    The caller has checked that the page exists and is live. One statement; returns whether it was counted
    (an empty query is not); never raises.
    """
    try:
        text = clean(query)
        if not text:
            return False
        _execute(_opened_upsert_sql(), [connection.ops.adapt_datefield_value(week_of(now)), text, int(page_id),
                                        int(position)])
        return True
    except DatabaseError:
        logger.warning("Could not record an opened search result in the query log", exc_info=True)
    except Exception:  # analytics must never break opening a result
        logger.exception("Unexpected error while recording an opened search result")
    return False
