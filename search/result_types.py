"""What a search result can be. The public API calls it `type` (the `type` parameter, each result's `type`
field and facet), and so does the code: one word from the URL to the index."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ResultType(models.TextChoices):
    # One result's kind: "Životní situace" is also the plural, which other languages say differently.
    SITUATION = "situation", pgettext_lazy("druh výsledku hledání", "Životní situace")
    SERVICE = "service", _("Služba")
    COUNTER = "counter", _("Pracoviště")
