"""The guide's options field: one option a line, `klic | Popisek`, whose keys stay the same in every language."""

from django.db import models
from wagtail_localize.segments import StringSegmentValue

from . import guide


class GuideOptionsField(models.TextField):
    """A question's options as editors write them. A translation translates each label on its own and keeps every
    key, so the guide's addresses (`?odkud=jina-obec`) and the conditions on its answers hold in every language:
    wagtail-localize asks the field for its segments and hands the translated ones back."""

    def get_translatable_segments(self, value):
        return [StringSegmentValue(option.key, option.label) for option in guide.parse_options(value or "")]

    def restore_translated_segments(self, value, segments):
        labels = {segment.path: segment.render_text() for segment in segments}
        return "\n".join(f"{option.key} | {labels.get(option.key, option.label)}"
                         for option in guide.parse_options(value or ""))
