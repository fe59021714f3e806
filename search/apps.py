from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Hledání"

    def ready(self):
        from . import indexing, retention

        indexing.connect()
        retention.register()
