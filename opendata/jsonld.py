"""The small pieces every JSON-LD document of the open data is written with: language-tagged strings, links,
typed literals, leaving out what is empty, and schema.org's names for weekdays.

The CPSV-AP graph, the DCAT-AP description and the schema.org blocks on pages are plain dicts built from
these, so they read the same way and an empty value never reaches a consumer as "" or [].
"""

from services.hours import hhmm, weekly_in_order

SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# The two-letter days of schema.org's openingHours text („Mo,We 08:00-12:00“).
SCHEMA_SHORT_DAYS = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]


def cs(text):
    """A Czech language-tagged string."""
    return {"@value": str(text), "@language": "cs"}


def ref(uri):
    return {"@id": uri}


def typed(value, datatype):
    return {"@value": str(value), "@type": datatype}


def compact(node):
    """Leaves out empty values, so optional properties that have nothing to say are simply absent."""
    return {key: value for key, value in node.items() if value not in (None, "", [], {})}


def schema_day(weekday):
    """schema.org's IRI of a weekday (0 = Monday)."""
    return f"https://schema.org/{SCHEMA_DAYS[weekday]}"


def opening_hours_text(opening_hours):
    """Weekly hours in schema.org's short form, days with the same interval together: ["Mo,We 08:00-12:00", …]."""
    days_by_interval = {}
    for row in weekly_in_order(opening_hours):
        days_by_interval.setdefault((row.opens, row.closes), []).append(SCHEMA_SHORT_DAYS[row.weekday])
    return [f"{','.join(days)} {hhmm(opens)}-{hhmm(closes)}" for (opens, closes), days in days_by_interval.items()]
