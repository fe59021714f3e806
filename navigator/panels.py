"""Admin panels the project's pages share.

Wagtail's InlinePanel does not hand the page the scripts its children's panels need: a MultipleChooserPanel inside
an inline child (a step's services) then renders, but its "add" button finds no chooser code and does nothing
(Wagtail issue 11233). `NestingInlinePanel` gathers its children's media, the empty child's included, so a step
added in the same edit gets a working chooser too.
"""

from django.forms import Media
from wagtail.admin.panels import InlinePanel


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
