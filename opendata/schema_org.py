"""schema.org `GovernmentService` descriptions of service and situation pages, for the JSON-LD in their HTML.

Search engines and assistants read them: who provides the service, where it is served and when it is open.
They are built from what the page has already fetched (its counters with their hours, its forms), so adding
them costs the page no query.
"""

import json

from django.conf import settings

from navigator.address import absolute as site_address
from services.hours import hhmm, weekly_in_order
from services.models import ApplicationForm

from . import identifiers
from .jsonld import compact, schema_day

# JSON inside <script> must not be able to close the element or open a comment: escape <, > and & the
# way Django's json_script does. The JSON stays valid and means the same.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def script_json(data):
    """JSON text safe to put between <script type="application/ld+json"> and </script>."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(SCRIPT_ESCAPES)


def absolute(request, url):
    """The full address of a URL on this site (SITE_URL), or None for no URL."""
    return site_address(url) if url else None


def organisation(name, department=None):
    node = {"@type": "GovernmentOrganization", "name": name}
    if department is not None:
        node["department"] = compact({"@type": "GovernmentOrganization", "name": department.name,
                                      "email": department.email, "telephone": department.phone})
    return compact(node)


def counter_channel(counter, request):
    """A counter as a ServiceChannel whose location is a GovernmentOffice with its address and hours."""
    special = []
    for row in counter.upcoming_exceptions():
        opens, closes = ("00:00", "00:00") if row.closed else (hhmm(row.opens), hhmm(row.closes))
        special.append({"@type": "OpeningHoursSpecification", "validFrom": row.date.isoformat(),
                        "validThrough": row.date.isoformat(), "opens": opens, "closes": closes})
    location = compact({
        "@type": "GovernmentOffice",
        "name": counter.title,
        "url": absolute(request, counter.get_url(request)),
        "address": compact({"@type": "PostalAddress", "streetAddress": counter.street,
                            "postalCode": counter.postcode, "addressLocality": counter.city,
                            "addressCountry": "CZ"}),
        "geo": {"@type": "GeoCoordinates", "latitude": float(counter.latitude), "longitude": float(counter.longitude)}
        if counter.latitude is not None and counter.longitude is not None else None,
        "telephone": counter.phone,
        "email": counter.email,
        "openingHoursSpecification": [
            {"@type": "OpeningHoursSpecification", "dayOfWeek": schema_day(row.weekday),
             "opens": hhmm(row.opens), "closes": hhmm(row.closes)}
            for row in weekly_in_order(counter.opening_hours.all())
        ],
        "specialOpeningHoursSpecification": special,
    })
    return compact({
        "@type": "ServiceChannel",
        "name": counter.title,
        "serviceLocation": location,
        "servicePhone": {"@type": "ContactPoint", "telephone": counter.phone} if counter.phone else None,
        "serviceUrl": counter.booking_url,
    })


def form_channel(form, request):
    return {"@type": "ServiceChannel", "name": form.title, "serviceUrl": absolute(request, form.link)}


def government_service(*, page, request, identifier, provider, service_type, counters, forms):
    online_forms = [form for form in forms if form.kind == ApplicationForm.Kind.ONLINE and form.link]
    return compact({
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "identifier": identifier,
        "name": page.title,
        "description": page.summary,
        "url": absolute(request, page.get_url(request)),
        "serviceType": service_type,
        "audience": {"@type": "Audience", "audienceType": str(page.get_audience_display())},
        "provider": provider,
        "areaServed": {"@type": "AdministrativeArea", "name": settings.OPEN_DATA_AREA},
        "availableChannel": [counter_channel(counter, request) for counter in counters]
        + [form_channel(form, request) for form in online_forms],
    })


def for_service(page, request, *, counters, forms, situations):
    """A service page: provided by whoever the page names, typed by the life situations it belongs to."""
    return government_service(
        page=page, request=request, identifier=identifiers.uri("service", page.slug),
        provider=organisation(page.provider, page.department if page.department_id else None),
        service_type=[situation.title for situation in situations], counters=counters, forms=forms,
    )


def for_situation(page, request, *, office_name, counters, forms):
    """A situation page: provided by the office (and its responsible department), typed by its topic."""
    return government_service(
        page=page, request=request, identifier=identifiers.uri("situation", page.slug),
        provider=organisation(office_name, page.department if page.department_id else None),
        service_type=page.topic.title, counters=counters, forms=forms,
    )
