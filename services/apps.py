from django.apps import AppConfig


class ServicesConfig(AppConfig):
    name = "services"

    def ready(self):
        from navigator.pagecache import watch_lifetime

        from . import hours

        # A kept page showing a counter's open-now label lasts only until the label changes.
        watch_lifetime(hours.watch_changes)
