from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from navigator.fragments import kept_html
from navigator.models import OfficeSettings
from services.models import ServicePage
from situations.models import SituationPage

from .. import schema_org

register = template.Library()


@register.simple_tag(takes_context=True)
def government_service_jsonld(context):
    """The page's schema.org GovernmentService as an inline JSON-LD data block (not executed, so CSP-safe).

    Reads what the page's context already holds: a service page's counters and the situations it is part
    of, a situation page's composed checklist (its counters and forms).
    """
    page, request = context.get("page"), context.get("request")
    if isinstance(page, ServicePage):
        data = schema_org.for_service(page, request, counters=context.get("service_counters") or [],
                                      forms=page.forms.all(), situations=context.get("part_of") or [])
    elif isinstance(page, SituationPage) and context.get("situation") is not None:
        # The same for every set of answers that shows the same counters and forms: kept per content version.
        composed = context["situation"]
        parts = ("jsonld", page.pk, tuple(counter.pk for counter in composed.counters),
                 tuple(form.pk for form in composed.forms))
        return kept_html(request, parts, lambda: _script(schema_org.for_situation(
            page, request, office_name=OfficeSettings.for_request(request).office_name,
            counters=composed.counters, forms=composed.forms)))
    else:
        return ""
    return _script(data)


def _script(data):
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(schema_org.script_json(data)))
