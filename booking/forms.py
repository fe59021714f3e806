"""The citizen's booking form: who is coming, how to reach them, and their consent."""

import re

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from navigator import retention

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _clean_text(value):
    return _CONTROL.sub("", value).strip()


class BookingForm(forms.Form):
    name = forms.CharField(label=_("Jméno a příjmení"), max_length=100,
                           widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(label=_("E-mail"), max_length=254,
                             help_text=_("Pošleme na něj potvrzení a den předem připomínku."),
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    phone = forms.CharField(
        label=_("Telefon (nepovinné)"), max_length=30, required=False,
        validators=[RegexValidator(r"^\+?[0-9 ()\-]{9,20}$",
                                   _("Zadejte telefon číslicemi, např. 777 123 456."))],
        help_text=_("Jen kdyby se termín musel změnit."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}))
    consent = forms.BooleanField(label="", required=True, error_messages={
        "required": _("Bez souhlasu se zpracováním údajů vás objednat nemůžeme.")})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        days = retention.get("booking").days
        self.fields["consent"].label = _(
            "Souhlasím, aby úřad jméno, e-mail a telefon použil pro tuto objednávku. Smaže je %(days)s dní "
            "po termínu.") % {"days": days}

    def clean_name(self):
        name = _clean_text(self.cleaned_data["name"])
        if len(name) < 2:
            raise forms.ValidationError(_("Napište prosím jméno a příjmení."))
        return name

    def clean_phone(self):
        return _clean_text(self.cleaned_data["phone"])
