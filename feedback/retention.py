"""What feedback keeps that may name someone: the comments. They are emptied after their period; the yes/no
answers and the reasons stay for the reports, with nothing in them that could identify a person."""

from django.utils.translation import gettext_lazy as _

from navigator import retention

from .models import Feedback


def empty_old_comments(cutoff):
    day = cutoff.date()
    return Feedback.objects.filter(created__lt=day).exclude(comment="").update(comment="")


def register():
    retention.register(retention.Retention(
        "feedback-comments",
        description=_("Komentáře ve zpětné vazbě „Byla tato stránka užitečná?“ (bez adresy a času, jen den)"),
        purpose=_("Abychom věděli, co je na stránkách nejasné, a mohli je opravit; komentář dostane "
                  "odbor, který za stránku odpovídá."),
        legal_basis=_("úkol ve veřejném zájmu: informovat o službách úřadu (čl. 6 odst. 1 písm. e) GDPR)"),
        purge=empty_old_comments,
        order=10,
    ))
