"""Signing in as editorial users and sending the page edit form as a browser would."""

from django.test import Client
from django.urls import reverse

from tests.admin.test_guide_editing import form_data

NEW_SUMMARY = "Nové shrnutí od editora odboru."


def refused(response):
    """Wagtail answers 403, or sends the user to the dashboard with "you do not have permission"."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] in (reverse("wagtailadmin_home"), "/admin/"))


def client_for(user):
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def filled_form(owner, page, **changes):
    """The page's edit form as its owner sees it, with some fields changed."""
    data = form_data(client_for(owner).get(edit_url(page)).content.decode())
    data.update(changes)
    return data
