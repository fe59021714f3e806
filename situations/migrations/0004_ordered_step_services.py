"""A step's services become ordered rows (SituationStepService), edited with a chooser in the editor's order.

The rows are copied from the old many-to-many table in the order visitors saw them until now (by the service's
title), and the stored revisions of situation pages get the same rows in place of the old list of ids, so that
comparing, reverting or publishing an older revision keeps its services. A row of the current content keeps the
id of the row made from it, so the compare sees the same rows in the latest revision and in the live page.
"""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


def copy_rows(apps, schema_editor):
    SituationStep = apps.get_model("situations", "SituationStep")
    SituationStepService = apps.get_model("situations", "SituationStepService")
    Through = SituationStep._meta.get_field("old_services").remote_field.through
    rows = Through.objects.order_by("situationstep_id", "servicepage__title", "servicepage_id")
    position = {}
    for row in rows.values_list("situationstep_id", "servicepage_id"):
        step_id, service_id = row
        order = position.get(step_id, 0)
        position[step_id] = order + 1
        SituationStepService.objects.create(step_id=step_id, service_id=service_id, sort_order=order)


def rewrite_revisions(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    ServicePage = apps.get_model("services", "ServicePage")
    SituationStepService = apps.get_model("situations", "SituationStepService")
    situation_type = ContentType.objects.filter(app_label="situations", model="situationpage").first()
    if situation_type is None:
        return
    titles = dict(ServicePage.objects.values_list("pk", "title"))
    row_ids = {(step_id, service_id): pk
               for pk, step_id, service_id in SituationStepService.objects.values_list("pk", "step_id", "service_id")}
    revisions = Revision.objects.filter(content_type=situation_type)
    for revision in revisions.iterator():
        content = revision.content
        changed = False
        for step in content.get("steps") or []:
            if "services" not in step:
                continue
            service_ids = sorted((pk for pk in step.pop("services") or [] if pk in titles),
                                 key=lambda pk: (titles[pk], pk))
            step["service_uses"] = [
                {"pk": row_ids.get((step.get("pk"), service_id)), "step": step.get("pk"), "service": service_id,
                 "sort_order": order}
                for order, service_id in enumerate(service_ids)
            ]
            changed = True
        if changed:
            revision.content = content
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("services", "0002_servicepage_review_dates"),
        ("situations", "0003_longer_legal_act_and_question_help"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="SituationStepService",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                ("service", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="step_uses",
                                              to="services.servicepage", verbose_name="služba")),
                ("step", modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE,
                                                         related_name="service_uses",
                                                         to="situations.situationstep")),
            ],
            options={
                "verbose_name": "služba kroku",
                "verbose_name_plural": "služby kroku",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        # The old field is renamed first so that its table can be read while the new rows are written.
        migrations.RenameField(model_name="situationstep", old_name="services", new_name="old_services"),
        migrations.RunPython(copy_rows, migrations.RunPython.noop),
        migrations.RunPython(rewrite_revisions, migrations.RunPython.noop),
        migrations.RemoveField(model_name="situationstep", name="old_services"),
        migrations.AddField(
            model_name="situationstep",
            name="services",
            field=models.ManyToManyField(blank=True, related_name="situation_steps",
                                         through="situations.SituationStepService", to="services.servicepage",
                                         verbose_name="služby"),
        ),
    ]
