from django.apps import AppConfig


class LanguagesConfig(AppConfig):
    name = "languages"
    verbose_name = "Jazyky"

    def ready(self):
        from . import links

        links.connect()
