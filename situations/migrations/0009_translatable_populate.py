"""Translatable rows, step 2 of 3: every existing row is Czech (the default language) with a translation key of its own."""

from django.db import migrations
from wagtail.models import BootstrapTranslatableModel

class Migration(migrations.Migration):
    dependencies = [
        ("situations", "0008_translatable_fields"),
    ]

    operations = [
        BootstrapTranslatableModel("situations.SituationDeadline"),
        BootstrapTranslatableModel("situations.SituationDocument"),
        BootstrapTranslatableModel("situations.SituationFAQ"),
        BootstrapTranslatableModel("situations.SituationLegalReference"),
        BootstrapTranslatableModel("situations.SituationQuestion"),
        BootstrapTranslatableModel("situations.SituationStep"),
    ]
