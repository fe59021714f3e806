"""Translatable rows (wagtail-localize), step 1 of 3: their language and translation key, empty for now."""

from django.db import migrations
from wagtail.models import BootstrapLocaleField, BootstrapTranslationKeyField

import situations.fields

class Migration(migrations.Migration):
    dependencies = [
        ("situations", "0007_step_urgent"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [
        BootstrapLocaleField("situations.SituationDeadline"),
        BootstrapTranslationKeyField("situations.SituationDeadline"),
        BootstrapLocaleField("situations.SituationDocument"),
        BootstrapTranslationKeyField("situations.SituationDocument"),
        BootstrapLocaleField("situations.SituationFAQ"),
        BootstrapTranslationKeyField("situations.SituationFAQ"),
        BootstrapLocaleField("situations.SituationLegalReference"),
        BootstrapTranslationKeyField("situations.SituationLegalReference"),
        BootstrapLocaleField("situations.SituationQuestion"),
        BootstrapTranslationKeyField("situations.SituationQuestion"),
        BootstrapLocaleField("situations.SituationStep"),
        BootstrapTranslationKeyField("situations.SituationStep"),
        migrations.AlterField(model_name="situationquestion", name="options", field=situations.fields.GuideOptionsField(help_text="Každou volbu na samostatný řádek ve tvaru „klic | Popisek“, např. „jina-obec | Z jiné obce“. Bez klíče ho vytvoříme z popisku.", verbose_name="volby")),
    ]
