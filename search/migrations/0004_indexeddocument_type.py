from django.db import migrations


class Migration(migrations.Migration):
    """The search code says `type` where the public API always did."""

    dependencies = [("search", "0003_postgres_full_text")]

    operations = [migrations.RenameField(model_name="indexeddocument", old_name="kind", new_name="type")]
