"""A document's "Nemáte ho?" leads to the service that issues it, no longer to a situation."""

import django.db.models.deletion
from django.db import migrations, models


def forget_situations(apps, schema_editor):
    """Keep a link only where it already named a service page; a situation is no issuer."""
    RequiredDocument = apps.get_model("services", "RequiredDocument")
    ServicePage = apps.get_model("services", "ServicePage")
    services = set(ServicePage.objects.values_list("pk", flat=True))
    for document in RequiredDocument.objects.exclude(issued_by__isnull=True):
        if document.issued_by_id not in services:
            document.issued_by = None
            document.save(update_fields=["issued_by"])


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0005_fee_period_kind_tariff_condition"),
    ]

    operations = [
        migrations.RenameField("requireddocument", "obtain_situation", "issued_by"),
        migrations.RunPython(forget_situations, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="requireddocument",
            name="issued_by",
            field=models.ForeignKey(
                blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+",
                to="services.servicepage", verbose_name="služba, která ho vydává",
                help_text="Kam vede „Nemáte ho?“: úkon, kterým doklad získáte (u ztraceného rodného listu duplikát "
                          "z matriky, ne narození dítěte)."),
        ),
    ]
