"""Content-health rules: what a live page lacks or where it points to nothing.

`load_catalog()` reads the whole live catalog in a fixed number of queries (one per table, whatever the number
of pages); each check is a small function that takes that snapshot and returns `Issue`s (subject, kind,
message). `find_issues()` runs them all. The checks read the live content, which is what citizens see.

Broken internal references are found from the rows themselves rather than from Wagtail's reference index:
the index forgets the references to a page when that page is deleted (ReferenceIndex.remove_references_to),
so a rich-text link to a deleted page would not show there, and it is filled by a background task.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.rich_text import extract_references_from_rich_text

from languages.locales import DEFAULT_LANGUAGE, in_default_language
from services.models import CounterPage, RequiredDocument, ServicePage
from situations.models import (
    SituationDocument,
    SituationFAQ,
    SituationPage,
    SituationRelated,
    SituationStep,
    SituationStepService,
)


class Kind(models.TextChoices):
    SITUATION_WITHOUT_STEPS = "situation_without_steps", gettext_lazy("Situace bez kroků")
    SITUATION_WITHOUT_DOCUMENTS = "situation_without_documents", gettext_lazy("Situace bez dokladů")
    SITUATION_WITHOUT_COUNTERS = "situation_without_counters", gettext_lazy("Situace bez pracoviště")
    SERVICE_WITHOUT_CHANNEL = "service_without_channel", gettext_lazy("Služba bez pracoviště i online podání")
    COUNTER_WITHOUT_HOURS = "counter_without_hours", gettext_lazy("Pracoviště bez úředních hodin")
    BROKEN_REFERENCE = "broken_reference", gettext_lazy("Nefunkční vnitřní odkaz")


@dataclass(frozen=True)
class Subject:
    """What an issue is about: a page, or a snippet (a required document)."""

    model: type
    pk: int
    title: str
    department: object = None  # services.Department or None

    @property
    def type_label(self):
        return self.model._meta.verbose_name

    @property
    def department_name(self):
        return self.department.name if self.department else ""

    @property
    def edit_url(self):
        if issubclass(self.model, Page):
            return reverse("wagtailadmin_pages:edit", args=[self.pk])
        meta = self.model._meta
        return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[self.pk])


@dataclass(frozen=True)
class Issue:
    subject: Subject
    kind: Kind
    message: str

    @property
    def title(self):
        return self.subject.title

    @property
    def type_label(self):
        return self.subject.type_label

    @property
    def department_name(self):
        return self.subject.department_name

    @property
    def kind_label(self):
        return self.kind.label

    @property
    def kind_order(self):
        return list(Kind).index(self.kind)


def rich_text_fields(model):
    return [f.name for f in model._meta.get_fields() if isinstance(f, RichTextField)]


@dataclass
class Catalog:
    """The live catalog as the checks need it, read by `load_catalog()`."""

    page_states: dict = field(default_factory=dict)  # every page: pk -> (title, live)
    situations: list = field(default_factory=list)  # live SituationPage with department and rich text
    services: list = field(default_factory=list)  # live ServicePage with department and rich text
    counters: list = field(default_factory=list)  # live counters: (pk, title, number of weekly intervals)
    steps: list = field(default_factory=list)  # steps of live situations: dicts
    step_services: list = field(default_factory=list)  # (step pk, service pk)
    situations_with_documents: set = field(default_factory=set)
    faqs: list = field(default_factory=list)  # FAQs of live situations: dicts
    related: list = field(default_factory=list)  # (situation pk, related situation pk)
    service_counters: dict = field(default_factory=dict)  # service pk -> set of counter pks
    documents: list = field(default_factory=list)  # (pk, name, issued_by pk) where one is set

    def is_live(self, pk):
        return self.page_states.get(pk, ("", False))[1]

    def title_of(self, pk):
        return self.page_states.get(pk, ("", False))[0]


def load_catalog():
    """Eleven queries, whatever the size of the catalog. The Czech catalog: its translations follow its
    structure, and the translations' report (languages.reports) tells how closely."""
    catalog = Catalog()
    pages = Page.objects.values_list("id", "title", "live")
    catalog.page_states = {pk: (title, live) for pk, title, live in pages}
    catalog.situations = list(
        in_default_language(SituationPage.objects.live()).select_related("department")
        .only("id", "title", "department", *rich_text_fields(SituationPage)).order_by("title")
    )
    catalog.services = list(
        in_default_language(ServicePage.objects.live()).select_related("department")
        .only("id", "title", "department", "channel_online", *rich_text_fields(ServicePage)).order_by("title")
    )
    catalog.counters = list(
        in_default_language(CounterPage.objects.live()).annotate(intervals=Count("opening_hours"))
        .values_list("id", "title", "intervals").order_by("title")
    )
    catalog.steps = list(
        in_default_language(SituationStep.objects.filter(page__live=True))
        .values("id", "page_id", "title", *rich_text_fields(SituationStep)).order_by("page_id", "sort_order")
    )
    catalog.step_services = list(
        SituationStepService.objects.filter(step__page__live=True, step__locale__language_code=DEFAULT_LANGUAGE)
        .values_list("step_id", "service_id")
    )
    catalog.situations_with_documents = set(
        in_default_language(SituationDocument.objects.filter(page__live=True)).values_list("page_id", flat=True)
    )
    catalog.faqs = list(
        in_default_language(SituationFAQ.objects.filter(page__live=True))
        .values("page_id", "question", *rich_text_fields(SituationFAQ)).order_by("page_id", "sort_order")
    )
    catalog.related = list(
        SituationRelated.objects.filter(page__live=True, page__locale__language_code=DEFAULT_LANGUAGE)
        .values_list("page_id", "situation_id").order_by("page_id", "sort_order")
    )
    service_counters = defaultdict(set)
    links = ServicePage.counters.through.objects.values_list("servicepage_id", "counterpage_id")
    for service_pk, counter_pk in links:
        service_counters[service_pk].add(counter_pk)
    catalog.service_counters = dict(service_counters)
    catalog.documents = list(
        in_default_language(RequiredDocument.objects).filter(issued_by__isnull=False)
        .values_list("id", "name", "issued_by_id").order_by("name")
    )
    return catalog


