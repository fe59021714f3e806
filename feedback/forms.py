"""The answer a citizen sends: useful or not, what was unclear, an optional comment made safe to keep."""

import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from navigator import choice_widgets
from search.querylog import scrub

from . import tokens
from .models import MAX_COMMENT_LENGTH, Reason

# Control characters (NUL included) go; tabs and line breaks stay. Bidirectional overrides go too: they can
# make a comment read differently in the report than what it contains.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_BLANK_LINES = re.compile(r"\n{3,}")
UNREADABLE = "\ufffd"  # what the request parser puts where the bytes were not UTF-8
MAX_ECHO = 40


def plain_text(value):
    """The text with unified line breaks, without control characters, NFC-normalised and trimmed."""
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    if not _SURROGATE.search(text):
        text = unicodedata.normalize("NFC", text)
    return _BLANK_LINES.sub("\n\n", text).strip()


def _echo(value):
    value = str(value)
    return value if len(value) <= MAX_ECHO else value[:MAX_ECHO] + "…"


class CommentField(forms.CharField):
    """Plain text of at most MAX_COMMENT_LENGTH characters; refused, not cut, when longer or unreadable."""

    def to_python(self, value):
        # Cleaned before Django's own checks, so a NUL byte is dropped rather than refused.
        return plain_text(super().to_python(value))

    def validate(self, value):
        super().validate(value)
        if UNREADABLE in value or _SURROGATE.search(value):
            raise ValidationError(
                _("Komentář obsahuje znaky, které se nepodařilo přečíst. Napište ho prosím znovu."),
                code="unreadable")
        if len(value) > MAX_COMMENT_LENGTH:
            raise ValidationError(
                _("Komentář je příliš dlouhý: má %(length)s znaků, vejde se nejvýš %(limit)s. "
                  "Zkraťte ho prosím."),
                code="too_long",
                params={"length": number_format(len(value), force_grouping=True),
                        "limit": number_format(MAX_COMMENT_LENGTH, force_grouping=True)})


class ReasonsField(forms.MultipleChoiceField):
    def validate(self, value):
        for item in value:
            if not self.valid_value(item):
                raise ValidationError(_("Možnost „%(value)s“ neznáme. Vyberte prosím z nabídky."),
                                      code="invalid_choice", params={"value": _echo(item)})


class FeedbackForm(forms.Form):
    useful = forms.TypedChoiceField(
        label=_("Byla tato stránka užitečná?"),
        choices=[("yes", _("Ano")), ("no", _("Ne"))],
        coerce=lambda value: value == "yes",
        widget=choice_widgets.RadioSelect,
        error_messages={"required": _("Vyberte prosím, zda vám stránka pomohla: Ano, nebo Ne."),
                        "invalid_choice": _("Odpověď neznáme. Vyberte prosím Ano, nebo Ne.")},
    )
    reasons = ReasonsField(
        label=_("Co chybělo nebo nebylo jasné?"),
        choices=Reason.choices,
        required=False,
        widget=choice_widgets.CheckboxSelectMultiple,
    )
    comment = CommentField(
        label=_("Co můžeme zlepšit?"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60, "maxlength": MAX_COMMENT_LENGTH}),
    )

    def __init__(self, data=None, *, page_id, **kwargs):
        kwargs.setdefault("auto_id", "zpetna-vazba-%s")
        super().__init__(data, **kwargs)
        self.page_id = page_id
        self.comment_limit = MAX_COMMENT_LENGTH
        self.comment_limit_display = number_format(MAX_COMMENT_LENGTH, force_grouping=True)

    @property
    def token(self):
        """A fresh token for this page: a form shown again after an error can be sent again."""
        return tokens.issue(self.page_id)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("useful"):
            cleaned["reasons"] = []  # ticked before choosing "Ano": a yes has nothing missing
        if cleaned.get("comment"):
            cleaned["comment"] = scrub(cleaned["comment"])
        return cleaned

    def error_messages_flat(self):
        return [str(message) for errors in self.errors.values() for message in errors]
