"""Services (úkony) and counters (pracoviště): their pages and the rows they own (hours, fees, documents)."""

import re
from urllib.parse import urlencode

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from editorial.permissions import OwnedByContentManagersMixin, OwnedByDepartmentMixin
from languages.fields import same_in_every_language
from navigator.pagecache import SharedPageMixin
from navigator.visibility import RestrictedInEveryLanguageMixin
from navigator.panels import InlinePanel
from navigator.visibility import visible
from opendata.api_fields import LivePages

from . import hours
from .documents import DocumentRow
from .fees import FeeKind, FeePeriod, fee_rows
from .forms import ServicePageForm
from .service_list import service_list_context
from .snippets import ApplicationForm, Audience, Channel, Department, RequiredDocument

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]
# A law of the Collection of Laws by its number, "133/2000 Sb.": read as "zákona č. 133/2000 Sb.".
COLLECTION_ACT = re.compile(r"\d+/\d{4} Sb\.")


# ---------------------------------------------------------------------------------------------------------
# Shared inline shapes: a legal reference and a document requirement, used by services and situations


class LegalReference(models.Model):
    act = models.CharField(_("číslo předpisu"), max_length=120, help_text=_("Např. 133/2000 Sb."))
    section = models.CharField(_("ustanovení"), max_length=100, blank=True, help_text=_("Např. § 10 odst. 1"))
    title = models.CharField(_("název předpisu"), max_length=255, blank=True)
    url = models.URLField(_("odkaz do e-Sbírky"), max_length=500, blank=True)

    panels = [FieldRowPanel([FieldPanel("act"), FieldPanel("section")]), FieldPanel("title"), FieldPanel("url")]
    api_fields = ["act", "section", "title", "url"]
    # The act keeps its Czech number and section in every language; its title gets the translated name after it.
    override_translatable_fields = same_in_every_language("act", "section")

    class Meta:
        abstract = True
        verbose_name = _("právní předpis")

    def __str__(self):
        return " ".join(part for part in (self.section, self.act, self.title) if part)

    @property
    def outside_collection(self):
        """An act outside the Collection of Laws (a Prague ordinance "23/2003 Sb. HMP", an EU regulation): named by
        its title, which says what it is and carries its number, with no "zákona č." before it. A law is named by
        its number ("zákona č. 565/1990 Sb., zákon o …")."""
        return not COLLECTION_ACT.fullmatch(self.act.strip())


class DocumentRequirement(models.Model):
    class Form(models.TextChoices):
        ORIGINAL = "original", _("Originál")
        COPY = "copy", _("Stačí kopie")

    document = models.ForeignKey(RequiredDocument, verbose_name=_("doklad"), on_delete=models.CASCADE,
                                 related_name="+")
    form = models.CharField(_("originál, nebo kopie"), max_length=20, choices=Form.choices,
                            default=Form.ORIGINAL)
    applies_when = models.CharField(_("kdy je potřeba"), max_length=255, blank=True,
                                    help_text=_("Prázdné = vždy. Např. „jen pokud nejste vlastníkem bytu“."))

    panels = [FieldPanel("document"), FieldRowPanel([FieldPanel("form"), FieldPanel("applies_when")])]
    api_fields = ["document", "form", "applies_when"]

    class Meta:
        abstract = True
        verbose_name = _("požadovaný doklad")


# ---------------------------------------------------------------------------------------------------------
# Counters