def page_subject(page):
    return Subject(type(page), page.pk, page.title, page.department)


# ---------------------------------------------------------------------------------------------------------
# The checks


def situations_without_steps(catalog):
    with_steps = {step["page_id"] for step in catalog.steps}
    return [Issue(page_subject(page), Kind.SITUATION_WITHOUT_STEPS, _("Situace nemá žádný krok."))
            for page in catalog.situations if page.pk not in with_steps]


def situations_without_documents(catalog):
    return [Issue(page_subject(page), Kind.SITUATION_WITHOUT_DOCUMENTS,
                  _("Situace neuvádí žádný doklad, který si vzít s sebou."))
            for page in catalog.situations if page.pk not in catalog.situations_with_documents]


def situations_without_counters(catalog):
    """A situation none of whose steps uses a live service with a live counter: where does one go?"""
    step_page = {step["id"]: step["page_id"] for step in catalog.steps}
    served = set()
    for step_pk, service_pk in catalog.step_services:
        counters = catalog.service_counters.get(service_pk, ())
        if catalog.is_live(service_pk) and any(catalog.is_live(counter) for counter in counters):
            served.add(step_page[step_pk])
    return [Issue(page_subject(page), Kind.SITUATION_WITHOUT_COUNTERS,
                  _("Žádná služba v krocích nemá zveřejněné pracoviště: stránka neříká, kam jít."))
            for page in catalog.situations if page.pk not in served]


def services_without_channel(catalog):
    issues = []
    for page in catalog.services:
        has_counter = any(catalog.is_live(c) for c in catalog.service_counters.get(page.pk, ()))
        if not has_counter and not page.channel_online:
            issues.append(Issue(page_subject(page), Kind.SERVICE_WITHOUT_CHANNEL,
                                _("Služba nemá zveřejněné pracoviště ani možnost podání online.")))
    return issues


def counters_without_hours(catalog):
    return [Issue(Subject(CounterPage, pk, title), Kind.COUNTER_WITHOUT_HOURS,
                  _("Pracoviště nemá zadané úřední hodiny."))
            for pk, title, intervals in catalog.counters if not intervals]


