"""The demo catalog fits its columns: SQLite ignores a CharField's max_length, PostgreSQL refuses the row."""

import pytest
from django.apps import apps
from django.db import models

pytestmark = pytest.mark.django_db

PROJECT_APPS = {"services", "situations", "booking", "navigator", "feedback", "search", "editorial"}


def test_every_loaded_text_fits_its_column():
    too_long = []
    for model in apps.get_models():
        if model._meta.app_label not in PROJECT_APPS:
            continue
        fields = [field for field in model._meta.concrete_fields
                  if isinstance(field, models.CharField) and field.max_length]
        for field in fields:
            for pk, value in model.objects.values_list("pk", field.attname):
                if value and len(value) > field.max_length:
                    too_long.append(f"{model.__name__}.{field.name} #{pk}: {len(value)} > {field.max_length}")
    assert not too_long, "\n".join(too_long)
