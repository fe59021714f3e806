"""Is this answer from our own form, recently? A cookie-free replacement for Django's CSRF check.

Django's CSRF protection needs a cookie (or, with CSRF_USE_SESSIONS, a session cookie), and anonymous citizens
get no cookie from this site. An anonymous feedback form has no session to hijack, so what needs stopping is
another site making visitors' browsers post answers. Two checks do it without a cookie:

* The form carries a token: the page id signed with SECRET_KEY and the time it was issued. An answer needs a
  token for its own page, issued less than FEEDBACK_TOKEN_MAX_AGE ago (a day by default).
* Browsers send an Origin header with every cross-site POST (and fetch); it must name this site (or one of
  CSRF_TRUSTED_ORIGINS). Without Origin, a Referer, if sent, must do the same. A request with neither is not a
  browser's cross-site POST, and the token still has to be right.

The token depends on the page and the hour, never on the visitor: every visitor of a page gets the same
form, so the page stays cacheable. A cache in front of the site may serve a token as old as the cache
lifetime, so FEEDBACK_TOKEN_MAX_AGE must stay well above it (a day against minutes or an hour).
"""

import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.utils.http import is_same_domain

SALT = "navigator.feedback.form"
DEFAULT_MAX_AGE = 24 * 60 * 60
ISSUE_GRANULARITY = 60 * 60  # tokens issued in the same hour are identical: pages render byte-for-byte alike
MAX_TOKEN_LENGTH = 200


class TokenMissing(Exception):
    pass


class TokenInvalid(Exception):
    pass


class TokenExpired(Exception):
    pass


class _HourlySigner(signing.TimestampSigner):
    def timestamp(self):
        return signing.b62_encode(int(time.time()) // ISSUE_GRANULARITY * ISSUE_GRANULARITY)


def _signer():
    return _HourlySigner(salt=SALT)


def max_age():
    return getattr(settings, "FEEDBACK_TOKEN_MAX_AGE", DEFAULT_MAX_AGE)


def issue(page_id):
    """The token the form of this page carries."""
    return _signer().sign(str(page_id))


def verify(token, page_id):
    """Raise TokenMissing, TokenInvalid or TokenExpired unless the token was issued for this page recently."""
    if not token:
        raise TokenMissing
    if not isinstance(token, str) or len(token) > MAX_TOKEN_LENGTH:
        raise TokenInvalid
    try:
        value = _signer().unsign(token, max_age=max_age())
    except signing.SignatureExpired:
        # Expired is only worth saying when the token was genuine and for this page.
        value = _signer().unsign(token)
        if value != str(page_id):
            raise TokenInvalid from None
        raise TokenExpired from None
    except signing.BadSignature:
        raise TokenInvalid from None
    if value != str(page_id):
        raise TokenInvalid


def _origin_of(url):
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"


def _trusted(origin, request):
    if origin == f"{request.scheme}://{request.get_host()}":
        return True
    for trusted in getattr(settings, "CSRF_TRUSTED_ORIGINS", []):
        if origin == trusted:
            return True
        scheme, _, host_pattern = trusted.partition("://")
        if "*" in host_pattern and origin.startswith(f"{scheme}://"):
            if is_same_domain(urlsplit(origin).netloc, host_pattern.replace("*", "", 1)):
                return True
    return False


def same_origin(request):
    """Whether the request came from a page of this site, as far as the browser says (see above)."""
    origin = request.headers.get("Origin")
    if origin is not None:
        return _trusted(origin, request)  # "null" (sandboxed frames, privacy redirects) is never trusted
    referer = request.headers.get("Referer")
    if referer is not None:
        origin = _origin_of(referer)
        return origin is not None and _trusted(origin, request)
    return True
