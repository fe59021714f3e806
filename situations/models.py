"""Home, topic and life-situation pages, and the ordered parts of a situation."""

from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.db.models import Prefetch
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from editorial.permissions import OwnedByContentManagersMixin, OwnedByDepartmentMixin
from languages.fields import same_in_every_language
from languages.locales import active_language, locale_id
from navigator.condition_widget import ConditionWidget
from navigator.pagecache import SharedPageMixin
from navigator.panels import ChosenListPanel, InlinePanel, NestingInlinePanel
from navigator.routing import KeptRouteMixin
from navigator.visibility import RestrictedInEveryLanguageMixin, may_see, visible, visible_q
from opendata.api_fields import LiveChosenPages, LivePage
from services.models import (
    RICH_TEXT_FEATURES,
    Audience,
    CounterPage,
    Department,
    DocumentRequirement,
    LegalReference,
    ServicePage,
)

from . import guide
from .checklist import checklist_for_request
from .fields import GuideOptionsField
from .forms import SituationPageForm
from .graph import ON_PAGE as _GRAPH_ON_PAGE, situation_graph
from .journeys import places_of
from .take_along import calendar_response


class HomePage(KeptRouteMixin, OwnedByContentManagersMixin, SharedPageMixin, RestrictedInEveryLanguageMixin, Page):
    """The root of the public site: search, topics for citizens and businesses, the most used situations."""

    intro = models.TextField(_("úvod"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["situations.TopicPage", "situations.JourneyPage", "services.ServiceIndexPage",
                     "services.CounterIndexPage", "legal.AccessibilityStatementPage", "legal.PrivacyNoticePage"]
    max_count = 1
    override_translatable_fields = same_in_every_language("slug")

    class Meta:
        verbose_name = _("úvodní stránka")

    def route(self, request, path_components):
        # Wagtail routes a language that has no home page of its own through the Czech one; such an address
        # (/uk/… before there is a Ukrainian site) does not exist rather than showing Czech pages under /uk/.
        if self.locale_id != locale_id(active_language()):
            raise Http404
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        topics = list(visible(TopicPage.objects.child_of(self), request).order_by("path"))
        situations = list(visible(SituationPage.objects.descendant_of(self), request).order_by("path")
                          .only("title", "url_path", "path", "depth", "audience"))
        for_citizens = {Audience.CITIZENS, Audience.BOTH}
        context["citizen_topics"] = [topic for topic in topics if any(
            page.audience in for_citizens for page in situations if page.path.startswith(topic.path))]
        # Businesses see the topics written for them, each with its own text and its situations for businesses.
        context["business_topics"] = [
            (topic, [page for page in situations
                     if page.path.startswith(topic.path) and page.audience != Audience.CITIZENS])
            for topic in topics if topic.business_intro
        ]
        context["journeys"] = (visible(JourneyPage.objects.child_of(self), request).order_by("path")
                               .only("title", "url_path", "intro"))
        context["counters"] = (
            visible(CounterPage.objects.descendant_of(self), request).order_by("title")
            .prefetch_related("opening_hours", "exceptions")
        )
        context["popular_situations"] = (
            visible(SituationPage.objects.descendant_of(self), request).filter(popular=True).order_by("title")
            .only("title", "url_path", "summary")
        )
        return context


class TopicPage(OwnedByContentManagersMixin, SharedPageMixin, RestrictedInEveryLanguageMixin, Page):
    """A group of life situations, e.g. Bydlení a stěhování."""

    intro = models.TextField(_("úvod"), blank=True, help_text=_("Jedna až dvě věty o tom, co oblast zahrnuje."))
    business_intro = models.TextField(
        _("úvod pro podnikatele"), blank=True,
        help_text=_("Co v oblasti najdou podnikatelé; úvodní stránka ho ukáže v části Pro podnikatele. Prázdné = "
                    "oblast se tam neukáže."))

    search_fields = Page.search_fields + [index.SearchField("intro")]
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("business_intro")]
    parent_page_types = ["situations.HomePage"]
    subpage_types = ["situations.SituationPage"]
    override_translatable_fields = same_in_every_language("slug")

    class Meta:
        verbose_name = _("oblast")
        verbose_name_plural = _("oblasti")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The editors' order in the page tree: a topic such as Podnikání reads as a journey, not alphabetically.
        context["situations"] = (
            visible(SituationPage.objects.child_of(self), request).order_by("path")
            .only("title", "url_path", "summary", "audience")
        )
        return context


CONDITION_HELP = _(
    "Prázdné = týká se každého. Jinak „otazka = volba“ (více voleb oddělte čárkou, stačí jedna z nich), "
    "„otazka != volba“ pro „nezvolil“; více podmínek oddělte středníkem, platit musí všechny. "
    "Klíče otázek a voleb jsou na záložce Průvodce."
)


def condition_panel():
    """The condition of a step, document, deadline or service, built from the situation's own questions."""
    return FieldPanel("condition", widget=ConditionWidget(questions_formset="questions"), help_text=_(
        "Prázdné = týká se každého. Jinak podmínku poskládejte z otázek průvodce (záložka Průvodce); "
        "platit musí všechny řádky."))


class Conditional(models.Model):
    """A part of a situation that applies only to some visitors, according to their answers to the guide."""

    condition = models.CharField(_("jen pokud"), max_length=500, blank=True, help_text=CONDITION_HELP)

    # A condition names the guide's keys, which are the same in every language.
    override_translatable_fields = same_in_every_language("condition")

    class Meta:
        abstract = True

    def verdict(self, answers, questions):
        return guide.judge(self.condition, answers, questions)


class SituationPage(OwnedByDepartmentMixin, SharedPageMixin, RestrictedInEveryLanguageMixin, RoutablePageMixin, Page):
    """A life situation: everything a person needs to do, in order, following the Czech standard template."""

    audience = models.CharField(_("pro koho"), max_length=20, choices=Audience.choices, default=Audience.CITIZENS)
    summary = models.TextField(_("shrnutí"), help_text=_("Jedna až dvě věty: komu a s čím stránka pomůže."))
    lay_terms = models.CharField(
        _("lidová slova"), max_length=500, blank=True,
        help_text=_("Jak situaci říkají lidé (např. „občanka, přehlášení“), oddělená čárkou; hledání je najde."),
    )
    popular = models.BooleanField(_("nejčastější"), default=False,
                                  help_text=_("Zobrazit na úvodní stránce mezi nejčastějšími situacemi."))
    who_may_act = RichTextField(_("kdo může jednat"), features=RICH_TEXT_FEATURES, blank=True)
    conditions = RichTextField(_("podmínky"), features=RICH_TEXT_FEATURES, blank=True)
    where_to_go = RichTextField(_("kam se obrátit (doplnění)"), features=RICH_TEXT_FEATURES, blank=True,
                                help_text=_("Pracoviště se doplní samo ze služeb v krocích; sem patří jen doplnění."))
    online = RichTextField(_("online možnosti"), features=RICH_TEXT_FEATURES, blank=True,
                           help_text=_("Formuláře se doplní samy ze služeb; sem popište, co lze vyřídit online."))
    remedies = RichTextField(_("opravné prostředky"), features=RICH_TEXT_FEATURES, blank=True)
    sanctions = RichTextField(_("sankce"), features=RICH_TEXT_FEATURES, blank=True)
    department = models.ForeignKey(Department, verbose_name=_("odpovědný odbor"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="situations")
    contact = models.TextField(_("kontakt pro dotazy"), blank=True)
    last_reviewed = models.DateField(_("naposledy zkontrolováno"), null=True, blank=True)
    review_due = models.DateField(_("zkontrolovat do"), null=True, blank=True)
    date_question = models.CharField(
        _("otázka na datum"), max_length=255, blank=True,
        help_text=_("Např. „Kdy jste se přestěhovali?“ Když je vyplněná, průvodce se zeptá na datum a lhůty "
                    "spočítá od něj (i v kalendáři)."),
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"), index.SearchField("lay_terms"), index.AutocompleteField("lay_terms"),
        index.FilterField("audience"),
    ]
    api_fields = [
        "audience", "summary", "lay_terms", "who_may_act", "conditions", "steps", "documents", "where_to_go", "online",
        "deadlines", "legal_references", "remedies", "sanctions", "faqs", "related", "department", "contact",
        "last_reviewed", "review_due",
    ]

    content_panels = Page.content_panels + [
        FieldPanel("summary"), FieldPanel("lay_terms"), FieldRowPanel([FieldPanel("audience"), FieldPanel("popular")]),
        FieldPanel("who_may_act"), FieldPanel("conditions"),
    ]
    steps_panels = [
        NestingInlinePanel("steps", heading=_("Postup krok za krokem"), label=_("krok"),
                    help_text=_("Kroky ukážeme v tomto pořadí; přetažením je přeřadíte.")),
        InlinePanel("documents", heading=_("Co s sebou"), label=_("doklad")),
    ]
    guide_panels = [
        InlinePanel("questions", heading=_("Otázky průvodce"), label=_("otázka"), add_label=_("Přidat otázku"),
                    help_text=_("Podle odpovědí ukážeme jen kroky, doklady a lhůty, které se návštěvníka týkají. "
                                "Podmínky zapisujete u kroků, dokladů, lhůt a níže u služeb. Poplatky podle "
                                "odpovědí zapisujete u poplatků služby, s klíči těchto otázek.")),
        FieldPanel("date_question"),
        InlinePanel("service_conditions", heading=_("Služby jen pro někoho"), label=_("podmínka služby"),
                    add_label=_("Přidat podmínku služby"),
                    help_text=_("Když krok používá víc služeb a některá se týká jen části lidí.")),
    ]
    where_panels = [FieldPanel("where_to_go"), FieldPanel("online")]
    rules_panels = [
        InlinePanel("deadlines", heading=_("Lhůty"), label=_("lhůta"), add_label=_("Přidat lhůtu")),
        InlinePanel("legal_references", heading=_("Právní předpisy"), label=_("předpis")),
        FieldPanel("remedies"), FieldPanel("sanctions"),
    ]
    more_panels = [
        InlinePanel("faqs", heading=_("Časté otázky"), label=_("otázka"), add_label=_("Přidat otázku")),
        InlinePanel("related", heading=_("Související situace"), label=_("situace"), add_label=_("Přidat situaci")),
        MultiFieldPanel([FieldPanel("department"), FieldPanel("contact"),
                         FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("review_due")])],
                        heading=_("Odpovědnost a kontrola")),
    ]
    edit_handler = TabbedInterface([
        ObjectList(content_panels, heading=_("Obsah")),
        ObjectList(steps_panels, heading=_("Kroky a doklady")),
        ObjectList(guide_panels, heading=_("Průvodce")),
        ObjectList(where_panels, heading=_("Kde a online")),
        ObjectList(rules_panels, heading=_("Lhůty a předpisy")),
        ObjectList(more_panels, heading=_("Otázky a odpovědnost")),
        ObjectList(Page.promote_panels, heading=_("Propagace")),
        ObjectList(Page.settings_panels, heading=_("Nastavení")),
    ])
    base_form_class = SituationPageForm
    parent_page_types = ["situations.TopicPage"]
    subpage_types = []
    # The department owns the page in every language (editors, approvers, reports): see languages.links.
    override_translatable_fields = same_in_every_language("slug", "department")

    class Meta:
        verbose_name = _("životní situace")
        verbose_name_plural = _("životní situace")

    @property
    def lay_term_list(self):
        return [term.strip() for term in self.lay_terms.split(",") if term.strip()]

    @cached_property
    def ancestors(self):
        """The pages above, read once for the breadcrumbs and the topic's name (once per content version with
        the situation's graph, when the request has one)."""
        graph = self.__dict__.get(_GRAPH_ON_PAGE)
        return graph.ancestors(self) if graph is not None else list(self.get_ancestors())

    @cached_property
    def topic(self):
        """The topic above (parent_page_types makes the parent one), as the plain page the breadcrumbs read."""
        return self.ancestors[-1]

    @cached_property
    def guide_questions(self):
        return [guide.Question.from_model(row) for row in self.questions.all()]

    def guide_form(self, data=None, prefix=None):
        return guide.GuideForm(self.guide_questions, data, prefix=prefix, date_label=self.date_question)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(checklist_for_request(self, request))
        return context

    @path("")
    def checklist(self, request):
        # The journeys this situation is a step of are shown on the page, not on its print sheet.
        graph = situation_graph(self)
        graph.lend_department(self)
        return self.render(request, context_overrides={"journeys": graph.journeys(self)})

    @path("tisk/")
    def print_checklist(self, request):
        context = self.get_context(request)
        context["checklist"] = context["situation"]
        return TemplateResponse(request, "situations/checklist_print.html", context)

    @path("kalendar/")
    def calendar(self, request):
        context = checklist_for_request(self, request)
        return calendar_response([context["situation"]], context["checklist_url"], self.slug)

    def journey_places(self):
        """The live step-by-step journeys with a step on this situation, with its place in each."""
        rows = (JourneyStep.objects.filter(page__live=True, situation__live=True, page__journey_steps__situation=self)
                .select_related("page", "situation").order_by("page__path", "sort_order"))
        return places_of(self, rows)

    def steps_with_services(self):
        """(step, its live services in the editor's order) for every step, with everything the page shows of the
        services, in a fixed number of queries.

        A preview, a draft's revision or a workflow's preview holds the steps in memory, some not saved yet (no
        primary key, so no relation can be prefetched through them): their services are then fetched by the pks
        the editor chose, in one query.
        """
        counters = visible(CounterPage.objects.all()).prefetch_related("opening_hours", "exceptions").order_by("title")
        if "steps" not in getattr(self, "_cluster_related_objects", {}):
            uses = (
                SituationStepService.objects.filter(visible_q(prefix="service__")).select_related("service__department")
                .prefetch_related("service__fees", Prefetch("service__counters", queryset=counters), "service__forms")
            )
            return [(step, step.chosen_services) for step in self.steps.prefetch_related(Prefetch("service_uses",
                                                                                                    queryset=uses))]
        steps = list(self.steps.all())
        chosen = [[use.service_id for use in step.service_uses.all()] for step in steps]
        services = (visible(ServicePage.objects.filter(pk__in={pk for pks in chosen for pk in pks}))
                    .select_related("department")
                    .prefetch_related("fees", Prefetch("counters", queryset=counters), "forms").in_bulk())
        return [(step, [services[pk] for pk in pks if pk in services]) for step, pks in zip(steps, chosen)]

    def related_situations(self):
        """The related situations the public may see; a preview's rows in memory are checked one by one."""
        if "related" in getattr(self, "_cluster_related_objects", {}):
            return [row.situation for row in self.related.all() if may_see(row.situation)]
        rows = self.related.select_related("situation").filter(visible_q(prefix="situation__"))
        return [row.situation for row in rows]


