import django.contrib.postgres.search
from django.db import migrations

INDEX = "search_indexeddocument_vector_gin"


def prepare_full_text(apps, schema_editor):
    # Only on PostgreSQL; elsewhere the column stays empty and unindexed.
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"CREATE INDEX {INDEX} ON search_indexeddocument USING gin (search_vector)")
    # Ranking reads the vector of every candidate, several times: kept in the row instead of the TOAST
    # table, a query over 10,000 documents reads 2,600 buffers instead of 84,000 and takes a third of the time
    # (benchmarks/search.py --database-url).
    schema_editor.execute("ALTER TABLE search_indexeddocument ALTER COLUMN search_vector SET STORAGE MAIN")


def undo_full_text(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    """PostgreSQL's full-text search for the database backend.

    An index built before this migration has no vectors: on PostgreSQL, run `manage.py search_index rebuild`
    once after migrating.
    """

    dependencies = [
        ('search', '0002_weekly_query_log_and_opened_results'),
    ]

    operations = [
        migrations.AddField(
            model_name='indexeddocument',
            name='search_vector',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(prepare_full_text, undo_full_text),
    ]
