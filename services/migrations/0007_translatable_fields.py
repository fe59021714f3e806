"""Translatable rows (wagtail-localize), step 1 of 3: their language and translation key, empty for now."""

from django.db import migrations, models
from wagtail.models import BootstrapLocaleField, BootstrapTranslationKeyField

class Migration(migrations.Migration):
    dependencies = [
        ("services", "0006_document_issued_by_service"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [
        BootstrapLocaleField("services.ApplicationForm"),
        BootstrapTranslationKeyField("services.ApplicationForm"),
        BootstrapLocaleField("services.CounterException"),
        BootstrapTranslationKeyField("services.CounterException"),
        BootstrapLocaleField("services.Department"),
        BootstrapTranslationKeyField("services.Department"),
        BootstrapLocaleField("services.RequiredDocument"),
        BootstrapTranslationKeyField("services.RequiredDocument"),
        BootstrapLocaleField("services.ServiceDocument"),
        BootstrapTranslationKeyField("services.ServiceDocument"),
        BootstrapLocaleField("services.ServiceFee"),
        BootstrapTranslationKeyField("services.ServiceFee"),
        BootstrapLocaleField("services.ServiceLegalReference"),
        BootstrapTranslationKeyField("services.ServiceLegalReference"),
        migrations.AlterField(model_name="applicationform", name="slug", field=models.SlugField(max_length=100, verbose_name="zkratka v adrese")),
        migrations.AlterField(model_name="department", name="slug", field=models.SlugField(max_length=100, verbose_name="zkratka v adrese")),
        migrations.AlterField(model_name="requireddocument", name="slug", field=models.SlugField(max_length=100, verbose_name="zkratka v adrese")),
    ]
