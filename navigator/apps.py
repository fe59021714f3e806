from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate


def create_cache_table(using, **kwargs):
    """The database cache's table, wherever `migrate` runs: a fresh site, the tests, the load benchmark.

    `createcachetable` does nothing for caches that are not in the database (Redis) or tables that exist.
    """
    call_command("createcachetable", database=using, verbosity=0)


class NavigatorConfig(AppConfig):
    name = "navigator"

    def ready(self):
        from . import compare, pagecache  # noqa: F401 (compare registers the project's revision comparisons)

        pagecache.connect()
        post_migrate.connect(create_cache_table, sender=self, dispatch_uid="navigator-cache-table")
