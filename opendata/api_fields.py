"""Serializer fields for pages' `api_fields` that point to other pages.

A related page (a step's services, a service's counters, a related situation) appears in the API only when
the pages endpoint would list it to the same request: live and not behind a view restriction the request has not
passed (navigator.visibility), with id, meta (type, detail_url, html_url) and title. A draft, an unpublished or a
restricted page linked from a published one stays out of the API, as it stays off the public site.
"""

from rest_framework.fields import Field

from navigator.visibility import may_see, visible_q


def page_reference(page, context):
    # Imported here: this module is imported by models.py, before Wagtail's API may load models.
    from wagtail.api.v2.utils import get_object_detail_url

    meta = {"type": f"{page.specific_class._meta.app_label}.{page.specific_class.__name__}"
            if page.specific_class else None}
    router, request = context.get("router"), context.get("request")
    if router is not None and request is not None:
        meta["detail_url"] = get_object_detail_url(router, request, type(page), page.pk)
    meta["html_url"] = page.get_full_url(request)
    return {"id": page.pk, "meta": meta, "title": page.title, "slug": page.slug}


class LivePage(Field):
    """One related page (a foreign key), or null when the request may not see it."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, page):
        return page_reference(page, self.context) if may_see(page, self.context.get("request")) else None


class LivePages(Field):
    """Related pages (a many-to-many) the request may see, in their stored order, in the relation's one query."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return getattr(instance, self.source).filter(visible_q(self.context.get("request")))

    def to_representation(self, pages):
        return [page_reference(page, self.context) for page in pages]


class LiveChosenPages(LivePages):
    """Pages chosen through ordered rows (a step's services through its `service_uses`), in the rows' order, those
    the request may see."""

    def __init__(self, attribute, **kwargs):
        super().__init__(**kwargs)
        self.attribute = attribute

    def get_attribute(self, instance):
        rows = (getattr(instance, self.source).select_related(self.attribute)
                .filter(visible_q(self.context.get("request"), prefix=f"{self.attribute}__")))
        return [getattr(row, self.attribute) for row in rows]
