"""Translatable rows, step 3 of 3: language and translation key required, unique together (slugs unique per language)."""

import uuid

import django.db.models.deletion
from django.db import migrations, models

class Migration(migrations.Migration):
    dependencies = [
        ("situations", "0009_translatable_populate"),
    ]

    operations = [
        migrations.AlterField(model_name="situationdeadline", name="locale", field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="wagtailcore.locale", verbose_name="locale")),
        migrations.AlterField(model_name="situationdeadline", name="translation_key", field=models.UUIDField(default=uuid.uuid4, editable=False)),
        migrations.AlterUniqueTogether(name="situationdeadline", unique_together={("translation_key", "locale")}),
        migrations.AlterField(model_name="situationdocument", name="locale", field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="wagtailcore.locale", verbose_name="locale")),
        migrations.AlterField(model_name="situationdocument", name="translation_key", field=models.UUIDField(default=uuid.uuid4, editable=False)),
        migrations.AlterUniqueTogether(name="situationdocument", unique_together={("translation_key", "locale")}),
        migrations.AlterField(model_name="situationfaq", name="locale", field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="wagtailcore.locale", verbose_name="locale")),
        migrations.AlterField(model_name="situationfaq", name="translation_key", field=models.UUIDField(default=uuid.uuid4, editable=False)),
        migrations.AlterUniqueTogether(name="situationfaq", unique_together={("translation_key", "locale")}),
        migrations.AlterField(model_name="situationlegalreference", name="locale", field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="wagtailcore.locale", verbose_name="locale")),
        migrations.AlterField(model_name="situationlegalreference", name="translation_key", field=models.UUIDField(default=uuid.uuid4, editable=False)),
        migrations.AlterUniqueTogether(name="situationlegalreference", unique_together={("translation_key", "locale")}),
        migrations.AlterField(model_name="situationquestion", name="locale", field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="wagtailcore.locale", verbose_name="locale")),
        migrations.AlterField(model_name="situationquestion", name="translation_key", field=models.UUIDField(default=uuid.uuid4, editable=False)),
        migrations.AlterUniqueTogether(name="situationquestion", unique_together={("translation_key", "locale")}),
        migrations.AlterField(model_name="situationstep", name="locale", field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="wagtailcore.locale", verbose_name="locale")),
        migrations.AlterField(model_name="situationstep", name="translation_key", field=models.UUIDField(default=uuid.uuid4, editable=False)),
        migrations.AlterUniqueTogether(name="situationstep", unique_together={("translation_key", "locale")}),
    ]
