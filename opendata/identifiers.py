"""Stable identifiers (URIs) of the catalog's things in the open data.

They are built from the setting OPEN_DATA_BASE_URI, never from the host a request came to, so the same
service has the same URI in every export, on every server and behind every proxy. A page's slug is its
identity: renaming a page keeps its URI, changing the slug changes it (as it changes the page's address).
"""

from urllib.parse import quote

from django.conf import settings
from django.utils.text import slugify

# The path segment of each kind of thing, in Czech like the site's addresses.
KINDS = {
    "situation": "situace",
    "service": "sluzba",
    "counter": "pracoviste",
    "document": "doklad",
    "form": "formular",
    "organisation": "organizace",
    "topic": "oblast",
    "legal": "predpis",
    "channel": "kanal",
    "channel_type": "typ-kanalu",
    "document_type": "typ-dokladu",
    "dataset": "datova-sada",
    "catalog": "katalog",
}

# The office itself; its departments are units below it.
OFFICE = "urad"


def base_uri():
    return settings.OPEN_DATA_BASE_URI.rstrip("/")


def uri(kind, *parts):
    """`uri("service", "vydani-obcanskeho-prukazu")` → https://…/id/sluzba/vydani-obcanskeho-prukazu"""
    path = "/".join(quote(str(part), safe="") for part in parts)
    return f"{base_uri()}/id/{KINDS[kind]}" + (f"/{path}" if path else "")


def office_uri():
    return uri("organisation", OFFICE)


def department_uri(department):
    return uri("organisation", OFFICE, department.slug)


def organisation_uri(name, office_name):
    """An organisation known only by its name (a service's provider, a counter's operator)."""
    if name.strip().casefold() == (office_name or "").strip().casefold():
        return office_uri()
    return uri("organisation", slugify(name) or "neznama")


def legal_uri(act):
    """A legal act by its number: „133/2000 Sb.“ → …/id/predpis/133-2000-sb"""
    return uri("legal", slugify(act.replace("/", "-")))


def fee_uri(service, position):
    """A service's fee by its place in the service's list (1, 2, …)."""
    return uri("service", service.slug, "poplatek", position)


# The national register of public authorities (RPP) publishes every authority at this address.
PUBLIC_AUTHORITY_REGISTER = "https://rpp-opendata.egon.gov.cz/odrpp/zdroj/orgán-veřejné-moci/"


def publisher_uri():
    """The office as the Czech national catalogue (NKOD) knows its publishers: its IRI in the RPP register."""
    return PUBLIC_AUTHORITY_REGISTER + quote(settings.OPEN_DATA_PUBLISHER, safe="")
