"""An honest revision compare: what the approver sees changed is what an editor changed.

Wagtail compares two revisions field by field. Three things made it report changes nobody made:

- Rich text goes through the editor (Draftail) on every save: it comes back re-serialised, with a
  `data-block-key` on each paragraph and without the line breaks between tags, so every rich text field of a page
  written elsewhere (the demo loader, an import) was "changed" by the first save. Rich text is therefore compared
  as the editor reads it: both sides go through the editor's own conversion and lose their block keys first.
- A many-to-many choice without an order of its own (a service's counters or forms) is stored in the order it
  was given; the edit form gives it back in another. Such a choice is compared as a set.
- A step's services are rows of their own inside a step; Wagtail shows a nested relation as nothing at all.
  `ChosenListComparison` shows them as one field, as a list in the chosen order, where a new order is a change.

And a tick box reads „Ano“ or „Ne“ instead of Python's True and False.
"""

import re

from django.db import models
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.translation import gettext
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.compare import (
    FieldComparison,
    M2MFieldComparison,
    RichTextFieldComparison,
    TextDiff,
    register_comparison_class,
)
from wagtail.fields import RichTextField
from wagtail.rich_text import features as feature_registry

_BLOCK_KEY = re.compile(r'\sdata-block-key="[^"]*"')
_EMPTY = re.compile(r"(<p></p>)*")


def as_edited(html, features=None):
    """The rich text as the editor would save it untouched, without the random keys it gives each block."""
    # Imported here: the converter loads page models, and this module is imported while models load.
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    if not html:
        return ""
    converter = ContentstateConverter(features if features is not None else feature_registry.get_default_features())
    edited = _BLOCK_KEY.sub("", converter.to_database_format(converter.from_database_format(html)))
    return "" if _EMPTY.fullmatch(edited) else edited


class EditedRichTextComparison(RichTextFieldComparison):
    def has_changed(self):
        features = getattr(self.field, "features", None)
        return as_edited(self.val_a, features) != as_edited(self.val_b, features)


class UnorderedChoiceComparison(M2MFieldComparison):
    """A many-to-many whose order means nothing: the same items in another order are no change."""

    def get_items(self):
        return sorted(self.val_a, key=str), sorted(self.val_b, key=str)


class YesNoComparison(FieldComparison):
    """A tick box reads „Ano“ or „Ne“, not Python's True and False."""

    @staticmethod
    def _text(value):
        return gettext("Ano") if value else gettext("Ne")

    def htmldiff(self):
        if self.val_a != self.val_b:
            return TextDiff([("deletion", self._text(self.val_a)), ("addition", self._text(self.val_b))]).to_html()
        return escape(self._text(self.val_a))


register_comparison_class(RichTextField, comparison_class=EditedRichTextComparison)
register_comparison_class(models.BooleanField, comparison_class=YesNoComparison)
register_comparison_class(ParentalManyToManyField, comparison_class=UnorderedChoiceComparison)


class ChosenListComparison(M2MFieldComparison):
    """Ordered rows that each choose one object (a step's services), compared as the list of chosen objects."""

    def __init__(self, relation_name, chooser_field_name, label, obj_a, obj_b):
        self.relation_name, self.chooser_field_name, self.label = relation_name, chooser_field_name, label
        self.val_a, self.val_b = self._chosen(obj_a), self._chosen(obj_b)

    def _chosen(self, obj):
        rows = getattr(obj, self.relation_name).all() if obj is not None else []
        return [getattr(row, self.chooser_field_name) for row in rows]

    def field_label(self):
        return self.label

    @cached_property
    def _keys(self):
        return [item.pk for item in self.val_a], [item.pk for item in self.val_b]

    def has_changed(self):
        keys_a, keys_b = self._keys
        return keys_a != keys_b