class CounterIndexPage(OwnedByContentManagersMixin, SharedPageMixin, RestrictedInEveryLanguageMixin, Page):
    """/pracoviste/: every counter with today's hours."""

    intro = models.TextField(_("úvod"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["situations.HomePage"]
    subpage_types = ["services.CounterPage"]
    max_count = 1
    override_translatable_fields = same_in_every_language("slug")

    class Meta:
        verbose_name = _("seznam pracovišť")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["counters"] = (visible(CounterPage.objects.child_of(self), request)
                               .prefetch_related("opening_hours", "exceptions"))
        return context


class CounterPage(OwnedByDepartmentMixin, SharedPageMixin, RestrictedInEveryLanguageMixin, Page):
    """A place where citizens are served (pracoviště): address, room, weekly hours and exceptions.

    The office's own counters are kept by the department that runs them (its editors change the hours and add a
    closure); the counters of other offices, with no department, by the content managers."""

    departments_add_pages = False

    organisation = models.CharField(_("kdo pracoviště provozuje"), max_length=200)
    department = models.ForeignKey(
        Department, verbose_name=_("odpovědný odbor"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="counters",
        help_text=_("Odbor, jehož editoři upravují úřední hodiny a výjimky. Prázdné = správci obsahu (pracoviště "
                    "jiných úřadů)."))
    summary = models.TextField(_("shrnutí"), blank=True)
    street = models.CharField(_("ulice a číslo"), max_length=200)
    postcode = models.CharField(_("PSČ"), max_length=10)
    city = models.CharField(_("obec"), max_length=100)
    building = models.CharField(_("budova"), max_length=100, blank=True)
    floor = models.CharField(_("patro"), max_length=50, blank=True)
    room = models.CharField(_("místnost"), max_length=50, blank=True)
    phone = models.CharField(_("telefon"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    web_url = models.URLField(_("web"), max_length=500, blank=True)
    booking_url = models.URLField(_("objednání online"), max_length=500, blank=True,
                                  help_text=_("Odkaz na rezervační systém, pokud se lze objednat."))
    latitude = models.DecimalField(_("zeměpisná šířka"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("zeměpisná délka"), max_digits=9, decimal_places=6, null=True, blank=True)
    accessibility = models.TextField(_("přístupnost"), blank=True,
                                     help_text=_("Bezbariérový přístup, výtah, indukční smyčka…"))

    search_fields = Page.search_fields + [
        index.SearchField("organisation"), index.SearchField("street"), index.SearchField("summary"),
    ]
    api_fields = ["organisation", "summary", "street", "postcode", "city", "building", "floor", "room", "phone",
                  "email", "web_url", "booking_url", "latitude", "longitude", "accessibility", "opening_hours",
                  "exceptions"]

    content_panels = Page.content_panels + [FieldPanel("organisation"), FieldPanel("summary"),
                                            FieldPanel("department")]
    place_panels = [
        MultiFieldPanel([FieldPanel("street"), FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                         FieldRowPanel([FieldPanel("building"), FieldPanel("floor"), FieldPanel("room")]),
                         FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])],
                        heading=_("Adresa")),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email"), FieldPanel("web_url"),
                         FieldPanel("booking_url")], heading=_("Kontakt")),
        FieldPanel("accessibility"),
    ]
    hours_panels = [
        InlinePanel("opening_hours", heading=_("Úřední hodiny v týdnu"), label=_("interval"),
                    help_text=_("Pro den s polední přestávkou zadejte dva intervaly.")),
        InlinePanel("exceptions", heading=_("Výjimky"), label=_("výjimka"), add_label=_("Přidat výjimku"),
                    help_text=_("Zavřeno nebo jiná doba v konkrétní den (svátek, inventura).")),
    ]
    edit_handler = TabbedInterface([
        ObjectList(content_panels, heading=_("Obsah")),
        ObjectList(place_panels, heading=_("Místo a kontakt")),
        ObjectList(hours_panels, heading=_("Úřední hodiny")),
        ObjectList(Page.promote_panels, heading=_("Propagace")),
        ObjectList(Page.settings_panels, heading=_("Nastavení")),
    ])
    parent_page_types = ["services.CounterIndexPage"]
    subpage_types = []
    override_translatable_fields = same_in_every_language("slug", "street", "postcode", "city", "phone")

    class Meta:
        verbose_name = _("pracoviště")
        verbose_name_plural = _("pracoviště")

    @property
    def address(self):
        return f"{self.street}, {self.postcode} {self.city}"

    @property
    def map_url(self):
        """A mapy.cz link: to the exact point when coordinates are known, else a search for the address."""
        if self.latitude is not None and self.longitude is not None:
            query = {"x": self.longitude, "y": self.latitude, "z": 18, "source": "coor",
                     "id": f"{self.longitude},{self.latitude}"}
        else:
            query = {"q": self.address}
        return "https://mapy.cz/zakladni?" + urlencode(query)

    @cached_property
    def weekly_hours(self):
        return hours.weekly_schedule(self.opening_hours.all())

    @property
    def open_days(self):
        """The days of the week the counter opens, for a one-line summary that skips closed days."""
        return [day for day in self.weekly_hours if day.intervals]

    @cached_property
    def open_state(self):
        """Open now? From weekly hours, exceptions and Czech public holidays (services.hours)."""
        return hours.open_state(self)

    def upcoming_exceptions(self, today=None):
        return hours.upcoming_exceptions(self.exceptions.all(), today)

    @property
    def exceptions_soon(self):
        """Closures and special hours in the coming four weeks, for a checklist taken along on paper."""
        return hours.upcoming_exceptions(self.exceptions.all(), days=28)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["services"] = (
            visible(ServicePage.objects.filter(counters=self), request).order_by("title")
            .only("title", "url_path", "summary")
        )
        return context


class OpeningHours(Orderable):
    counter = ParentalKey(CounterPage, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("den"), choices=hours.WEEKDAY_CHOICES)
    opens = models.TimeField(_("od"))
    closes = models.TimeField(_("do"))

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]
    api_fields = ["weekday", "opens", "closes"]

    class Meta(Orderable.Meta):
        verbose_name = _("úřední hodiny")
        ordering = ["weekday", "opens"]


class CounterException(TranslatableMixin, Orderable):
    counter = ParentalKey(CounterPage, on_delete=models.CASCADE, related_name="exceptions")
    date = models.DateField(_("datum"))
    closed = models.BooleanField(_("zavřeno celý den"), default=True)
    opens = models.TimeField(_("od"), null=True, blank=True)
    closes = models.TimeField(_("do"), null=True, blank=True)
    note = models.CharField(_("důvod"), max_length=200, blank=True, help_text=_("Např. Štědrý den, inventura."))

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("closed")]),
              FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")]), FieldPanel("note")]
    api_fields = ["date", "closed", "opens", "closes", "note"]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("výjimka z úředních hodin")
        ordering = ["date", "opens"]

    def clean(self):
        from django.core.exceptions import ValidationError

        if not self.closed and not (self.opens and self.closes):
            raise ValidationError(_("Zadejte otevírací dobu, nebo zaškrtněte „zavřeno celý den“."))
        if self.opens and self.closes and self.opens >= self.closes:
            raise ValidationError(_("Čas „do“ musí být později než čas „od“."))


