"""Who is asking: the client's address, as the login rate limit (django-axes) and the feedback rate limit see it.

Behind a reverse proxy every request comes from the proxy's address, so limits keyed on REMOTE_ADDR would
lock out everyone at once. TRUSTED_PROXY_COUNT says how many proxies stand in front of the site; each appends
the address it was reached from to X-Forwarded-For, so the client is that many places from the right.
Whatever the client itself wrote further left is ignored: it could be anything.
"""

from django.conf import settings


def client_address(request):
    """The client's IP address (a string, empty when unknown)."""
    proxies = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0)
    if proxies > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
