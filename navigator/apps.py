from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate


def create_cache_table(using, **kwargs):
    """The database cache's table, wherever `migrate` runs: a fresh site, the tests, the load benchmark.

    `createcachetable` does nothing for caches that are not in the database (Redis) or tables that exist.
    """
    call_command("createcachetable", database=using, verbosity=0)


def align_site_address(using, **kwargs):
    """The default Wagtail site answers at SITE_URL's host and port after every `migrate` (navigator.address)."""
    from .address import align_default_site

    align_default_site()


class NavigatorConfig(AppConfig):
    name = "navigator"

    def ready(self):
        from . import compare, pagecache, sign_ins  # noqa: F401 (compare registers the project's revision comparisons)

        pagecache.connect()
        sign_ins.register()
        post_migrate.connect(create_cache_table, sender=self, dispatch_uid="navigator-cache-table")
        post_migrate.connect(align_site_address, sender=self, dispatch_uid="navigator-site-address")
