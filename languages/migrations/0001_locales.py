"""The site's three content languages as Wagtail locales: Czech (made by Wagtail itself), English and Ukrainian."""

from django.db import migrations

CODES = ("cs", "en", "uk")


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in CODES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [("wagtailcore", "0054_initial_locale")]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
