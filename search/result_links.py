"""Links to search results that count an opening: how they are built, read back, and which requests count.

A result on the search page (and an autocomplete suggestion) links to /hledat/otevrit/?q=<query>&r=<page id>&p=
<position>. That view looks the page up by id among live pages (so it can only ever send people to our own
pages: no open redirect), counts the opening through querylog.record_opened() and answers 302 with the page's
URL. It works without JavaScript, in every browser and with every blocker, and robots.txt keeps crawlers out of
/hledat/ (the links also carry rel="nofollow").

What counts: a GET from something that looks like a browser. Not counted: crawlers and tools by their
User-Agent (or none at all), prefetches, HEAD requests, and clicks on our links placed on other websites
(a Referer from another host). Nothing identifies a person, by design, so one client can still add one opening
per request by repeating it; a rate limit at the proxy (on /hledat/otevrit/) is the place to stop floods.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from . import querylog

MAX_POSITION = 10_000
_PAGE_ID = re.compile(r"[1-9][0-9]{0,17}")  # stays within a 64-bit integer
_POSITION = re.compile(r"[1-9][0-9]{0,4}")

# Obvious crawlers, link previewers, monitors and HTTP libraries; browsers say none of these words.
_NOT_A_BROWSER = re.compile(
    r"(?<!cu)bot|crawl|spider|slurp|scrap|archiver|preview|facebookexternalhit|embedly|whatsapp|telegram|"
    r"skypeuripreview|bitlyurl|lighthouse|pingdom|uptime|monitor|validator|checker|curl|wget|httpie|python|"
    r"java/|go-http|okhttp|axios|node-fetch|undici|libwww|perl|ruby|php/|httpclient|http_request|postman",
    re.IGNORECASE,
)


class BadLink(ValueError):
    """The link's parameters cannot be read; the message says why, in Czech."""


@dataclass(frozen=True)
class ResultLink:
    query: str      # as the query log stores it (scrubbed, normalised); "" when the link had none
    page_id: int
    position: int | None


def open_urls(query, page_ids, first_position=1):
    """The links that open each of these results, shown from `first_position` (1-based) on for `query`.

    The query in the links is already scrubbed, so personal data typed into the box is not repeated in them;
    it is cleaned once for all the links of a page.
    """
    start = f"{reverse('search_open')}?{urlencode({'q': querylog.clean(query)})}"
    return [f"{start}&r={int(page_id or 0)}&p={int(position)}"
            for position, page_id in enumerate(page_ids, start=first_position)]


def open_url(query, page_id, position):
    """The link that opens result `page_id`, shown at `position` for `query`, and counts it."""
    return open_urls(query, [page_id], position)[0]


def parse(params):
    """The ResultLink from a request's GET parameters, or BadLink.

    `r` (the page id) is required; `p` (the position), if given, must be a whole number from 1 to 10 000;
    without `q` or `p` the link still leads to the page but counts nothing.
    """
    raw_page = params.get("r", "")
    if not isinstance(raw_page, str) or not raw_page.strip():
        raise BadLink(_("V odkazu chybí, kterou stránku otevřít."))
    if not _PAGE_ID.fullmatch(raw_page.strip()):
        raise BadLink(_("Odkaz na výsledek hledání je neplatný: „%(value)s“ není číslo stránky.")
                      % {"value": _shorten(raw_page)})
    raw_position = params.get("p", "")
    position = None
    if raw_position not in ("", None):
        if not isinstance(raw_position, str) or not _POSITION.fullmatch(raw_position.strip()) \
                or int(raw_position) > MAX_POSITION:
            raise BadLink(_("Odkaz na výsledek hledání je neplatný: „%(value)s“ není pořadí výsledku.")
                          % {"value": _shorten(raw_position)})
        position = int(raw_position)
    return ResultLink(query=querylog.clean(params.get("q", "")), page_id=int(raw_page), position=position)


def counts(request):
    """Whether this request is a person opening a result from our own site (see the module's docstring)."""
    if request.method != "GET":
        return False
    user_agent = request.headers.get("User-Agent", "")
    if not user_agent.strip() or _NOT_A_BROWSER.search(user_agent):
        return False
    purpose = f"{request.headers.get('Sec-Purpose', '')} {request.headers.get('Purpose', '')}"
    if "prefetch" in purpose.lower() or "prefetch" in request.headers.get("X-Moz", "").lower():
        return False
    referer = request.headers.get("Referer")  # browsers may leave it out; when present, it must be us
    return not referer or url_has_allowed_host_and_scheme(referer, allowed_hosts={request.get_host()})


def _shorten(value):
    text = str(value).replace("\x00", "")
    return text if len(text) <= 30 else text[:30] + "…"