# ---------------------------------------------------------------------------------------------------------
# Services


class ServiceIndexPage(OwnedByContentManagersMixin, SharedPageMixin, RestrictedInEveryLanguageMixin, Page):
    """/sluzby/: the A–Z list of services (services.service_list, filtered by services.filters)."""

    intro = models.TextField(_("úvod"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["situations.HomePage"]
    subpage_types = ["services.ServicePage"]
    max_count = 1
    override_translatable_fields = same_in_every_language("slug")

    class Meta:
        verbose_name = _("katalog služeb")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(service_list_context(request, visible(ServicePage.objects.child_of(self), request),
                                            kept_as=("catalog", self.pk)))
        return context


class ServicePage(OwnedByDepartmentMixin, SharedPageMixin, RestrictedInEveryLanguageMixin, Page):
    """One procedure (úkon) of this or another office, following the Czech service catalogue's headings."""

    provider = models.CharField(_("kdo službu poskytuje"), max_length=200,
                                help_text=_("Tento úřad, nebo jiný (Magistrát, Úřad práce, notář…)."))
    department = models.ForeignKey(Department, verbose_name=_("odpovědný odbor"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="services")
    audience = models.CharField(_("pro koho"), max_length=20, choices=Audience.choices, default=Audience.CITIZENS)
    summary = models.TextField(_("shrnutí"), help_text=_("Jedna až dvě věty: co služba řeší."))
    lay_terms = models.CharField(_("lidová slova"), max_length=500, blank=True,
                                 help_text=_("Jak službě říkají lidé, oddělená čárkou; hledání je najde."))
    when_to_act = RichTextField(_("kdy službu využít"), features=RICH_TEXT_FEATURES, blank=True)
    what_you_get = RichTextField(_("co získáte"), features=RICH_TEXT_FEATURES, blank=True)
    processing_time = models.CharField(_("jak dlouho to trvá"), max_length=255, blank=True)
    who_may_apply = RichTextField(_("kdo může žádat"), features=RICH_TEXT_FEATURES, blank=True)
    how_to_apply = RichTextField(_("jak žádat"), features=RICH_TEXT_FEATURES, blank=True)
    deadline = models.CharField(_("lhůta pro občana"), max_length=255, blank=True)
    remedies = RichTextField(_("opravné prostředky"), features=RICH_TEXT_FEATURES, blank=True)
    channel_in_person = models.BooleanField(_("osobně"), default=True)
    channel_online = models.BooleanField(_("online"), default=False)
    channel_post = models.BooleanField(_("poštou"), default=False)
    channel_data_box = models.BooleanField(_("datovou schránkou"), default=False)
    counters = ParentalManyToManyField(CounterPage, verbose_name=_("pracoviště"), blank=True,
                                       related_name="services")
    forms = ParentalManyToManyField(ApplicationForm, verbose_name=_("formuláře"), blank=True,
                                    related_name="services")
    last_reviewed = models.DateField(_("naposledy zkontrolováno"), null=True, blank=True)
    review_due = models.DateField(_("zkontrolovat do"), null=True, blank=True,
                                  help_text=_("Prázdné = 12 měsíců od poslední kontroly."))

    search_fields = Page.search_fields + [
        index.SearchField("summary"), index.SearchField("lay_terms"), index.SearchField("provider"),
        index.FilterField("audience"),
    ]
    api_fields = [
        "provider", "department", "audience", "summary", "lay_terms", "when_to_act", "what_you_get", "processing_time",
        "who_may_apply", "how_to_apply", "deadline", "remedies", "channel_in_person", "channel_online",
        "channel_post", "channel_data_box", APIField("counters", serializer=LivePages()), "forms", "documents",
        "fees", "legal_references",
    ]

    content_panels = Page.content_panels + [
        FieldPanel("summary"), FieldPanel("lay_terms"), FieldPanel("audience"),
        FieldRowPanel([FieldPanel("provider"), FieldPanel("department")]),
        FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("review_due")], heading=_("Kontrola obsahu")),
    ]
    procedure_panels = [
        FieldPanel("when_to_act"), FieldPanel("who_may_apply"), FieldPanel("how_to_apply"),
        FieldPanel("what_you_get"), FieldRowPanel([FieldPanel("processing_time"), FieldPanel("deadline")]),
        FieldPanel("remedies"),
    ]
    channel_panels = [
        MultiFieldPanel([FieldRowPanel([FieldPanel("channel_in_person"), FieldPanel("channel_online"),
                                        FieldPanel("channel_post"), FieldPanel("channel_data_box")])],
                        heading=_("Jak lze žádat")),
        FieldPanel("counters", help_text=_("Kde službu vyřídíte osobně.")),
        FieldPanel("forms"),
    ]
    documents_panels = [InlinePanel("documents", heading=_("Co s sebou"), label=_("doklad"))]
    fee_panels = [
        InlinePanel("fees", heading=_("Poplatky"), label=_("poplatek"),
                    help_text=_("Každý poplatek zadejte jen zde: ukáže se u všech situací, které službu používají.")),
        InlinePanel("legal_references", heading=_("Právní předpisy"), label=_("předpis")),
    ]
    edit_handler = TabbedInterface([
        ObjectList(content_panels, heading=_("Obsah")),
        ObjectList(procedure_panels, heading=_("Postup")),
        ObjectList(channel_panels, heading=_("Kde a jak")),
        ObjectList(documents_panels, heading=_("Doklady")),
        ObjectList(fee_panels, heading=_("Poplatky a předpisy")),
        ObjectList(Page.promote_panels, heading=_("Propagace")),
        ObjectList(Page.settings_panels, heading=_("Nastavení")),
    ])
    base_form_class = ServicePageForm
    parent_page_types = ["services.ServiceIndexPage"]
    subpage_types = []
    # The department owns the page in every language (editors, approvers, reports): see languages.links.
    override_translatable_fields = same_in_every_language("slug", "department")

    class Meta:
        verbose_name = _("služba (úkon)")
        verbose_name_plural = _("služby (úkony)")

    @property
    def channels(self):
        """The channels this service can be used through, as Channel members."""
        return [channel for channel in Channel if getattr(self, f"channel_{channel.value}")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The situations whose steps use this service, through the steps' relation to it: services know
        # nothing of situations beyond that. Only this page's language: an untranslated service is used by the
        # translated situations too.
        context["part_of"] = (
            visible(Page.objects.filter(pk__in=self.situation_steps.values("page"), locale_id=self.locale_id), request)
            .order_by("title")
            .only("title", "slug", "url_path")
        )
        context["service_counters"] = (visible(self.chosen_counters(), request)
                                       .prefetch_related("opening_hours", "exceptions"))
        context["service_documents"] = [DocumentRow.of(row) for row in
                                         self.documents.select_related("document", "document__issued_by")]
        context["service_fees"] = fee_rows([self])
        return context

    def chosen_counters(self):
        """The counters the service names, as a queryset: from the database, or, in a preview of the edit form,
        the ones the editor has chosen and not saved yet."""
        if "counters" in getattr(self, "_cluster_related_objects", {}):
            return CounterPage.objects.filter(pk__in=[counter.pk for counter in self.counters.all()])
        return CounterPage.objects.filter(services=self)


class ServiceFee(TranslatableMixin, Orderable):
    """A fee paid or a benefit received through a service, with its period; see services.fees for how rows add up."""

    service = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="fees")
    label = models.CharField(_("za co"), max_length=255,
                             help_text=_("Za co a pro koho, např. „Pas pro dítě do 15 let“."))
    amount = models.DecimalField(_("částka v Kč"), max_digits=10, decimal_places=2)
    period = models.CharField(_("jak často"), max_length=20, choices=FeePeriod.choices, default=FeePeriod.ONCE,
                              help_text=_("Za kus: za stránku, tabulku, podpis… Napište v popisku, za co."))
    kind = models.CharField(_("druh"), max_length=20, choices=FeeKind.choices, default=FeeKind.FEE,
                            help_text=_("Dávky, které člověk dostane, ukážeme zvlášť a nikdy je nepřičteme."))
    tariff_group = models.CharField(
        _("skupina sazeb"), max_length=60, blank=True,
        help_text=_("Sazby se stejnou skupinou se vylučují, platí právě jedna (např. „věk“: dospělý, nebo dítě). "
                    "Nesčítáme je; když průvodce neví, která platí, napíšeme, pro koho je která."))
    optional = models.BooleanField(
        _("jen na přání nebo jen někdy"), default=False,
        help_text=_("Příplatek, který platí jen ten, kdo si ho vybere nebo koho se týká (expresní vydání, další "
                    "stránka). Do celkové částky ho nepočítáme, pokud ho nepotvrdí podmínka."))
    condition = models.CharField(
        _("jen pokud"), max_length=500, blank=True,
        help_text=_("Podmínka na odpovědi průvodce jako u kroků: „otazka = volba“, „otazka != volba“, více podmínek "
                    "oddělte středníkem. Platí v každé situaci, která službu používá a na otázku se ptá; kde se "
                    "situace neptá, ukážeme poplatek s tím, pro koho je."))
    channel = models.CharField(_("platí při podání"), max_length=20, default="any",
                               choices=[("any", _("jakkoli"))] + [(c.value, c.label) for c in (Channel.IN_PERSON, Channel.ONLINE)])
    how_to_pay = models.CharField(_("jak zaplatit"), max_length=255, blank=True)
    valid_from = models.DateField(_("platí od"), null=True, blank=True)

    panels = [FieldPanel("label"), FieldRowPanel([FieldPanel("amount"), FieldPanel("period"), FieldPanel("kind")]),
              FieldRowPanel([FieldPanel("tariff_group"), FieldPanel("optional")]), FieldPanel("condition"),
              FieldRowPanel([FieldPanel("channel"), FieldPanel("how_to_pay"), FieldPanel("valid_from")])]
    api_fields = ["label", "amount", "period", "kind", "tariff_group", "optional", "condition", "channel",
                  "how_to_pay", "valid_from"]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("poplatek")
        verbose_name_plural = _("poplatky")


class ServiceDocument(TranslatableMixin, Orderable, DocumentRequirement):
    service = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="documents")

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass


class ServiceLegalReference(TranslatableMixin, Orderable, LegalReference):
    service = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="legal_references")

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass
