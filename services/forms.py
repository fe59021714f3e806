"""The service's edit form checks the conditions of its fees against the questions of the situations using it."""

from wagtail.admin.forms import WagtailAdminPageForm

from .fees import condition_errors


class ServicePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("fees")
        if formset is None:
            return cleaned_data
        formset.is_valid()
        for form in formset.forms:
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            for error in condition_errors(self.instance, form.cleaned_data.get("condition", "")):
                form.add_error("condition", error)
        return cleaned_data
