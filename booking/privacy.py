"""A booking's personal data (name, e-mail, phone) are erased PERSONAL_DATA_RETENTION_DAYS["booking"] days
after the appointment ends. The rest of the row (service, counter, time, status) stays for the editors'
weekly report and the open capacity data, which never held anyone's name."""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from navigator.retention import Retention

from .models import Booking


def erase_personal_data(cutoff):
    """Erase the name, e-mail and phone of bookings that ended before cutoff; how many were erased."""
    return (Booking.objects.filter(ends_at__lt=cutoff)
            .filter(~Q(name="") | ~Q(email="") | ~Q(phone=""))
            .update(name="", email="", phone="", personal_data_erased_at=timezone.now()))


RETENTION = Retention(
    key="booking",
    description=_("jméno, e-mail a telefon objednaných návštěv po termínu"),
    purge=erase_personal_data,
    purpose=_("Abychom vás mohli na přepážce přijmout, poslat potvrzení a připomínku a domluvit se s vámi při "
              "změně; po termínu už je nepotřebujeme."),
    legal_basis=_("úkol ve veřejném zájmu: vyřízení vaší návštěvy úřadu (čl. 6 odst. 1 písm. e) GDPR)"),
    order=40,
)
