"""The pages a Czech public body must publish about its website, editable like any other page.

* The accessibility statement (prohlášení o přístupnosti) that § 8 of zákon č. 99/2019 Sb. requires, with the
  parts of the template the Digital and Information Agency (DIA) publishes: scope, compliance status, what is not
  accessible and why, how and when the statement was prepared and last reviewed, a contact for an accessible
  alternative and the way to complain, up to the supervising body.
* The privacy notice (GDPR art. 13): who the controller and its data protection officer are, what the site keeps,
  why, on what legal basis and for how long, and the visitor's rights. What the site keeps and for how long is not
  typed in by an editor: the page lists the records the apps register with navigator.retention, with the periods
  the purge command uses, so the notice cannot fall behind the settings.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from editorial.permissions import OwnedByContentManagersMixin
from navigator import retention
from navigator.pagecache import SharedPageMixin
from navigator.visibility import RestrictedInEveryLanguageMixin

FEATURES = ["h3", "bold", "italic", "ol", "ul", "link"]


class AccessibilityStatementPage(OwnedByContentManagersMixin, SharedPageMixin, RestrictedInEveryLanguageMixin, Page):
    class Compliance(models.TextChoices):
        FULL = "full", _("plně v souladu")
        PARTIAL = "partial", _("částečně v souladu")
        NONE = "none", _("není v souladu")

    class Method(models.TextChoices):
        SELF = "self", _("vlastním posouzením úřadu")
        THIRD_PARTY = "third-party", _("posouzením třetí stranou")

    intro = RichTextField(_("úvod"), features=FEATURES,
                          help_text=_("Kdo se zavazuje ke zpřístupnění a podle jakého zákona."))
    scope = RichTextField(_("na které stránky se prohlášení vztahuje"), features=FEATURES)
    compliance = models.CharField(_("stav souladu"), max_length=20, choices=Compliance.choices,
                                  default=Compliance.PARTIAL)
    compliance_note = RichTextField(_("stav souladu – podrobnosti"), features=FEATURES, blank=True)
    not_accessible = RichTextField(
        _("nepřístupný obsah"), features=FEATURES, blank=True,
        help_text=_("Co není přístupné a proč: nesoulad se zákonem, nepřiměřená zátěž, nebo obsah mimo rozsah "
                    "zákona. U každého bodu uveďte přístupnou alternativu, je-li."))
    prepared_on = models.DateField(_("prohlášení vypracováno dne"))
    reviewed_on = models.DateField(_("naposledy přezkoumáno dne"))
    method = models.CharField(_("jak bylo prohlášení vypracováno"), max_length=20, choices=Method.choices,
                              default=Method.SELF)
    method_note = RichTextField(_("jak bylo prohlášení vypracováno – podrobnosti"), features=FEATURES, blank=True)
    contact = RichTextField(
        _("zpětná vazba a kontakt"), features=FEATURES,
        help_text=_("Komu napsat o chybě v přístupnosti a kde požádat o obsah v přístupné podobě."))
    enforcement = RichTextField(_("postup pro vymáhání"), features=FEATURES,
                                help_text=_("Podnět k nápravě (§ 9 zákona) a dozorový orgán."))

    content_panels = Page.content_panels + [
        FieldPanel("intro"), FieldPanel("scope"),
        MultiFieldPanel([FieldPanel("compliance"), FieldPanel("compliance_note"), FieldPanel("not_accessible")],
                        heading=_("Stav souladu")),
        MultiFieldPanel([FieldRowPanel([FieldPanel("prepared_on"), FieldPanel("reviewed_on")]),
                         FieldPanel("method"), FieldPanel("method_note")],
                        heading=_("Vypracování prohlášení")),
        FieldPanel("contact"), FieldPanel("enforcement"),
    ]
    parent_page_types = ["situations.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("prohlášení o přístupnosti")


class PrivacyNoticePage(OwnedByContentManagersMixin, SharedPageMixin, RestrictedInEveryLanguageMixin, Page):
    intro = RichTextField(_("úvod"), features=FEATURES)
    controller = RichTextField(_("správce osobních údajů"), features=FEATURES,
                               help_text=_("Název, adresa, datová schránka a e-mail správce."))
    officer = RichTextField(_("pověřenec pro ochranu osobních údajů"), features=FEATURES)
    records_note = RichTextField(
        _("k tomu, co web ukládá"), features=FEATURES, blank=True,
        help_text=_("Tabulku záznamů a dob uložení web doplní sám podle nastavení mazání; sem patří, co k ní "
                    "chcete dodat (např. záznamy serveru, prohlížeč a plán)."))
    recipients = RichTextField(_("komu údaje předáváme"), features=FEATURES, blank=True)
    rights = RichTextField(_("vaše práva"), features=FEATURES)
    complaint = RichTextField(_("stížnost u dozorového úřadu"), features=FEATURES)

    content_panels = Page.content_panels + [
        FieldPanel("intro"), FieldPanel("controller"), FieldPanel("officer"), FieldPanel("records_note"),
        FieldPanel("recipients"), FieldPanel("rights"), FieldPanel("complaint"),
    ]
    parent_page_types = ["situations.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("informace o zpracování osobních údajů")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["kept_records"] = retention.registered()
        return context
