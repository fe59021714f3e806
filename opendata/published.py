"""The published content as the open data sees it, read in a fixed number of queries.

Every export (the CSV files, the CPSV-AP graph, the DCAT-AP description) reads the site through one
`PublishedContent`: live pages that anonymous visitors may see (navigator.visibility: pages behind a view
restriction stay out, whoever downloads), and the snippets they use. Each part is fetched the first time an export
asks for it, with everything it needs prefetched, so an export costs the same number of queries whether the
catalog holds ten services or ten thousand. Addresses are the site's own (SITE_URL), whatever host was asked.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Max, Prefetch
from django.utils.functional import cached_property
from wagtail.models import Page

from languages.locales import in_default_language, language_codes, locale_id
from navigator.address import absolute
from navigator.models import OfficeSettings
from navigator.visibility import hidden_paths, may_see, visible, visible_q
from services.models import ApplicationForm, CounterPage, Department, RequiredDocument, ServiceDocument, ServicePage
from situations.models import SituationDocument, SituationPage, SituationStep, SituationStepService, TopicPage


def czech(model):
    # The open data describe the catalog of record, in Czech (its translations are the same services).
    return in_default_language(model.objects)


class PublishedContent:
    """A read-only snapshot of the pages and snippets the public sees, for one request."""

    def __init__(self, request):
        self.request = request

    # -----------------------------------------------------------------------------------------------------
    # Pages and snippets

    @cached_property
    def office(self):
        return OfficeSettings.for_request(self.request)

    @cached_property
    def topics(self):
        return {topic.path: topic for topic in visible(czech(TopicPage)).select_related("locale").order_by("path")}

    @cached_property
    def situations(self):
        uses = SituationStepService.objects.filter(visible_q(prefix="service__")).select_related("service__locale")
        steps = SituationStep.objects.prefetch_related(Prefetch("service_uses", queryset=uses))
        documents = SituationDocument.objects.select_related("document")
        pages = (
            visible(czech(SituationPage)).select_related("department", "locale").order_by("slug")
            .prefetch_related(Prefetch("steps", queryset=steps), Prefetch("documents", queryset=documents))
        )
        return list(pages)

    @cached_property
    def services(self):
        counters = (visible(CounterPage.objects.all()).select_related("locale")
                    .only("id", "slug", "title", "path", "url_path", "locale").order_by("title"))
        documents = ServiceDocument.objects.select_related("document")
        pages = (
            visible(czech(ServicePage)).select_related("department", "locale").order_by("slug")
            .prefetch_related("fees", "legal_references", Prefetch("counters", queryset=counters),
                              Prefetch("forms", queryset=ApplicationForm.objects.order_by("title")),
                              Prefetch("documents", queryset=documents))
        )
        return list(pages)

    @cached_property
    def counters(self):
        pages = (visible(czech(CounterPage)).select_related("locale").order_by("slug")
                 .prefetch_related("opening_hours", "exceptions"))
        return list(pages)

    @cached_property
    def documents(self):
        return list(czech(RequiredDocument).select_related("issued_by__locale").order_by("slug"))

    @cached_property
    def forms(self):
        return list(czech(ApplicationForm).select_related("file").order_by("slug"))

    @cached_property
    def departments(self):
        return list(czech(Department).order_by("slug"))

    # -----------------------------------------------------------------------------------------------------
    # Relations, from what is already fetched

    def topic_of(self, situation):
        return self.topics.get(situation.path[: -SituationPage.steplen])

    def services_of(self, situation):
        """The live, public services a situation's steps use, in step order and each step's chosen order, once."""
        seen, services = set(), []
        for step in situation.steps.all():
            for service in step.chosen_services:
                if service.pk not in seen:
                    seen.add(service.pk)
                    services.append(service)
        return services

    @cached_property
    def _situations_by_service(self):
        found = {}
        for situation in self.situations:
            for service in self.services_of(situation):
                found.setdefault(service.pk, []).append(situation)
        return found

    def situations_of(self, service):
        return self._situations_by_service.get(service.pk, [])

    def counters_of(self, service):
        return list(service.counters.all())

    @cached_property
    def _services_by_snippet(self):
        found = {"form": {}, "document": {}, "counter": {}}
        for service in self.services:
            for form in service.forms.all():
                found["form"].setdefault(form.pk, []).append(service)
            for row in service.documents.all():
                found["document"].setdefault(row.document_id, []).append(service)
            for counter in self.counters_of(service):
                found["counter"].setdefault(counter.pk, []).append(service)
        return found

    def services_using_form(self, form):
        return self._services_by_snippet["form"].get(form.pk, [])

    def services_needing_document(self, document):
        return self._services_by_snippet["document"].get(document.pk, [])

    def services_at_counter(self, counter):
        return self._services_by_snippet["counter"].get(counter.pk, [])

    @cached_property
    def _hidden_paths(self):
        return hidden_paths()

    def is_public_page(self, page):
        """Whether a page linked from a snippet (a document's „how to get it“ situation) is live and public."""
        return bool(page) and may_see(page, hidden=self._hidden_paths)

    # -----------------------------------------------------------------------------------------------------
    # Addresses and dates

    @cached_property
    def _translations(self):
        """{translation key: {language: live page}} of the published pages' versions in other languages, read in
        one query per page type (none without Wagtail's i18n, where a page has no translations)."""
        if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            return {}
        pages = [*self.situations, *self.services, *self.counters, *self.topics.values()]
        found = defaultdict(dict)
        # The specific pages come without their locale, so each one's language is read from the kept locale ids.
        languages = {locale_id(code): code for code in language_codes()}
        translated = (visible(Page.objects.filter(translation_key__in={page.translation_key for page in pages}))
                      .exclude(locale__language_code=settings.LANGUAGE_CODE).specific())
        for page in translated:
            found[page.translation_key][languages[page.locale_id]] = page
        return found

    def translated(self, page, field):
        """{language: the field's text in that language's live version of the page} (where it is translated)."""
        return {language: getattr(version, field, "")
                for language, version in self._translations.get(page.translation_key, {}).items()}

    def page_url(self, page):
        """The page's full address at the site's address."""
        return absolute(page.get_url(self.request))

    def absolute(self, url):
        return absolute(url)

    @cached_property
    def latest_change(self):
        """When a situation, service or counter was last published (one query), or None for an empty catalog."""
        pages = in_default_language(visible(Page.objects.type(SituationPage, ServicePage, CounterPage)))
        return pages.aggregate(latest=Max("last_published_at"))["latest"]
