"""Admin panels the project's pages share.

- `InlinePanel` names its add button in the accusative, as Czech needs: Wagtail builds both the button („Přidat
  %(label)s“) and each row's heading („%(label)s 2“) from one label, so a row „Výjimka 2“ came with a button
  „Přidat výjimka“. `add_label` gives the button its own words („Přidat výjimku“).
- Wagtail's InlinePanel does not hand the page the scripts its children's panels need: a MultipleChooserPanel
  inside an inline child (a step's services) then renders, but its "add" button finds no chooser code and does
  nothing (Wagtail issue 11233). `NestingInlinePanel` gathers its children's media, the empty child's included,
  so a step added in the same edit gets a working chooser too.
- `ChosenListPanel` is such a chooser whose rows the revision compare shows as one list (navigator.compare).
"""

import functools

from django.forms import Media
from wagtail.admin import panels

from .compare import ChosenListComparison


class AddLabelMixin:
    def __init__(self, *args, add_label="", **kwargs):
        super().__init__(*args, **kwargs)
        self.add_label = add_label

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "add_label": self.add_label}


class InlinePanel(AddLabelMixin, panels.InlinePanel):
    class BoundPanel(panels.InlinePanel.BoundPanel):
        template_name = "navigator/panels/inline_panel.html"


class NestingInlinePanel(InlinePanel):
    class BoundPanel(InlinePanel.BoundPanel):
        @property
        def media(self):
            media = Media()
            if self.form is None:
                return media
            for child in [*self.children, self.empty_child]:
                media += child.media
            return media


class ChosenListPanel(AddLabelMixin, panels.MultipleChooserPanel):
    """A MultipleChooserPanel whose rows each choose one object; the compare shows them as one ordered list."""

    class BoundPanel(panels.MultipleChooserPanel.BoundPanel):
        template_name = "navigator/panels/multiple_chooser_panel.html"

        def get_comparison(self):
            return [functools.partial(ChosenListComparison, self.panel.relation_name, self.panel.chooser_field_name,
                                      self.heading)]
