"""A "no" that says what was unclear reaches the department that owns the page: one plain-text mail."""

import smtplib

import pytest
from django.core.mail.backends.base import BaseEmailBackend

from feedback.models import Feedback

pytestmark = pytest.mark.django_db


class FailingBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("the mail server went away")


def test_a_no_with_reasons_and_a_comment_reaches_the_departments_mailbox(post, moving, mailoutbox):
    response = post(moving, useful="no", reasons=["where", "documents"],
                    comment="Nevím, kam jít. Odpovězte na petr@example.cz.")
    assert response.status_code == 303
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == [moving.department.email]
    assert mail.subject == f"Zpětná vazba: stránka „{moving.title}“ nepomohla"
    assert "Co chybělo nebo nebylo jasné: Co s sebou, Kam jít" in mail.body
    assert "Nevím, kam jít. Odpovězte na «e-mail»." in mail.body and "petr@" not in mail.body
    assert f"http://localhost{moving.url}" in mail.body
    assert f"/admin/reports/feedback/answers/?page={moving.pk}" in mail.body
    assert mail.content_subtype == "plain" and not getattr(mail, "alternatives", None)


def test_a_service_page_mails_its_own_department(post, service, mailoutbox):
    post(service, useful="no", reasons=["fees"])
    assert [mail.to for mail in mailoutbox] == [[service.department.email]]


def test_a_no_with_reasons_only_is_mailed(post, moving, mailoutbox):
    post(moving, useful="no", reasons=["steps"])
    assert len(mailoutbox) == 1
    assert "Komentář" not in mailoutbox[0].body


@pytest.mark.parametrize("fields", [
    {"useful": "no"},
    {"useful": "yes", "comment": "Skvělé, díky."},
    {"useful": "yes", "reasons": ["fees"]},
])
def test_nothing_to_act_on_sends_no_mail(post, moving, mailoutbox, fields):
    assert post(moving, **fields).status_code == 303
    assert not mailoutbox


def test_a_department_without_an_address_gets_no_mail_but_the_answer_is_kept(post, moving, mailoutbox):
    moving.department.email = ""
    moving.department.save()
    post(moving, useful="no", comment="Chybí adresa.")
    assert not mailoutbox
    assert Feedback.objects.get().comment == "Chybí adresa."


def test_a_script_in_the_comment_travels_as_plain_text(post, moving, mailoutbox):
    post(moving, useful="no", comment="<script>alert(1)</script>")
    assert "<script>alert(1)</script>" in mailoutbox[0].body
    assert mailoutbox[0].content_subtype == "plain"


def test_a_failing_mail_server_is_logged_and_never_shown_to_the_citizen(post, moving, settings, caplog):
    settings.EMAIL_BACKEND = "tests.feedback.test_department_mail.FailingBackend"
    response = post(moving, useful="no", comment="Tajný text komentáře.")
    assert response.status_code == 303
    assert Feedback.objects.count() == 1
    assert "Could not e-mail feedback" in caplog.text
    assert "Tajný text" not in caplog.text  # the log holds no comment


def test_at_most_one_mail_per_answer(post, moving, mailoutbox):
    for _ in range(3):
        post(moving, useful="no", reasons=["other"], comment="Něco chybí.")
    assert len(mailoutbox) == 3
