from django.apps import AppConfig


class ServicesConfig(AppConfig):
    name = "services"

    def ready(self):
        from navigator.pagecache import watch_lifetime

        from . import opening

        # A kept page showing a counter's open-now label lasts only until the label changes.
        watch_lifetime(opening.watch_changes)
