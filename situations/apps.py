from django.apps import AppConfig


def live_topics():
    from .models import TopicPage

    return TopicPage.objects.live().order_by("path")


class SituationsConfig(AppConfig):
    name = "situations"

    def ready(self):
        from services.filters import offer_topics

        offer_topics(live_topics)
