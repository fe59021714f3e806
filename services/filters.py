"""The A–Z catalog's filters: audience, topic, department and channel, combinable, kept in the URL."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Audience, Channel, Department


def topic_queryset(request=None):
    from situations.models import TopicPage

    return TopicPage.objects.live().order_by("path")


class ServiceFilter(django_filters.FilterSet):
    audience = django_filters.ChoiceFilter(
        label=_("Pro koho"), method="filter_audience", empty_label=_("Všichni"),
        choices=[(Audience.CITIZENS.value, Audience.CITIZENS.label),
                 (Audience.BUSINESSES.value, Audience.BUSINESSES.label)],
    )
    topic = django_filters.ModelChoiceFilter(
        label=_("Oblast"), queryset=topic_queryset, to_field_name="slug", method="filter_topic",
        empty_label=_("Všechny oblasti"),
    )
    department = django_filters.ModelChoiceFilter(
        label=_("Odbor"), queryset=Department.objects.all(), to_field_name="slug", empty_label=_("Všechny odbory"),
    )
    channel = django_filters.MultipleChoiceFilter(
        label=_("Jak vyřídit"), choices=Channel.choices, method="filter_channel",
        widget=forms.CheckboxSelectMultiple,
    )

    def filter_audience(self, queryset, name, value):
        return queryset.filter(audience__in=Audience.matching(value))

    def filter_topic(self, queryset, name, topic):
        return queryset.filter(situation_steps__page__path__startswith=topic.path).distinct()

    def filter_channel(self, queryset, name, channels):
        condition = Q()
        for channel in channels:
            condition &= Q(**{f"channel_{channel}": True})
        return queryset.filter(condition)
