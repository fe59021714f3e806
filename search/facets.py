"""The facets both backends offer, and what a filter on each of them matches.

A filter narrows the results to documents whose value is one of `allowed_values(name, wanted)`; a facet counts,
for each value a visitor can choose, the documents that choosing it would keep. Audience is the one facet where
the two differ from plain equality: a page for "both" audiences serves citizens and businesses alike
(services.models.Audience.matching), so it is kept by either filter and counted under each.
"""

from services.models import Audience

FACETS = ("type", "audience", "topic", "department")
AUDIENCES = (Audience.CITIZENS.value, Audience.BUSINESSES.value)  # what a visitor chooses from


def allowed_values(name, wanted):
    """The stored values a filter `name=wanted` keeps."""
    if name == "audience":
        return [str(value) for value in Audience.matching(wanted)]
    return [wanted]


def active_filters(filters, skip=None):
    """(facet name, allowed stored values) for each filter that is set, leaving out `skip`."""
    return [(name, allowed_values(name, getattr(filters, name))) for name in FACETS
            if name != skip and getattr(filters, name)]


def counted_as(name, stored):
    """The facet values a document with this stored value is counted under."""
    if not stored:
        return ()
    if name == "audience":
        return tuple(value for value in AUDIENCES if stored in Audience.matching(value))
    return (stored,)


def count(name, stored_counts):
    """Facet counts from the number of documents per stored value ({"both": 2, "citizens": 1} -> …)."""
    counts = {}
    for stored, number in stored_counts.items():
        for value in counted_as(name, stored):
            counts[value] = counts.get(value, 0) + number
    return counts
