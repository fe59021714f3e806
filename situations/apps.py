from django.apps import AppConfig


def live_topics():
    from navigator.visibility import visible

    from .models import TopicPage

    return visible(TopicPage.objects.all()).order_by("path")


class SituationsConfig(AppConfig):
    name = "situations"

    def ready(self):
        from services.filters import offer_topics

        offer_topics(live_topics)
