"""Editors' screens: every page type and snippet opens in Czech tabs, and admin search still finds pages."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from services.models import ApplicationForm, CounterPage, Department, RequiredDocument, ServicePage
from situations.models import SituationPage, TopicPage
from tests.czech import czech

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client_cs):
    user = get_user_model().objects.create_superuser("editor", "editor@example.cz", "heslo-pro-test")
    client_cs.force_login(user)
    return client_cs


@pytest.mark.parametrize("model, slug, tabs", [
    (SituationPage, "zmena-trvaleho-pobytu", ["Obsah", "Kroky a doklady", "Kde a online", "Lhůty a předpisy",
                                              "Otázky a odpovědnost"]),
    (ServicePage, "vydani-cestovniho-pasu", ["Obsah", "Postup", "Kde a jak", "Doklady", "Poplatky a předpisy"]),
    (CounterPage, "matrika", ["Obsah", "Místo a kontakt", "Úřední hodiny"]),
    (TopicPage, "bydleni", ["Obsah"]),
])
def test_page_edit_screens_open_with_their_tabs(editor, model, slug, tabs):
    page = czech(model).get(slug=slug)
    response = editor.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    for tab in tabs:
        assert tab in html


def test_situation_edit_screen_offers_services_per_step(editor):
    page = czech(SituationPage).get(slug="zmena-trvaleho-pobytu")
    html = editor.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert 'name="steps-0-service_uses-0-service"' in html
    assert "Služby (úkony) tohoto nebo jiného úřadu" in html


@pytest.mark.parametrize("model", [Department, RequiredDocument, ApplicationForm])
def test_snippet_screens_open(editor, model):
    obj = model.objects.first()
    url = reverse(f"wagtailsnippets_services_{model._meta.model_name}:edit", args=[obj.pk])
    assert editor.get(url).status_code == 200


def test_wagtail_admin_search_finds_a_situation(editor):
    response = editor.get(reverse("wagtailadmin_pages:search"), {"q": "pas"})
    assert response.status_code == 200
    assert "Cestovní pas" in response.content.decode()
