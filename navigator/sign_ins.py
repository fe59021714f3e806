"""What the site keeps about signing in (editors, approvers, clerks): sessions and the login lock's records
(django-axes keeps the address, browser and time of each attempt). Registered with navigator.retention."""

import datetime

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from . import retention


def delete_old_attempts(cutoff):
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    return sum(model.objects.filter(attempt_time__lt=cutoff).delete()[0]
               for model in (AccessAttempt, AccessFailureLog, AccessLog))


def delete_ended_sessions(cutoff):
    """Sessions last used before `cutoff`: each ends SESSION_COOKIE_AGE after its last save, so these have ended."""
    from django.contrib.sessions.models import Session

    ended = cutoff + datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    return Session.objects.filter(expire_date__lt=ended).delete()[0]


def register():
    basis = _("úkol ve veřejném zájmu a zabezpečení webu (čl. 6 odst. 1 písm. e) a čl. 32 GDPR)")
    retention.register(retention.Retention(
        "login-attempts",
        description=_("Přihlášení pracovníků úřadu do redakce a na přepážku: uživatelské jméno, adresa IP, "
                      "prohlížeč a čas, i u nepovedených pokusů"),
        purpose=_("Abychom odhalili a zastavili hádání hesel a mohli dohledat zneužití účtu."),
        legal_basis=basis, purge=delete_old_attempts, order=30,
    ))
    retention.register(retention.Retention(
        "sessions",
        description=_("Relace přihlášených pracovníků úřadu (cookie sessionid); návštěvníkům webu cookies "
                      "nenastavujeme"),
        purpose=_("Aby přihlášený pracovník nemusel zadávat heslo u každé stránky."),
        legal_basis=basis, purge=delete_ended_sessions,
        period=lambda: datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE), order=31,
    ))
