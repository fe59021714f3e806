"""Translatable rows, step 3 of 3: language and translation key required, unique together (slugs unique per language)."""

import uuid

import django.db.models.deletion
from django.db import migrations, models

class Migration(migrations.Migration):
    dependencies = [
        ("services", "0008_translatable_populate"),
    ]

    operations = [
        migrations.AlterField(model_name="applicationform", name="locale", field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="wagtailcore.locale", verbose_name="locale")),
        migrations.AlterField(model_name="applicationform", name="translation_key", field=models.UUIDField(default=uuid.uuid4, editable=False)),
        migrations.AlterUniqueTogether(name="applicationform", unique_together={("translation_key", "locale")}),
        migrations.AlterField(model_name="counterexception", name="locale", field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="wagtailcore.locale", verbose_name="locale")),
        migrations.AlterField(model_name="counterexception", name="translation_key", field=models.UUIDField(default=uuid.uuid4, editable=False)),
        migrations.AlterUniqueTogether(name="counterexception", unique_together={("translation_key", "locale")}),
        migrations.AlterField(model_name="department", name="locale", field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="wagtailcore.locale", verbose_name="locale")),
        migrations.AlterField(model_name="department", name="translation_key", field=models.UUIDField(default=uuid.uuid4, editable=False)),
        migrations.AlterUniqueTogether(name="department", unique_together={("translation_key", "locale")}),
        migrations.AlterField(model_name="requireddocument", name="locale", field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="wagtailcore.locale", verbose_name="locale")),
        migrations.AlterField(model_name="requireddocument", name="translation_key", field=models.UUIDField(default=uuid.uuid4, editable=False)),
        migrations.AlterUniqueTogether(name="requireddocument", unique_together={("translation_key", "locale")}),
        migrations.AlterField(model_name="servicedocument", name="locale", field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="wagtailcore.locale", verbose_name="locale")),
        migrations.AlterField(model_name="servicedocument", name="translation_key", field=models.UUIDField(default=uuid.uuid4, editable=False)),
        migrations.AlterUniqueTogether(name="servicedocument", unique_together={("translation_key", "locale")}),
        migrations.AlterField(model_name="servicefee", name="locale", field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="wagtailcore.locale", verbose_name="locale")),
        migrations.AlterField(model_name="servicefee", name="translation_key", field=models.UUIDField(default=uuid.uuid4, editable=False)),
        migrations.AlterUniqueTogether(name="servicefee", unique_together={("translation_key", "locale")}),
        migrations.AlterField(model_name="servicelegalreference", name="locale", field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="wagtailcore.locale", verbose_name="locale")),
        migrations.AlterField(model_name="servicelegalreference", name="translation_key", field=models.UUIDField(default=uuid.uuid4, editable=False)),
        migrations.AlterUniqueTogether(name="servicelegalreference", unique_together={("translation_key", "locale")}),
        migrations.AddConstraint(model_name="applicationform", constraint=models.UniqueConstraint(fields=("slug", "locale"), name="unique_form_slug_per_locale")),
        migrations.AddConstraint(model_name="department", constraint=models.UniqueConstraint(fields=("slug", "locale"), name="unique_department_slug_per_locale")),
        migrations.AddConstraint(model_name="requireddocument", constraint=models.UniqueConstraint(fields=("slug", "locale"), name="unique_document_slug_per_locale")),
    ]
