"""What one read of the shared cache costs in database queries: one with the database cache, none with Redis."""

from django.conf import settings

CACHE_READ_QUERIES = 1 if settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache") else 0
# Wagtail keeps its site root paths, which page addresses are built from, in the shared cache, so that every
# worker sees a change of sites: reading them costs that once per request or page object that builds an address.
SITE_ROOT_PATHS_QUERIES = CACHE_READ_QUERIES
# Keeping a page in the database cache: counting its entries (culling), then the row written in a transaction (a
# savepoint inside a test's transaction), looked up before it is inserted.
KEEP_PAGE_QUERIES = 5 if settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache") else 0
