"""Home, topic and life-situation pages, and the ordered parts of a situation."""

from django.db import models
from django.db.models import Prefetch
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from services.models import (
    RICH_TEXT_FEATURES,
    Audience,
    CounterPage,
    Department,
    DocumentRequirement,
    LegalReference,
    ServicePage,
)

from .composition import compose_situation


class HomePage(Page):
    """The root of the public site: search, topics for citizens and businesses, the most used situations."""

    intro = models.TextField(_("úvod"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["situations.TopicPage", "services.ServiceIndexPage", "services.CounterIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("úvodní stránka")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        topics = list(TopicPage.objects.child_of(self).live().order_by("path"))
        audiences = {
            topic.pk: set(SituationPage.objects.child_of(topic).live().values_list("audience", flat=True))
            for topic in topics
        } if topics else {}
        context["citizen_topics"] = [t for t in topics if audiences[t.pk] & {Audience.CITIZENS, Audience.BOTH}]
        context["business_topics"] = [t for t in topics if audiences[t.pk] & {Audience.BUSINESSES, Audience.BOTH}]
        context["counters"] = (
            CounterPage.objects.live().descendant_of(self).order_by("title")
            .prefetch_related("opening_hours", "exceptions")
        )
        context["popular_situations"] = (
            SituationPage.objects.live().descendant_of(self).filter(popular=True).order_by("title")
            .only("title", "url_path", "summary")
        )
        return context


class TopicPage(Page):
    """A group of life situations, e.g. Bydlení a stěhování."""

    intro = models.TextField(_("úvod"), blank=True, help_text=_("Jedna až dvě věty o tom, co oblast zahrnuje."))

    search_fields = Page.search_fields + [index.SearchField("intro")]
    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["situations.HomePage"]
    subpage_types = ["situations.SituationPage"]

    class Meta:
        verbose_name = _("oblast")
        verbose_name_plural = _("oblasti")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["situations"] = (
            SituationPage.objects.child_of(self).live().order_by("title")
            .only("title", "url_path", "summary", "audience")
        )
        return context


class SituationPage(Page):
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

    search_fields = Page.search_fields + [
        index.SearchField("summary"), index.SearchField("lay_terms"), index.AutocompleteField("lay_terms"),
        index.FilterField("audience"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("summary"), FieldPanel("lay_terms"), FieldRowPanel([FieldPanel("audience"), FieldPanel("popular")]),
        FieldPanel("who_may_act"), FieldPanel("conditions"),
    ]
    steps_panels = [
        InlinePanel("steps", heading=_("Postup krok za krokem"), label=_("krok"),
                    help_text=_("Kroky ukážeme v tomto pořadí; přetažením je přeřadíte.")),
        InlinePanel("documents", heading=_("Co s sebou"), label=_("doklad")),
    ]
    where_panels = [FieldPanel("where_to_go"), FieldPanel("online")]
    rules_panels = [
        InlinePanel("deadlines", heading=_("Lhůty"), label=_("lhůta")),
        InlinePanel("legal_references", heading=_("Právní předpisy"), label=_("předpis")),
        FieldPanel("remedies"), FieldPanel("sanctions"),
    ]
    more_panels = [
        InlinePanel("faqs", heading=_("Časté otázky"), label=_("otázka")),
        InlinePanel("related", heading=_("Související situace"), label=_("situace")),
        MultiFieldPanel([FieldPanel("department"), FieldPanel("contact"),
                         FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("review_due")])],
                        heading=_("Odpovědnost a kontrola")),
    ]
    edit_handler = TabbedInterface([
        ObjectList(content_panels, heading=_("Obsah")),
        ObjectList(steps_panels, heading=_("Kroky a doklady")),
        ObjectList(where_panels, heading=_("Kde a online")),
        ObjectList(rules_panels, heading=_("Lhůty a předpisy")),
        ObjectList(more_panels, heading=_("Otázky a odpovědnost")),
        ObjectList(Page.promote_panels, heading=_("Propagace")),
        ObjectList(Page.settings_panels, heading=_("Nastavení")),
    ])
    parent_page_types = ["situations.TopicPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("životní situace")
        verbose_name_plural = _("životní situace")

    @property
    def lay_term_list(self):
        return [term.strip() for term in self.lay_terms.split(",") if term.strip()]

    @cached_property
    def topic(self):
        return self.get_parent().specific

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["situation"] = compose_situation(self)
        return context

    def steps_with_services(self):
        """The steps with their live services and everything the page shows of them, in a fixed number of queries."""
        counters = CounterPage.objects.live().prefetch_related("opening_hours", "exceptions").order_by("title")
        services = (
            ServicePage.objects.live().select_related("department")
            .prefetch_related("fees", Prefetch("counters", queryset=counters), "forms")
            .order_by("title")
        )
        return self.steps.prefetch_related(Prefetch("services", queryset=services))


class SituationStep(Orderable, ClusterableModel):
    page = ParentalKey(SituationPage, on_delete=models.CASCADE, related_name="steps")
    title = models.CharField(_("co udělat"), max_length=255)
    text = RichTextField(_("podrobnosti"), features=RICH_TEXT_FEATURES, blank=True)
    services = ParentalManyToManyField(ServicePage, verbose_name=_("služby"), blank=True,
                                       related_name="situation_steps",
                                       help_text=_("Služby (úkony) tohoto nebo jiného úřadu, které krok používá."))
    optional = models.BooleanField(_("nepovinný krok"), default=False)

    panels = [FieldPanel("title"), FieldPanel("text"), FieldPanel("services"), FieldPanel("optional")]

    class Meta(Orderable.Meta):
        verbose_name = _("krok")
        verbose_name_plural = _("kroky")

    def __str__(self):
        return self.title


class SituationDocument(Orderable, DocumentRequirement):
    page = ParentalKey(SituationPage, on_delete=models.CASCADE, related_name="documents")


class SituationLegalReference(Orderable, LegalReference):
    page = ParentalKey(SituationPage, on_delete=models.CASCADE, related_name="legal_references")


class SituationDeadline(Orderable):
    page = ParentalKey(SituationPage, on_delete=models.CASCADE, related_name="deadlines")
    title = models.CharField(_("co je potřeba stihnout"), max_length=255)
    description = models.TextField(_("podrobnosti"), blank=True)
    days = models.PositiveIntegerField(_("počet dní"), null=True, blank=True,
                                       help_text=_("Jen pokud zákon stanoví pevnou lhůtu ve dnech."))

    panels = [FieldPanel("title"), FieldPanel("description"), FieldPanel("days")]

    class Meta(Orderable.Meta):
        verbose_name = _("lhůta")
        verbose_name_plural = _("lhůty")


class SituationFAQ(Orderable):
    page = ParentalKey(SituationPage, on_delete=models.CASCADE, related_name="faqs")
    question = models.CharField(_("otázka"), max_length=255)
    answer = RichTextField(_("odpověď"), features=RICH_TEXT_FEATURES)

    panels = [FieldPanel("question"), FieldPanel("answer")]

    class Meta(Orderable.Meta):
        verbose_name = _("častá otázka")
        verbose_name_plural = _("časté otázky")


class SituationRelated(Orderable):
    page = ParentalKey(SituationPage, on_delete=models.CASCADE, related_name="related")
    situation = models.ForeignKey(SituationPage, verbose_name=_("situace"), on_delete=models.CASCADE,
                                  related_name="+")

    panels = [FieldPanel("situation")]

    class Meta(Orderable.Meta):
        verbose_name = _("související situace")
        verbose_name_plural = _("související situace")
