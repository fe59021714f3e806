from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class OfficeSettings(BaseSiteSetting):
    """Who runs the site and how to reach them; shown in every page's footer."""

    office_name = models.CharField(_("název úřadu"), max_length=200, default="Úřad městské části")
    address = models.CharField(_("adresa"), max_length=255, blank=True)
    phone = models.CharField(_("telefon"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    data_box = models.CharField(_("datová schránka"), max_length=20, blank=True)
    accessibility_statement = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("prohlášení o přístupnosti"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("Odkaz v patičce každé stránky (zákon č. 99/2019 Sb.)."))
    privacy_notice = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("ochrana osobních údajů"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("Odkaz v patičce každé stránky (informace podle čl. 13 GDPR)."))
    demo_content = models.BooleanField(
        _("ukázkový obsah"),
        default=False,
        help_text=_("Zapnuto, dokud web obsahuje ukázkový katalog: na každé stránce se zobrazí upozornění."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("office_name"), FieldPanel("address"), FieldPanel("phone"), FieldPanel("email"),
             FieldPanel("data_box")],
            heading=_("Kontakt na úřad"),
        ),
        MultiFieldPanel([PageChooserPanel("accessibility_statement", "legal.AccessibilityStatementPage"),
                         PageChooserPanel("privacy_notice", "legal.PrivacyNoticePage")],
                        heading=_("Povinně zveřejňované stránky")),
        FieldPanel("demo_content"),
    ]
    # The footer links both pages on every page: fetched with the settings, not one query each.
    select_related = ["accessibility_statement", "privacy_notice"]

    class Meta:
        verbose_name = _("nastavení úřadu")


class RateCounter(models.Model):
    """How many requests of one kind one client sent in one time slot (navigator.ratelimit); `client` is a
    keyed hash that changes every slot."""

    scope = models.CharField(max_length=30)
    slot = models.BigIntegerField()
    client = models.CharField(max_length=32)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        default_permissions = ()
        # Leading with the kind and the slot, the same index serves the counting upsert and pruning old slots.
        constraints = [
            models.UniqueConstraint(fields=["scope", "slot", "client"], name="navigator_ratecounter_unique"),
        ]