class SituationQuestion(TranslatableMixin, Orderable):
    """One question of the situation's guide, e.g. „Odkud se stěhujete?“ with its options."""

    page = ParentalKey(SituationPage, on_delete=models.CASCADE, related_name="questions")
    key = models.SlugField(_("klíč"), max_length=30,
                           help_text=_("Krátké jméno bez diakritiky do adresy a do podmínek, např. „odkud“."))
    text = models.CharField(_("otázka"), max_length=255)
    help_text = models.CharField(_("nápověda"), max_length=500, blank=True)
    multiple = models.BooleanField(_("lze zvolit víc možností"), default=False)
    options = GuideOptionsField(
        _("volby"), help_text=_("Každou volbu na samostatný řádek ve tvaru „klic | Popisek“, např. "
                                "„jina-obec | Z jiné obce“. Bez klíče ho vytvoříme z popisku."))

    panels = [FieldRowPanel([FieldPanel("key"), FieldPanel("multiple")]), FieldPanel("text"),
              FieldPanel("help_text"), FieldPanel("options")]
    override_translatable_fields = same_in_every_language("key")

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("otázka průvodce")
        verbose_name_plural = _("otázky průvodce")

    def __str__(self):
        return self.text


class SituationServiceCondition(Orderable, Conditional):
    """A service of one of the situation's steps that only some visitors need (the dog fee, the parking permit)."""

    page = ParentalKey(SituationPage, on_delete=models.CASCADE, related_name="service_conditions")
    service = models.ForeignKey(ServicePage, verbose_name=_("služba"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("service"), condition_panel()]

    class Meta(Orderable.Meta):
        verbose_name = _("podmínka služby")
        verbose_name_plural = _("podmínky služeb")


class SituationStep(TranslatableMixin, Orderable, ClusterableModel, Conditional):
    page = ParentalKey(SituationPage, on_delete=models.CASCADE, related_name="steps")
    title = models.CharField(_("co udělat"), max_length=255)
    text = RichTextField(_("podrobnosti"), features=RICH_TEXT_FEATURES, blank=True)
    # Edited as the ordered rows of service_uses (the editor's order is the visitor's); this relation only
    # lets queries ask which steps use a service (`steps__services`, `service.situation_steps`).
    services = models.ManyToManyField(ServicePage, through="SituationStepService", blank=True,
                                      related_name="situation_steps", verbose_name=_("služby"))
    optional = models.BooleanField(_("nepovinný krok"), default=False)
    urgent = models.BooleanField(
        _("udělat hned"), default=False,
        help_text=_("Krok, který nesnese odklad (zablokovat karty, ohlásit ztrátu dokladů). V plánu s více "
                    "situacemi půjde na začátek, ať se vyřizuje kdekoli."))

    panels = [
        FieldPanel("title"), FieldPanel("text"),
        ChosenListPanel(
            "service_uses", chooser_field_name="service", heading=_("Služby"), label=_("služba"),
            add_label=_("Vybrat služby"),
            help_text=_("Služby (úkony) tohoto nebo jiného úřadu, které krok používá, v pořadí, v jakém je "
                        "návštěvník vyřizuje.")),
        FieldRowPanel([FieldPanel("optional"), FieldPanel("urgent")]), condition_panel(),
    ]
    api_fields = ["title", "text", APIField("services", serializer=LiveChosenPages("service", source="service_uses")),
                  "optional", "urgent", "condition"]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("krok")
        verbose_name_plural = _("kroky")

    def __str__(self):
        return self.title

    @property
    def chosen_services(self):
        """The step's services in the editor's order (also of a draft or a preview, whose rows are unsaved)."""
        return [use.service for use in self.service_uses.all()]


class SituationStepService(Orderable):
    """A service a step uses, in the order the editor put them."""

    step = ParentalKey(SituationStep, on_delete=models.CASCADE, related_name="service_uses")
    service = models.ForeignKey(ServicePage, verbose_name=_("služba"), on_delete=models.CASCADE,
                                related_name="step_uses")

    panels = [FieldPanel("service")]

    class Meta(Orderable.Meta):
        verbose_name = _("služba kroku")
        verbose_name_plural = _("služby kroku")

    def __str__(self):
        return str(self.service)


class SituationDocument(TranslatableMixin, Orderable, DocumentRequirement, Conditional):
    page = ParentalKey(SituationPage, on_delete=models.CASCADE, related_name="documents")

    panels = DocumentRequirement.panels + [condition_panel()]
    api_fields = DocumentRequirement.api_fields + ["condition"]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass


class SituationLegalReference(TranslatableMixin, Orderable, LegalReference):
    page = ParentalKey(SituationPage, on_delete=models.CASCADE, related_name="legal_references")

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass


class SituationDeadline(TranslatableMixin, Orderable, Conditional):
    page = ParentalKey(SituationPage, on_delete=models.CASCADE, related_name="deadlines")
    title = models.CharField(_("co je potřeba stihnout"), max_length=255)
    description = models.TextField(_("podrobnosti"), blank=True)
    days = models.PositiveIntegerField(_("počet dní"), null=True, blank=True,
                                       help_text=_("Jen pokud zákon stanoví pevnou lhůtu ve dnech."))

    panels = [FieldPanel("title"), FieldPanel("description"), FieldPanel("days"), condition_panel()]
    api_fields = ["title", "description", "days", "condition"]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("lhůta")
        verbose_name_plural = _("lhůty")


class SituationFAQ(TranslatableMixin, Orderable):
    page = ParentalKey(SituationPage, on_delete=models.CASCADE, related_name="faqs")
    question = models.CharField(_("otázka"), max_length=255)
    answer = RichTextField(_("odpověď"), features=RICH_TEXT_FEATURES)

    panels = [FieldPanel("question"), FieldPanel("answer")]
    api_fields = ["question", "answer"]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("častá otázka")
        verbose_name_plural = _("časté otázky")


class SituationRelated(Orderable):
    page = ParentalKey(SituationPage, on_delete=models.CASCADE, related_name="related")
    situation = models.ForeignKey(SituationPage, verbose_name=_("situace"), on_delete=models.CASCADE,
                                  related_name="+")

    panels = [FieldPanel("situation")]
    api_fields = [APIField("situation", serializer=LivePage())]

    class Meta(Orderable.Meta):
        verbose_name = _("související situace")
        verbose_name_plural = _("související situace")


class JourneyPage(OwnedByContentManagersMixin, SharedPageMixin, RestrictedInEveryLanguageMixin, Page):
    """A step-by-step journey through several situations in their order ("Začínám podnikat").

    Like GOV.UK's step-by-step navigation: the journey's page lists the steps, and each situation on the way shows
    the whole journey with the visitor's place in it (situations.journeys).
    """

    intro = models.TextField(_("úvod"), help_text=_("Jedna až dvě věty: komu postup pomůže."))

    search_fields = Page.search_fields + [index.SearchField("intro")]
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("journey_steps", heading=_("Kroky"), label=_("krok"), min_num=2,
                    help_text=_("Situace v pořadí, v jakém je člověk vyřizuje.")),
    ]
    parent_page_types = ["situations.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("postup krok za krokem")
        verbose_name_plural = _("postupy krok za krokem")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["steps"] = [step for step in self.journey_steps.select_related("situation")
                            if step.situation.live]
        return context


class JourneyStep(Orderable):
    page = ParentalKey(JourneyPage, on_delete=models.CASCADE, related_name="journey_steps")
    situation = models.ForeignKey(SituationPage, verbose_name=_("situace"), on_delete=models.CASCADE,
                                  related_name="journey_steps")
    title = models.CharField(_("krok"), max_length=255, help_text=_("Co v tomto kroku člověk udělá."))
    text = models.TextField(_("podrobnosti"), blank=True)

    panels = [FieldPanel("situation"), FieldPanel("title"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("krok postupu")
        verbose_name_plural = _("kroky postupu")
