"""The A–Z list's filters: audience, topic, department and channel, combinable, kept in the URL."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from languages.locales import in_active_language

from .snippets import Audience, Channel, Department

_topics = []


def offer_topics(queryset_function):
    """Say which pages the topic filter offers, as a function returning a queryset of pages with a slug.

    Topics group situations, which build on services, so the situations app says what they are (situations.apps);
    a service belongs to a topic when a situation under it uses the service in a step.
    """
    _topics[:] = [queryset_function]


def topic_queryset(request=None):
    return _topics[0]() if _topics else Page.objects.none()


def department_queryset(request=None):
    """The departments in the page's language: their slugs are the same in every language, their names not."""
    return in_active_language(Department.objects.all())


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
        label=_("Odbor"), queryset=department_queryset, to_field_name="slug", empty_label=_("Všechny odbory"),
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
