"""`make run` writes every outgoing mail as an .eml file that a mail program opens."""

import email
from email import policy

from django.core.mail import EmailMultiAlternatives, get_connection


def test_each_message_is_one_eml_file(tmp_path):
    connection = get_connection("navigator.mail.EmlFileBackend", file_path=tmp_path / "mail")
    first = EmailMultiAlternatives("Potvrzení", "Dobrý den", "urad@example.cz", ["jana@example.cz"])
    first.attach_alternative("<p>Dobrý den</p>", "text/html")
    second = EmailMultiAlternatives("Připomínka", "Zítra", "urad@example.cz", ["petr@example.cz"])
    assert connection.send_messages([first, second]) == 2
    files = sorted((tmp_path / "mail").glob("*.eml"))
    assert len(files) == 2
    opened = [email.message_from_bytes(path.read_bytes(), policy=policy.default) for path in files]
    assert {message["Subject"] for message in opened} == {"Potvrzení", "Připomínka"}
    assert opened[0].get_body(("html",)) is not None or opened[1].get_body(("html",)) is not None


def test_development_writes_mail_to_var_mail():
    from navigator.settings import dev

    assert dev.EMAIL_BACKEND == "navigator.mail.EmlFileBackend"
    assert dev.EMAIL_FILE_PATH.endswith("mail")
