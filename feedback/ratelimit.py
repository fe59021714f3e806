"""At most FEEDBACK_RATE_LIMIT answers per client and time slot (navigator.ratelimit counts them)."""

from navigator.ratelimit import RateLimit

DEFAULT_LIMIT = 5
DEFAULT_PERIOD = 10 * 60  # seconds

ANSWERS = RateLimit("feedback", "FEEDBACK_RATE_LIMIT", (DEFAULT_LIMIT, DEFAULT_PERIOD))


def limits():
    """(answers allowed, in how many seconds)."""
    return ANSWERS.limits()


def hit(request, now=None):
    """Count one answer of this request's client and say whether it is within the limit."""
    return ANSWERS.hit(request, now)
