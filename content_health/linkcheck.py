"""Does an external link still answer? HEAD first, GET when HEAD is refused; a few at a time, with a timeout.

Used by `manage.py check_form_links`; nothing here touches the database, so the threads need no connection.
"""

import http.client
import socket
import ssl
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.utils.translation import gettext as _

USER_AGENT = "Mozilla/5.0 (compatible; navigator-linkcheck/1.0)"
DEFAULT_TIMEOUT = 10.0
DEFAULT_WORKERS = 4


@dataclass(frozen=True)
class LinkResult:
    url: str
    status: int | None  # the HTTP status of the last answer, None when there was none
    error: str = ""  # why there was no answer (timeout, refused, invalid address)

    @property
    def ok(self):
        # A final 3xx is a redirect that could not be followed (a loop, or to a non-web address).
        return self.status is not None and self.status < 300

    @property
    def problem(self):
        """A short Czech description of what is wrong, or an empty string."""
        if self.ok:
            return ""
        if self.status is not None and self.status < 400:
            return _("odpověď HTTP %(status)s (přesměrování, které nikam nevede)") % {"status": self.status}
        if self.status is not None:
            return _("odpověď HTTP %(status)s") % {"status": self.status}
        return self.error


class RedirectHandler(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http(s), and keep asking with HEAD (urllib would switch to GET)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme not in ("http", "https"):
            return None
        redirected = super().redirect_request(req, fp, code, msg, headers, newurl)
        if redirected is not None and req.get_method() == "HEAD":
            redirected.method = "HEAD"
        return redirected


OPENER = urllib.request.build_opener(RedirectHandler)


def request(url, method, timeout):
    """The status of one request; raises OSError-likes when nothing answered."""
    req = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with OPENER.open(req, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as answer:
        answer.close()
        return answer.code


def describe_failure(error):
    reason = getattr(error, "reason", error)
    if isinstance(reason, (socket.timeout, TimeoutError)) or "timed out" in str(reason):
        return _("neodpovídá (vypršel časový limit)")
    if isinstance(reason, ConnectionRefusedError):
        return _("neodpovídá (spojení odmítnuto)")
    if isinstance(reason, socket.gaierror):
        return _("neodpovídá (neznámý server)")
    if isinstance(reason, ssl.SSLError):
        return _("neodpovídá (chyba zabezpečeného spojení nebo certifikátu)")
    return _("neodpovídá (%(reason)s)") % {"reason": reason.__class__.__name__}


def is_timeout(error):
    reason = getattr(error, "reason", error)
    return isinstance(reason, (socket.timeout, TimeoutError)) or "timed out" in str(reason)


def check_url(url, timeout=DEFAULT_TIMEOUT):
    """HEAD the URL; when HEAD gets an error status or a dropped connection, ask again with GET.

    Some servers refuse HEAD (405, 403, 501) or close the connection on it while GET works; a HEAD that
    timed out is not repeated, since a GET would only wait as long again.
    """
    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
        return LinkResult(url, None, _("neplatná adresa"))
    try:
        status = request(url, "HEAD", timeout)
        if status < 300:
            return LinkResult(url, status)
    except (OSError, http.client.HTTPException, ValueError) as error:
        if is_timeout(error):
            return LinkResult(url, None, describe_failure(error))
    try:
        return LinkResult(url, request(url, "GET", timeout))
    except (OSError, http.client.HTTPException, ValueError) as error:
        return LinkResult(url, None, describe_failure(error))


def check_urls(urls, timeout=DEFAULT_TIMEOUT, workers=DEFAULT_WORKERS, progress=None):
    """Check each distinct URL once, `workers` at a time; `progress(done, total)` after each one.

    Returns {url: LinkResult}.
    """
    distinct = list(dict.fromkeys(urls))
    results = {}
    if progress:
        progress(0, len(distinct))
    with ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="linkcheck") as pool:
        futures = {pool.submit(check_url, url, timeout): url for url in distinct}
        for future in as_completed(futures):
            results[futures[future]] = future.result()
            if progress:
                progress(len(results), len(distinct))
    return results
