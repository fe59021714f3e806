"""The query log by ISO week, and the opened search results.

QueryStat rows were one per query for all time; they become one per (week, query). The existing rows cannot be
split by week after the fact, so each keeps its totals in the week of its last search: the report then shows
the history once, in the week it was last seen, instead of spreading made-up numbers over weeks.
"""

import datetime

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.utils import timezone


def monday_of(moment):
    day = timezone.localdate(moment) if timezone.is_aware(moment) else moment.date()
    return day - datetime.timedelta(days=day.weekday())


def put_rows_in_the_week_of_their_last_search(apps, schema_editor):
    QueryStat = apps.get_model("search", "QueryStat")
    rows = list(QueryStat.objects.only("pk", "last_searched"))
    for row in rows:
        row.week = monday_of(row.last_searched)
    QueryStat.objects.bulk_update(rows, ["week"], batch_size=500)


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0001_initial"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="querystat",
            name="query",
            field=models.CharField(max_length=200, verbose_name="dotaz"),
        ),
        migrations.AddField(
            model_name="querystat",
            name="week",
            field=models.DateField(null=True, verbose_name="týden",
                                   help_text="Pondělí týdne podle ISO 8601, v časovém pásmu úřadu."),
        ),
        migrations.RunPython(put_rows_in_the_week_of_their_last_search, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="querystat",
            name="week",
            field=models.DateField(verbose_name="týden",
                                   help_text="Pondělí týdne podle ISO 8601, v časovém pásmu úřadu."),
        ),
        migrations.AlterField(
            model_name="querystat",
            name="count",
            field=models.PositiveIntegerField(default=0, verbose_name="hledáno"),
        ),
        migrations.AlterField(
            model_name="querystat",
            name="zero_results",
            field=models.PositiveIntegerField(default=0, verbose_name="bez výsledků"),
        ),
        migrations.AlterField(
            model_name="querystat",
            name="last_searched",
            field=models.DateTimeField(auto_now=True, verbose_name="naposledy"),
        ),
        migrations.AddConstraint(
            model_name="querystat",
            constraint=models.UniqueConstraint(fields=("week", "query"), name="search_querystat_week_query"),
        ),
        migrations.AlterField(
            model_name="indexeddocument",
            name="url",
            field=models.CharField(db_index=True, max_length=500),
        ),
        migrations.CreateModel(
            name="OpenedResult",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("week", models.DateField(verbose_name="týden")),
                ("query", models.CharField(max_length=200, verbose_name="dotaz")),
                ("count", models.PositiveIntegerField(default=0, verbose_name="otevřeno")),
                ("position_sum", models.PositiveBigIntegerField(default=0)),
                ("page", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+",
                                           to=settings.WAGTAIL_PAGE_MODEL, verbose_name="stránka")),
            ],
            options={
                "verbose_name": "otevřený výsledek hledání",
                "verbose_name_plural": "otevřené výsledky hledání",
                "constraints": [models.UniqueConstraint(fields=("week", "query", "page"),
                                                        name="search_openedresult_week_query_page")],
            },
        ),
    ]
