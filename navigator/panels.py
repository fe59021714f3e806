"""Admin panels the project's pages share.

Wagtail's InlinePanel does not hand the page the scripts its children's panels need: a MultipleChooserPanel inside
an inline child (a step's services) then renders, but its "add" button finds no chooser code and does nothing
(Wagtail issue 11233). `NestingInlinePanel` gathers its children's media, the empty child's included, so a step
added in the same edit gets a working chooser too. `ChosenListPanel` is such a chooser whose rows the revision
compare shows as one list (navigator.compare).
"""

import functools

from django.forms import Media
from wagtail.admin.panels import InlinePanel, MultipleChooserPanel

from .compare import ChosenListComparison


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


class ChosenListPanel(MultipleChooserPanel):
    """A MultipleChooserPanel whose rows each choose one object; the compare shows them as one ordered list."""

    class BoundPanel(MultipleChooserPanel.BoundPanel):
        def get_comparison(self):
            return [functools.partial(ChosenListComparison, self.panel.relation_name, self.panel.chooser_field_name,
                                      self.heading)]
