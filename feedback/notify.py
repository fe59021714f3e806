"""A "no" that says what was wrong reaches the department that owns the page, by e-mail.

One plain-text mail per answer, to the department's address; nothing when the page has no department or the
department no address. Sending never fails the citizen's request: an error is logged (without the comment)
and the answer stays in the report.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .pages import department_of

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 10  # seconds; a slow mail server must not hold the citizen's request for long


def should_notify(feedback):
    return not feedback.useful and bool(feedback.comment or feedback.reasons)


def _admin_url(page):
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    return f"{base}{reverse('feedback_comments_report')}?page={page.pk}"


def compose(feedback, page, department, page_url):
    subject = _("Zpětná vazba: stránka „%(title)s“ nepomohla") % {"title": page.title}
    lines = [
        _("Občan odpověděl, že mu stránka nepomohla."),
        "",
        _("Stránka: %(title)s") % {"title": page.title},
        page_url,
        _("Odbor: %(department)s") % {"department": department.name},
        _("Den: %(day)s") % {"day": feedback.created.strftime("%d. %m. %Y")},
    ]
    if feedback.reasons:
        lines.append(_("Co chybělo nebo nebylo jasné: %(reasons)s") % {"reasons": feedback.reason_labels})
    if feedback.comment:
        lines += ["", _("Komentář (osobní údaje jsou nahrazené značkami):"), feedback.comment]
    lines += ["", _("Všechny odpovědi k této stránce: %(url)s") % {"url": _admin_url(page)},
              "", _("Na tuto zprávu neodpovídejte: občan nezanechal kontakt.")]
    # Django refuses line breaks in headers anyway; keep the subject on one line.
    return " ".join(subject.split()), "\n".join(lines)


def notify_department(feedback, page, page_url):
    """Send the department its mail when the answer is a "no" with reasons or a comment; True when sent."""
    if not should_notify(feedback):
        return False
    department = department_of(page)
    if department is None or not department.email:
        return False
    # The department reads the office's language, whichever language the citizen answered in.
    with translation.override(settings.LANGUAGE_CODE):
        subject, body = compose(feedback, page, department, page_url)
    try:
        timeout = getattr(settings, "EMAIL_TIMEOUT", None) or DEFAULT_TIMEOUT
        connection = get_connection(timeout=timeout)
        EmailMessage(subject, body, to=[department.email], connection=connection).send()
    except Exception:  # the citizen's answer is stored; the mail is a courtesy
        logger.exception("Could not e-mail feedback on page %s to its department", page.pk)
        return False
    return True
