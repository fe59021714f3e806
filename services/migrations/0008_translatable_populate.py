"""Translatable rows, step 2 of 3: every existing row is Czech (the default language) with a translation key of its own."""

from django.db import migrations
from wagtail.models import BootstrapTranslatableModel

class Migration(migrations.Migration):
    dependencies = [
        ("services", "0007_translatable_fields"),
    ]

    operations = [
        BootstrapTranslatableModel("services.ApplicationForm"),
        BootstrapTranslatableModel("services.CounterException"),
        BootstrapTranslatableModel("services.Department"),
        BootstrapTranslatableModel("services.RequiredDocument"),
        BootstrapTranslatableModel("services.ServiceDocument"),
        BootstrapTranslatableModel("services.ServiceFee"),
        BootstrapTranslatableModel("services.ServiceLegalReference"),
    ]
