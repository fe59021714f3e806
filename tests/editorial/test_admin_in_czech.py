"""Editors and approvers read the admin in Czech: the main screens, rendered for them while a change of theirs
waits for approval, show none of the English messages of Wagtail's catalogs, nor English sentences
(tests/english.py says how they are found). What JavaScript builds in the browser is checked by
tests/e2e/test_admin_in_czech.py.
"""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from tests.english import english_in, html_text

from .helpers import client_for, edit_url, filled_form

pytestmark = pytest.mark.django_db

NEW_SUMMARY = "Přestěhovat se můžete kdykoli; změnu adresy ohlaste do 30 dnů."
READ_BY_ALL = [
    "/admin/",
    "/admin/pages/search/?q=pobyt",
    "/admin/account/",
    "/admin/reports/aging-pages/",
    "/admin/reports/workflow/",
    "/admin/reports/workflow_tasks/",
    "/admin/reports/site-history/",
    "/admin/reports/page-types-usage/",
    "/admin/reports/freshness/",
    "/admin/reports/content-health/",
    "/admin/snippets/",
    # The list shows the documents of one language, Czech, as editors filter it (the other languages' names are
    # content, not the admin's words).
    "/admin/snippets/services/requireddocument/?locale=cs",
    "/admin/snippets/services/requireddocument/add/",
    "/admin/choose-page/?locale=cs",
    "/admin/documents/chooser/",
    "/admin/images/chooser/",
]


@pytest.fixture
def change_in_review(situation, editor, approver):
    """The editor has saved a draft of the moving situation and then sent it for approval."""
    client = client_for(editor)
    client.post(edit_url(situation), filled_form(editor, situation, summary=NEW_SUMMARY))
    client.post(edit_url(situation), filled_form(editor, situation, summary=NEW_SUMMARY + " Včas.",
                                                 **{"action-submit": "1"}))
    situation.refresh_from_db()
    assert situation.current_workflow_task_state
    return situation


def page_screens(page):
    return [
        f"/admin/pages/{page.get_parent().pk}/",
        edit_url(page),
        reverse("wagtailadmin_pages:history", args=[page.pk]),
        reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, "earliest", "latest"]),
        reverse("wagtailadmin_pages:workflow_history", args=[page.pk]),
        reverse("wagtailadmin_pages:usage", args=[page.pk]),
    ]


def approver_screens(page):
    task_state = page.current_workflow_task_state
    return [
        "/admin/reports/locked/",
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", task_state.pk]),
        reverse("wagtailadmin_pages:collect_workflow_action_data", args=[page.pk, "approve", task_state.pk]),
        reverse("wagtailadmin_pages:unpublish", args=[page.pk]),
        reverse("wagtailadmin_pages:move", args=[page.pk]),
        reverse("wagtailadmin_pages:delete", args=[page.pk]),
    ]


def english_on(client, urls):
    """Each screen's English; a screen the user cannot open is a failure too, so that none is skipped unseen."""
    found = {}
    for url in urls:
        response = client.get(url)
        if response.status_code != 200:
            found[url] = [f"HTTP {response.status_code}"]
            continue
        document = response.json()["html"] if response["Content-Type"] == "application/json" else response.content
        if english := english_in(html_text(document)):
            found[url] = english
    return found


def report(found):
    return "\n".join(f"{url}:\n    " + "\n    ".join(english) for url, english in found.items())


def test_the_editor_reads_every_screen_in_czech(change_in_review, editor):
    found = english_on(client_for(editor), READ_BY_ALL + page_screens(change_in_review))
    assert not found, report(found)


def test_the_approver_reads_every_screen_in_czech(change_in_review, approver):
    found = english_on(client_for(approver), READ_BY_ALL + page_screens(change_in_review)
                       + approver_screens(change_in_review))
    assert not found, report(found)


def test_images_documents_and_workflows_read_in_czech(change_in_review):
    """Only the site's administrators manage the images, documents and workflows; editors choose from them."""
    administrator = get_user_model().objects.create_superuser("spravce-webu", "web@example.cz", "heslo-pro-testy-1")
    found = english_on(client_for(administrator), [
        "/admin/images/", "/admin/images/multiple/add/", "/admin/documents/", "/admin/documents/multiple/add/",
        # The root lists every language's home page; the other languages' titles are content, not the admin's words.
        "/admin/workflows/list/", "/admin/workflows/tasks/index/", "/admin/pages/?locale=cs"])
    assert not found, report(found)


def test_the_sign_in_screens_read_in_czech(db):
    found = english_on(Client(HTTP_HOST="localhost"), [reverse("wagtailadmin_login"),
                                                      reverse("wagtailadmin_password_reset")])
    assert not found, report(found)


def test_english_is_found_where_it_is_left():
    """The check itself: the messages the issue found in English, as Wagtail's Czech leaves them."""
    assert english_in(html_text("<p>116 Pages <span class='w-sr-only'>created in Praha 99</span></p>"))
    assert english_in(html_text("<p>There are no stránky ke kontrole to display.</p>"))
    assert english_in(html_text("<input placeholder='Search all pages…'>"))
    assert english_in(html_text("<button title='Collapse all'></button>"))
    assert not english_in(html_text("<p>116 stránek <span>na webu Praha 99</span> – URL, ID, Wagtail</p>"))


def test_the_sign_in_page_is_czech_to_the_last_label():
    # Wagtail's password field has no label of its own: Django would name it "Password".
    page = Client().get("/admin/login/").content.decode()
    label = BeautifulSoup(page, "html.parser").find("label", attrs={"for": "id_password"})
    assert label.get_text(" ", strip=True).rstrip("*").strip() == "Heslo"
    assert english_in(html_text(page)) == []