def link_problem(catalog, target):
    """Why a rich-text link to page `target` (an id as written in the HTML) is broken, or None."""
    try:
        pk = int(target)
    except (TypeError, ValueError):
        return _("vede na neplatnou stránku (%(id)s)") % {"id": target}
    if pk not in catalog.page_states:
        return _("vede na stránku, která už neexistuje (ID %(id)s)") % {"id": pk}
    if not catalog.is_live(pk):
        return _("vede na nezveřejněnou stránku „%(title)s“") % {"title": catalog.title_of(pk)}
    return None


def broken_links(catalog, html):
    """The problems of the page links in one rich-text value, in order."""
    problems = []
    for model, target, _path, _content_path in extract_references_from_rich_text(html or ""):
        if isinstance(model, type) and issubclass(model, Page):
            problem = link_problem(catalog, target)
            if problem:
                problems.append(problem)
    return problems


def broken_rich_text_links(catalog):
    """Links in rich text (the pages' own fields, steps, FAQ answers) to deleted or unpublished pages."""
    issues = []
    for page in catalog.situations + catalog.services:
        for name in rich_text_fields(type(page)):
            label = type(page)._meta.get_field(name).verbose_name
            for problem in broken_links(catalog, getattr(page, name)):
                message = _("Odkaz v poli „%(field)s“ %(problem)s.") % {"field": label, "problem": problem}
                issues.append(Issue(page_subject(page), Kind.BROKEN_REFERENCE, message))
    situations = {page.pk: page for page in catalog.situations}
    for step in catalog.steps:
        for name in rich_text_fields(SituationStep):
            for problem in broken_links(catalog, step[name]):
                message = _("Odkaz v kroku „%(step)s“ %(problem)s.") % {"step": step["title"], "problem": problem}
                issues.append(Issue(page_subject(situations[step["page_id"]]), Kind.BROKEN_REFERENCE, message))
    for faq in catalog.faqs:
        for name in rich_text_fields(SituationFAQ):
            for problem in broken_links(catalog, faq[name]):
                issues.append(Issue(page_subject(situations[faq["page_id"]]), Kind.BROKEN_REFERENCE,
                                    _("Odkaz v odpovědi na otázku „%(question)s“ %(problem)s.")
                                    % {"question": faq["question"], "problem": problem}))
    return issues


def unpublished_related_situations(catalog):
    situations = {page.pk: page for page in catalog.situations}
    return [Issue(page_subject(situations[page_pk]), Kind.BROKEN_REFERENCE,
                  _("Související situace „%(title)s“ není zveřejněná.")
                  % {"title": catalog.title_of(related_pk)})
            for page_pk, related_pk in catalog.related if not catalog.is_live(related_pk)]


def unpublished_step_services(catalog):
    situations = {page.pk: page for page in catalog.situations}
    steps = {step["id"]: step for step in catalog.steps}
    issues = []
    for step_pk, service_pk in catalog.step_services:
        if not catalog.is_live(service_pk):
            step = steps[step_pk]
            issues.append(Issue(page_subject(situations[step["page_id"]]), Kind.BROKEN_REFERENCE,
                                _("Krok „%(step)s“ používá nezveřejněnou službu „%(service)s“.")
                                % {"step": step["title"], "service": catalog.title_of(service_pk)}))
    return issues


def documents_with_unpublished_source(catalog):
    """Required documents whose "where you get it" situation is not live."""
    return [Issue(Subject(RequiredDocument, pk, name), Kind.BROKEN_REFERENCE,
                  _("Doklad odkazuje na nezveřejněnou službu „%(title)s“, která ho vydává.")
                  % {"title": catalog.title_of(source_pk)})
            for pk, name, source_pk in catalog.documents if not catalog.is_live(source_pk)]


CHECKS = (
    situations_without_steps,
    situations_without_documents,
    situations_without_counters,
    services_without_channel,
    counters_without_hours,
    broken_rich_text_links,
    unpublished_related_situations,
    unpublished_step_services,
    documents_with_unpublished_source,
)


def find_issues(catalog=None):
    """Every issue of the live catalog, ordered by kind, then by the subject's title."""
    catalog = catalog or load_catalog()
    issues = [issue for check in CHECKS for issue in check(catalog)]
    issues.sort(key=lambda issue: (issue.kind_order, issue.subject.title.casefold(), issue.subject.pk))
    return issues
