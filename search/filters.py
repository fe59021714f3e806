"""The search page's and the API's parameters, parsed and validated by one django-filter FilterSet."""

import django_filters
from django.utils.translation import gettext_lazy as _

from languages.locales import in_default_language
from navigator.kept import KeptInWorker
from navigator.visibility import visible
from services.models import Audience, Department
from situations.models import TopicPage

from .backends.base import SearchFilters
from .facets import AUDIENCES, FACETS
from .models import IndexedDocument
from .result_types import ResultType

AUDIENCE_CHOICES = [(value, Audience(value).label) for value in AUDIENCES]


_choices = KeptInWorker(8)  # (version, facet) -> its choices: the same for every query of a content version


def topic_choices():
    return _choices.for_request(("topic",), lambda: [
        (topic.slug, topic.title) for topic in in_default_language(visible(TopicPage.objects.all())).order_by("path")])


def department_choices():
    return _choices.for_request(
        ("department",), lambda: list(in_default_language(Department.objects).values_list("slug", "name")))


class SearchFilterSet(django_filters.FilterSet):
    """Validates the facet parameters, one per facet and named as it is; the chosen backend applies them."""

    type = django_filters.ChoiceFilter(label=_("Typ"), choices=ResultType.choices)
    audience = django_filters.ChoiceFilter(label=_("Pro koho"), choices=AUDIENCE_CHOICES)
    topic = django_filters.ChoiceFilter(label=_("Oblast"), choices=topic_choices)
    department = django_filters.ChoiceFilter(label=_("Odbor"), choices=department_choices)

    class Meta:
        model = IndexedDocument
        fields = []

    def search_filters(self):
        """The valid parameters as SearchFilters; invalid ones are left out (and reported by .errors)."""
        self.is_valid()
        data = getattr(self.form, "cleaned_data", {})
        return SearchFilters(**{name: data.get(name) or "" for name in FACETS})
