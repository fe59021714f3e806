"""The chooser editors pick services with (a step's services, a service's condition in a situation).

A multiple select of every service needed Ctrl-click and told nothing about a service but its title. The chooser
lists services with their department and provider, finds them by any word of the title, the lay terms, the
provider or the department, with or without diacritics and in any case, and narrows them to one department.
Wagtail's MultipleChooserPanel opens it to tick several at once; the order they are then put in is the editor's.
"""

import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView, ChosenMultipleView, ChosenView
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.widgets.chooser import BaseChooser

from .snippets import Department


def folded(text):
    """Lower case without diacritics: „Řidičský“ and „ridicsky“ meet."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(character for character in decomposed if not unicodedata.combining(character)).casefold()


def service_label(service):
    """The service as the chooser shows a chosen one: its title and, to tell similar ones apart, its department."""
    department = service.department.name if service.department_id else service.provider
    return f"{service.title} ({department})" if department else service.title


class ServiceFilterForm(BaseFilterForm):
    q = forms.CharField(label=_("Hledat"), required=False,
                        widget=forms.TextInput(attrs={"placeholder": _("Název, lidové slovo nebo odbor")}))
    department = forms.ModelChoiceField(
        label=_("Odbor"), queryset=Department.objects.all(), required=False, empty_label=_("Všechny odbory"),
        widget=forms.Select(attrs={"data-chooser-modal-search-filter": True}))

    def filter(self, objects):
        department = self.cleaned_data.get("department")
        if department:
            objects = objects.filter(department=department)
        words = folded(self.cleaned_data.get("q", "")).split()
        if not words:
            return objects
        self.is_searching, self.search_query = True, self.cleaned_data["q"]
        return [service for service in objects if all(word in _haystack(service) for word in words)]


def _haystack(service):
    department = service.department.name if service.department_id else ""
    return folded(" ".join((service.title, service.lay_terms, service.provider, department)))


class ServiceChooserMixin:
    filter_form_class = ServiceFilterForm
    ordering = ["title"]
    per_page = 20

    def get_object_list(self):
        return self.model_class.objects.select_related("department").only(
            "id", "title", "lay_terms", "provider", "live", "department__name")

    @property
    def columns(self):
        return [
            self.title_column,
            Column("department", label=_("Odbor"), accessor=lambda service: service.department or "—"),
            Column("provider", label=_("Kdo ji poskytuje"), accessor="provider"),
            Column("live", label=_("Stav"),
                   accessor=lambda service: _("zveřejněná") if service.live else _("koncept")),
        ]


class ServiceChooseView(ServiceChooserMixin, ChooseView):
    pass


class ServiceChooseResultsView(ServiceChooserMixin, ChooseResultsView):
    pass


class ServiceChosenMixin:
    def get_display_title(self, instance):
        return service_label(instance)


class ServiceChosenView(ServiceChosenMixin, ChosenView):
    pass


class ServiceChosenMultipleView(ServiceChosenMixin, ChosenMultipleView):
    def get_objects(self, pks):
        # Ticked rows come back in the list's (title) order; the editor reorders them in the step.
        return self.model_class.objects.filter(pk__in=pks).select_related("department").order_by("title")


class ServiceChooser(BaseChooser):
    """The form widget: a chosen service shows with its department, as in the list it was chosen from."""

    def get_instance(self, value):
        if value is None or isinstance(value, self.model_class):
            return value
        return self.model_class.objects.select_related("department").filter(pk=value).first()

    def get_display_title(self, instance):
        return service_label(instance)


class ServiceChooserViewSet(ChooserViewSet):
    model = "services.ServicePage"
    icon = "list-ul"
    choose_one_text = _("Vybrat službu")
    choose_another_text = _("Vybrat jinou službu")
    edit_item_text = _("Upravit službu")
    page_title = _("Vyberte službu")
    search_tab_label = _("Hledat")
    choose_view_class = ServiceChooseView
    choose_results_view_class = ServiceChooseResultsView
    chosen_view_class = ServiceChosenView
    chosen_multiple_view_class = ServiceChosenMultipleView
    base_widget_class = ServiceChooser


service_chooser_viewset = ServiceChooserViewSet("service_chooser", url_prefix="sluzby-k-vyberu")
