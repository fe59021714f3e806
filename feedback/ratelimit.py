"""How many answers one client may send: FEEDBACK_RATE_LIMIT to one page, and FEEDBACK_ADDRESS_LIMIT to all pages
together, each (answers, seconds), counted by navigator.ratelimit without addresses.

A whole office (a school, a library, the town hall itself) may sit behind one address, so the tight limit counts
answers to one page; the ceiling over all pages is higher and only stops someone sending answers to every page.
"""

from navigator.ratelimit import RateLimit, hit_all

DEFAULT_LIMIT = 5  # answers to one page
DEFAULT_ADDRESS_LIMIT = 50  # answers to all pages together
DEFAULT_PERIOD = 10 * 60  # seconds

ANSWERS = RateLimit("feedback", "FEEDBACK_RATE_LIMIT", (DEFAULT_LIMIT, DEFAULT_PERIOD))
ANSWERS_FROM_ADDRESS = RateLimit("feedback-address", "FEEDBACK_ADDRESS_LIMIT", (DEFAULT_ADDRESS_LIMIT, DEFAULT_PERIOD))


def limits():
    """(answers allowed to one page, in how many seconds)."""
    return ANSWERS.limits()


def hit(request, page_id, now=None):
    """Count one answer of this request's client to a page and say whether it is within both limits (the verdict
    of the ceiling when only the ceiling refuses)."""
    to_page, overall = hit_all(request, [(ANSWERS, page_id), (ANSWERS_FROM_ADDRESS, None)], now)
    return overall if to_page.allowed and not overall.allowed else to_page
