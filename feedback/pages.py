"""Which pages take feedback (live situations and services) and which department owns each."""

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q
from wagtail.models import Page

# The page types that show the form; each has a `department`.
CHILDREN = ("situationpage", "servicepage")


def find(page_id):
    """The live situation or service page with this id, with its department; None if there is none."""
    takes_feedback = Q()
    for child in CHILDREN:
        takes_feedback |= Q(**{f"{child}__isnull": False})
    return (Page.objects.live().filter(takes_feedback, pk=page_id)
            .select_related(*(f"{child}__department" for child in CHILDREN)).first())


def department_of(page):
    """The page's department, without a query when the page came from `find`."""
    for child in CHILDREN:
        try:
            return getattr(page, child).department
        except ObjectDoesNotExist:
            continue
    return None
