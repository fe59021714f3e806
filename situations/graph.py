"""A situation's graph: its questions, steps with their services (counters with hours, forms, fees), documents,
deadlines, legal references, FAQ and related situations, read from the database once per content version.

The graph is the same for every visitor; only the answers decide which parts of it apply (composition). A worker
keeps the graphs it has built in memory, under the content version the page cache read for this request
(navigator.pagecache.request_version), so every set of answers, every plan that holds the situation and the
print sheet reuse one graph until anything pages show changes, in any process. A request the page cache does not
serve (a signed-in editor, a preview of a draft whose steps live only in the editor's form) has no such version
and reads its own graph. At most MAX_GRAPHS are kept, the least recently used leaving first.

The first worker to build a graph also leaves it in the shared cache under the same version, so the other workers
and app servers take it from there (a read and an unpickling, about a tenth of the building's time) instead of
building it again; a cache that is down or holds something unreadable only means building it.
"""

import logging
from dataclasses import dataclass, field

from django.core.cache import cache

from navigator import pagecache
from navigator.kept import KeptInWorker

MAX_GRAPHS = 64
# Part of the shared key: a release that changes what a graph holds never reads the previous release's graphs.
SHARED_FORMAT = 1

logger = logging.getLogger(__name__)

_graphs = KeptInWorker(MAX_GRAPHS)


@dataclass(frozen=True)
class SituationGraph:
    questions: list  # guide.Question
    service_conditions: list  # SituationServiceCondition
    steps: list  # (SituationStep, its services the public may see), from steps_with_services
    documents: list  # SituationDocument, with the document and who issues it
    deadlines: list
    legal_references: list
    faqs: list
    related: list  # the related SituationPages the public may see
    counters: list  # every CounterPage the steps' services send people to
    _later: dict = field(default_factory=dict)  # what only some pages show, read when one first asks

    def journeys(self, page):
        """The step-by-step journeys through the situation (SituationPage.journey_places)."""
        return self._read_later("journeys", page.journey_places)

    def ancestors(self, page):
        """The pages above the situation, for its breadcrumbs and topic (SituationPage.ancestors)."""
        return self._read_later("ancestors", lambda: list(page.get_ancestors()))

    def lend_department(self, page):
        """Give the page the department the graph read for it (the page's footer names it), when it has one."""
        if page.department_id is None:
            return
        department = self._read_later("department", lambda: page.department)
        if department.pk == page.department_id:
            type(page).department.field.set_cached_value(page, department)

    def _read_later(self, name, read):
        if name not in self._later:
            self._later[name] = read()
        return self._later[name]

    def fresh(self):
        """The graph for one more request: what a counter worked out for the moment of the last one (open now,
        which also tells the page cache when it changes) is worked out again."""
        for counter in self.counters:
            counter.__dict__.pop("open_state", None)
        return self


def _read(page):
    steps = list(page.steps_with_services())
    return SituationGraph(
        questions=page.guide_questions,
        service_conditions=list(page.service_conditions.all()),
        steps=steps,
        documents=list(page.documents.select_related("document", "document__issued_by")),
        deadlines=list(page.deadlines.all()),
        legal_references=list(page.legal_references.all()),
        faqs=list(page.faqs.all()),
        related=page.related_situations(),
        counters=[counter for _step, services in steps for service in services
                  for counter in service.counters.all()],
    )


def situation_graph(page):
    """The page's graph, kept or read, once for this page object (one request); the page's guide questions are
    the graph's from then on."""
    graph = page.__dict__.get(ON_PAGE)
    if graph is None:
        graph = _kept_or_read(page)
        page.__dict__[ON_PAGE] = graph
        page.__dict__["guide_questions"] = graph.questions  # the cached_property: the guide's form asks no query
    return graph


ON_PAGE = "_situation_graph"


def _kept_or_read(page):
    version = pagecache.request_version()
    if version is None:
        return _read(page)
    key = (version, page.pk)
    graph = _graphs.get(key)
    if graph is not None:
        return graph.fresh()
    graph = _shared(version, page) or _read_and_share(version, page)
    _graphs.put(key, graph)
    return graph


def _shared_key(version, page):
    return f"situations:graph:{SHARED_FORMAT}:{version}:{page.pk}"


def _shared(version, page):
    try:
        graph = cache.get(_shared_key(version, page))
    except Exception:  # noqa: BLE001 - a cache that is down or an entry that cannot be read: build it
        logger.warning("Could not read a kept situation graph", exc_info=True)
        return None
    return graph if isinstance(graph, SituationGraph) else None


def _read_and_share(version, page):
    graph = _read(page)
    try:
        cache.set(_shared_key(version, page), graph, timeout=pagecache.max_age())
    except Exception:  # noqa: BLE001 - the next worker builds it again
        logger.warning("Could not keep a situation graph", exc_info=True)
    return graph
