"""The A–Z list of services (/sluzby/): filters, counts beside every option, pages, messages for bad input."""

from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Paginator
from django.utils.translation import gettext as _

from navigator import pagecache
from navigator.kept import KeptInWorker

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


def service_list_context(request, queryset, kept_as=None):
    """Everything the list's template needs, from the request's query string.

    `kept_as` names the list (the catalog page's key) when what the facets count may be kept per content version in
    the worker: the listed services, the topics and the departments are the same for every filter an anonymous
    visitor chooses."""
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
        "facets": _facets(_listing(filterset.form.fields["topic"].queryset, queryset, kept_as), valid),
        "notices": notices,
        "query_without_page": _without(data, "page"),
        "filtered": any(valid.get(name) for name in ServiceFilter.base_filters),
    }


def _without(data, *names):
    data = data.copy()
    for name in names:
        data.pop(name, None)
    return data.urlencode()


@dataclass(frozen=True)
class _Row:
    """What the facets need to know of one listed service."""

    pk: int
    audience: str
    department_id: int | None
    department_slug: str | None  # the same in every language, as the department facet counts it
    channels: frozenset
    paths: tuple  # the paths of the situations whose steps use it


def _rows(queryset):
    """Every listed service as a _Row, in two queries whatever the filters: the facets count these in Python."""
    channels = [channel.value for channel in Channel]
    paths = {}
    for pk, path in (queryset.filter(situation_steps__isnull=False).order_by()
                     .values_list("pk", "situation_steps__page__path")):
        paths.setdefault(pk, []).append(path)
    return [
        _Row(pk, audience, department_id, department_slug,
             frozenset(name for name, flag in zip(channels, flags) if flag), tuple(paths.get(pk, ())))
        for pk, audience, department_id, department_slug, *flags in queryset.order_by().values_list(
            "pk", "audience", "department_id", "department__slug", *(f"channel_{name}" for name in channels))
    ]


def _matches(row, valid, leave_out):
    """Whether the service passes every valid filter but `leave_out`, as ServiceFilter's own filters decide."""
    audience, topic, department, channels = (None if name == leave_out else valid.get(name)
                                             for name in ("audience", "topic", "department", "channel"))
    return ((not audience or row.audience in Audience.matching(audience))
            and (not topic or any(path.startswith(topic.path) for path in row.paths))
            and (department is None or row.department_id == department.pk)
            and (not channels or all(channel in row.channels for channel in channels)))


MAX_KEPT_LISTINGS = 16
_listings = KeptInWorker(MAX_KEPT_LISTINGS)  # (version, list's name) -> _Listing


@dataclass(frozen=True)
class _Listing:
    """What the facets count over: every listed service, the topics and the departments (in the list's language)."""

    rows: list
    topics: list
    departments: list


def _listing(topics, queryset, kept_as):
    def read():
        return _Listing(_rows(queryset), list(topics), list(department_queryset()))

    return read() if kept_as is None else _listings.for_request((kept_as,), read)


def _facets(listing, valid):
    """Each filter's options with the number of services choosing it would show: the services matching every
    other filter, counted over one reading of the list (the counts were four grouped queries, each behind a
    filter set of its own that looked the topic and department up again)."""
    rows = listing.rows

    def others(name):
        return [row for row in rows if _matches(row, valid, name)]

    facets = []
    audiences = Counter(row.audience for row in others("audience"))
    facets.append(Facet("audience", _("Pro koho"), False, [
        FacetOption(value, str(label), sum(audiences[stored] for stored in Audience.matching(value)),
                    valid.get("audience") == value)
        for value, label in ServiceFilter.base_filters["audience"].extra["choices"]
    ]))

    topics = listing.topics
    rows_for_topics = others("topic")
    selected_topic = valid.get("topic")
    facets.append(Facet("topic", _("Oblast"), False, [
        FacetOption(topic.slug, topic.title,
                    sum(any(path.startswith(topic.path) for path in row.paths) for row in rows_for_topics),
                    selected_topic is not None and selected_topic.pk == topic.pk)
        for topic in topics
    ]))

    departments = Counter(row.department_slug for row in others("department") if row.department_slug is not None)
    selected_department = valid.get("department")
    facets.append(Facet("department", _("Odbor"), False, [
        FacetOption(department.slug, department.name, departments[department.slug],
                    selected_department is not None and selected_department.pk == department.pk)
        for department in listing.departments
    ]))

    rows_for_channels = others("channel")
    selected_channels = set(valid.get("channel") or [])
    facets.append(Facet("channel", _("Jak vyřídit"), True, [
        FacetOption(channel.value, str(channel.label), sum(channel.value in row.channels for row in rows_for_channels),
                    channel.value in selected_channels)
        for channel in Channel
    ]))
    return facets
