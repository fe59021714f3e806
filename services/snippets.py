"""The choices and snippets services share with situations: audiences, channels, departments, documents, forms.

They sit below the page models (services.models) so that the A–Z list's filters can use them without importing
the pages that show the list.

Departments, documents and forms are translated like pages (wagtail-localize): one row per language, linked by
`translation_key`. The slug is the same in every language, so it is unique per language only.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from languages.fields import same_in_every_language
from navigator.shown import shown_on_pages


class Audience(models.TextChoices):
    CITIZENS = "citizens", _("Občané")
    BUSINESSES = "businesses", _("Podnikatelé")
    BOTH = "both", _("Občané i podnikatelé")

    @classmethod
    def matching(cls, audience):
        """The stored values a filter for one audience should match ("both" serves everyone)."""
        return [audience, cls.BOTH]


class Channel(models.TextChoices):
    IN_PERSON = "in_person", _("Osobně")
    ONLINE = "online", _("Online")
    POST = "post", _("Poštou")
    DATA_BOX = "data_box", _("Datovou schránkou")


@register_snippet
@shown_on_pages
class Department(TranslatableMixin, index.Indexed, models.Model):
    """An organisational unit of the office that owns situations and services."""

    name = models.CharField(_("název"), max_length=200)
    slug = models.SlugField(_("zkratka v adrese"), max_length=100)
    description = models.TextField(_("čím se zabývá"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefon"), max_length=50, blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"),
              FieldRowPanel([FieldPanel("email"), FieldPanel("phone")])]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("slug"),
                     index.FilterField("locale")]
    override_translatable_fields = same_in_every_language("slug", "phone")

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_department_slug_per_locale")]
        verbose_name = _("odbor")
        verbose_name_plural = _("odbory")

    def __str__(self):
        return self.name


@register_snippet
@shown_on_pages
class RequiredDocument(TranslatableMixin, index.Indexed, models.Model):
    """A document a citizen may have to show; the office may fetch some from the base registers itself."""

    name = models.CharField(_("název"), max_length=200)
    slug = models.SlugField(_("zkratka v adrese"), max_length=100)
    lay_names = models.CharField(
        _("lidové názvy"), max_length=255, blank=True,
        help_text=_("Jak dokladu říkají lidé, oddělené čárkou, např. „občanka, rodňák“."),
    )
    description = models.TextField(_("co to je"), blank=True)
    how_to_get = models.TextField(_("jak ho získat"), blank=True)
    issued_by = models.ForeignKey(
        "services.ServicePage", verbose_name=_("služba, která ho vydává"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("Kam vede „Nemáte ho?“: úkon, kterým doklad získáte (u ztraceného rodného listu duplikát "
                    "z matriky, ne narození dítěte)."),
    )
    fetched_by_office = models.BooleanField(
        _("úřad si ho zjistí sám"), default=False,
        help_text=_("Úřad údaj získá ze základních registrů, občan doklad nosit nemusí."),
    )

    panels = [
        FieldPanel("name"), FieldPanel("slug"), FieldPanel("lay_names"), FieldPanel("description"),
        FieldPanel("how_to_get"), FieldPanel("issued_by"), FieldPanel("fetched_by_office"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("lay_names"), index.AutocompleteField("name"),
                     index.FilterField("locale")]
    override_translatable_fields = same_in_every_language("slug", "issued_by")

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_document_slug_per_locale")]
        verbose_name = _("doklad")
        verbose_name_plural = _("doklady")

    def __str__(self):
        return self.name


@register_snippet
@shown_on_pages
class ApplicationForm(TranslatableMixin, index.Indexed, models.Model):
    """A form to fill in: online, or a printable file."""

    class Kind(models.TextChoices):
        ONLINE = "online", _("Online formulář")
        PRINTABLE = "printable", _("Tiskopis k vytištění")

    title = models.CharField(_("název"), max_length=255)
    slug = models.SlugField(_("zkratka v adrese"), max_length=100)
    description = models.TextField(_("popis"), blank=True)
    kind = models.CharField(_("druh"), max_length=20, choices=Kind.choices, default=Kind.ONLINE)
    url = models.URLField(_("odkaz"), max_length=500, blank=True)
    file = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("soubor"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text=_("Tiskopis nahraný na web úřadu; má přednost před odkazem."),
    )
    requires_identity = models.BooleanField(_("vyžaduje elektronickou identitu"), default=False)
    requires_data_box = models.BooleanField(_("podává se datovou schránkou"), default=False)

    panels = [
        FieldPanel("title"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("kind"),
        FieldPanel("url"), FieldPanel("file"),
        FieldRowPanel([FieldPanel("requires_identity"), FieldPanel("requires_data_box")]),
    ]
    search_fields = [index.SearchField("title"), index.SearchField("description"), index.AutocompleteField("title"),
                     index.FilterField("locale")]
    override_translatable_fields = same_in_every_language("slug")

    class Meta(TranslatableMixin.Meta):
        ordering = ["title"]
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_form_slug_per_locale")]
        verbose_name = _("formulář")
        verbose_name_plural = _("formuláře")

    def __str__(self):
        return self.title

    @property
    def link(self):
        return self.file.url if self.file_id else self.url
