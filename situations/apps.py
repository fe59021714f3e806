from django.apps import AppConfig


def live_topics():
    from languages.locales import in_active_language
    from navigator.visibility import visible

    from .models import TopicPage

    return in_active_language(visible(TopicPage.objects.all())).order_by("path")


class SituationsConfig(AppConfig):
    name = "situations"

    def ready(self):
        from services.fees import check_conditions_with
        from services.filters import offer_topics

        from .fee_conditions import fee_condition_errors

        offer_topics(live_topics)
        check_conditions_with(fee_condition_errors)
