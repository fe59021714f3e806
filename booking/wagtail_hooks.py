"""Admin: editors set up booking per counter and service (a snippet), and read the weekly booking report."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import BookingSetup


class BookingSetupViewSet(SnippetViewSet):
    model = BookingSetup
    icon = "date"
    menu_label = _("Objednávání")
    add_to_admin_menu = False
    list_display = ["service", "counter", "slot_minutes", "desks", "walk_in_percent", "active"]
    list_filter = ["active", "counter"]


register_snippet(BookingSetupViewSet)
