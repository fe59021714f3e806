"""Template tags for the pages that offer booking: {% booking_offers service=page as offers %} (or counter=,
or services= for a checklist), then {% offers_for_step offers step as step_offers %} inside its steps."""

from django import template

from booking.offers import offers as find_offers

register = template.Library()


@register.simple_tag
def booking_offers(service=None, counter=None, services=None):
    if service is not None:
        return find_offers(services=[service])
    if counter is not None:
        return find_offers(counters=[counter])
    return find_offers(services=list(services or []))


@register.simple_tag
def offers_for_step(offers, step):
    return offers.for_step(step) if offers else []
