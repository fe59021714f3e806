from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "navigator.demo"
    label = "demo"
    verbose_name = "Ukázkový katalog"
