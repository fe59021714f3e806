"""The A–Z list of services (/sluzby/): filters, counts beside every option, pages, messages for bad input."""

from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from navigator import pagecache

from .filters import ServiceFilter, department_queryset
from .snippets import Audience, Channel


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    multiple: bool
    options: list

    @property
    def any_selected(self):
        return any(option.selected for option in self.options)


def service_list_context(request, queryset):
    """Everything the list's template needs, from the request's query string."""
    data = request.GET.copy()
    filterset = ServiceFilter(data, queryset=queryset, request=request)
    notices = [
        _("Filtr „%(label)s“ má neplatnou hodnotu, proto se nepoužil: %(error)s")
        % {"label": filterset.form.fields[name].label, "error": " ".join(errors)}
        for name, errors in filterset.errors.items()
    ]
    valid = filterset.form.cleaned_data if filterset.is_bound else {}
    results = filterset.qs.select_related("department").order_by("title")

    paginator = Paginator(results, settings.CATALOG_PAGE_SIZE)
    raw_page = data.get("page", "1")
    page_obj = paginator.get_page(raw_page)
    if raw_page != str(page_obj.number) and "page" in data:
        notices.append(_("Stránka „%(page)s“ neexistuje, zobrazujeme stránku %(number)s.")
                       % {"page": raw_page[:20], "number": page_obj.number})

    if notices:
        pagecache.one_off(request)
    return {
        "filterset": filterset,
        "page_obj": page_obj,
        "services": page_obj.object_list,
        "facets": _facets(data, queryset, valid),
        "notices": notices,
        "query_without_page": _without(data, "page"),
        "filtered": any(valid.get(name) for name in ServiceFilter.base_filters),
    }


def _without(data, *names):
    data = data.copy()
    for name in names:
        data.pop(name, None)
    return data.urlencode()


def _queryset_without(data, queryset, name):
    """The services matching every filter but one: what an option of that filter would add to."""
    data = data.copy()
    data.pop(name, None)
    return ServiceFilter(data, queryset=queryset).qs


def _facets(data, queryset, valid):
    facets = []

    audience_counts = dict(
        _queryset_without(data, queryset, "audience").order_by().values_list("audience").annotate(n=Count("pk", distinct=True))
    )
    facets.append(Facet("audience", _("Pro koho"), False, [
        FacetOption(value, str(label),
                    sum(audience_counts.get(stored, 0) for stored in Audience.matching(value)),
                    valid.get("audience") == value)
        for value, label in ServiceFilter.base_filters["audience"].extra["choices"]
    ]))

    topic_field = ServiceFilter(data, queryset=queryset).form.fields["topic"]
    topics = list(topic_field.queryset)
    topic_paths = Counter()
    pairs = set(_queryset_without(data, queryset, "topic")
                .filter(situation_steps__isnull=False)
                .values_list("pk", "situation_steps__page__path"))
    for service_pk, path in pairs:
        for topic in topics:
            if path.startswith(topic.path):
                topic_paths[(topic.pk, service_pk)] = 1
    topic_counts = Counter(topic_pk for topic_pk, _service in topic_paths)
    selected_topic = valid.get("topic")
    facets.append(Facet("topic", _("Oblast"), False, [
        FacetOption(topic.slug, topic.title, topic_counts.get(topic.pk, 0),
                    selected_topic is not None and selected_topic.pk == topic.pk)
        for topic in topics
    ]))

    department_counts = dict(
        _queryset_without(data, queryset, "department")
        .filter(department__isnull=False).order_by().values_list("department__slug").annotate(n=Count("pk", distinct=True))
    )
    selected_department = valid.get("department")
    facets.append(Facet("department", _("Odbor"), False, [
        FacetOption(department.slug, department.name, department_counts.get(department.slug, 0),
                    selected_department is not None and selected_department.pk == department.pk)
        for department in department_queryset()
    ]))

    channel_counts = _queryset_without(data, queryset, "channel").aggregate(**{
        channel.value: Count("pk", filter=Q(**{f"channel_{channel.value}": True}), distinct=True)
        for channel in Channel
    })
    selected_channels = set(valid.get("channel") or [])
    facets.append(Facet("channel", _("Jak vyřídit"), True, [
        FacetOption(channel.value, str(channel.label), channel_counts[channel.value], channel.value in selected_channels)
        for channel in Channel
    ]))
    return facets

