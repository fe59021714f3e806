from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Hledání")

    def ready(self):
        from navigator import pagecache

        from . import indexing, querylog, retention

        indexing.connect()
        retention.register()
        # A kept search page or API answer still counts its search in the query log (search.views).
        pagecache.hit_action(querylog.RECORD_ACTION)(querylog.record)
