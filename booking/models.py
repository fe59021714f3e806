"""Booking a time: what editors set up per counter and service (BookingSetup), and the bookings citizens make.

A booking holds a slot's start and end as they were when it was made, so changing the slot length later never
moves anyone's appointment. Free places are never stored: they are the setup's capacity minus the active
bookings of that slot, counted under a lock when a booking is made (booking.reserve), so there is one truth.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from navigator.visibility import visible_q
from services.hours import WEEKDAY_CHOICES


class BookingSetupQuerySet(models.QuerySet):
    def bookable(self):
        """Active setups of a service and at a counter the public may see (live, behind no view restriction)."""
        return self.filter(visible_q(prefix="service__"), visible_q(prefix="counter__"), active=True)


class BookingSetup(ClusterableModel):
    """Booking for one service at one counter: slot length, parallel desks, how far ahead, walk-in share."""

    counter = models.ForeignKey("services.CounterPage", verbose_name=_("pracoviště"),
                                on_delete=models.CASCADE, related_name="booking_setups")
    service = models.ForeignKey("services.ServicePage", verbose_name=_("služba"), on_delete=models.CASCADE,
                                related_name="booking_setups")
    active = models.BooleanField(
        _("objednávání zapnuto"), default=True,
        help_text=_("Vypnuté objednávání nenabízí nové termíny; sjednané zůstávají."))
    slot_minutes = models.PositiveSmallIntegerField(
        _("délka termínu v minutách"), default=15, validators=[MinValueValidator(5), MaxValueValidator(240)])
    desks = models.PositiveSmallIntegerField(
        _("počet souběžných přepážek"), default=1, validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_("Kolik lidí lze v jednom termínu obsloužit současně."))
    days_ahead = models.PositiveSmallIntegerField(
        _("objednat nejvýše dní dopředu"), default=30,
        validators=[MinValueValidator(1), MaxValueValidator(180)])
    notice_hours = models.PositiveSmallIntegerField(
        _("objednat nejpozději hodin předem"), default=2, validators=[MaxValueValidator(24 * 14)],
        help_text=_("0 = až do začátku termínu."))
    walk_in_percent = models.PositiveSmallIntegerField(
        _("podíl kapacity pro lidi bez objednání (%)"), default=30, validators=[MaxValueValidator(100)],
        help_text=_("Tato část míst se objednat nedá; zůstává pro ty, kdo přijdou bez objednání."))

    panels = [
        MultiFieldPanel([FieldRowPanel([FieldPanel("counter"), FieldPanel("service")]), FieldPanel("active")],
                        heading=_("Co a kde")),
        MultiFieldPanel([FieldRowPanel([FieldPanel("slot_minutes"), FieldPanel("desks")]),
                         FieldRowPanel([FieldPanel("days_ahead"), FieldPanel("notice_hours")]),
                         FieldPanel("walk_in_percent")], heading=_("Kapacita")),
        InlinePanel("hours", heading=_("Hodiny pro objednané"), label=_("interval"),
                    help_text=_("Prázdné = celé úřední hodiny pracoviště. Výjimky pracoviště a státní svátky "
                                "platí vždy: zavřený den nemá žádné termíny.")),
    ]

    objects = BookingSetupQuerySet.as_manager()

    class Meta:
        verbose_name = _("objednávání")
        verbose_name_plural = _("objednávání")
        ordering = ["service__title", "counter__title"]
        constraints = [models.UniqueConstraint(fields=["counter", "service"], name="booking_setup_unique")]

    def __str__(self):
        return f"{self.service.title} – {self.counter.title}"

    def clean(self):
        super().clean()
        if not (self.counter_id and self.service_id):
            return
        if not self.service.counters.filter(pk=self.counter_id).exists():
            raise ValidationError({"counter": _(
                "Služba se na tomto pracovišti nevyřizuje. Přidejte pracoviště ke službě (záložka „Kde a jak“), "
                "nebo vyberte jiné.")})


class BookingHours(Orderable):
    """Hours of a weekday when this service takes bookings; always within the counter's hours of the day."""

    setup = ParentalKey(BookingSetup, on_delete=models.CASCADE, related_name="hours")
    weekday = models.PositiveSmallIntegerField(_("den"), choices=WEEKDAY_CHOICES)
    opens = models.TimeField(_("od"))
    closes = models.TimeField(_("do"))

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(Orderable.Meta):
        verbose_name = _("hodiny pro objednané")
        ordering = ["weekday", "opens"]

    def clean(self):
        if self.opens and self.closes and self.opens >= self.closes:
            raise ValidationError(_("Čas „do“ musí být později než čas „od“."))


class Status(models.TextChoices):
    EXPECTED = "expected", _("očekáván")
    ARRIVED = "arrived", _("přišel")
    SERVED = "served", _("obsloužen")
    NO_SHOW = "no_show", _("nepřišel")
    CANCELLED = "cancelled", _("zrušeno")


# A booking in one of these holds its place in the slot.
HOLDS_PLACE = [Status.EXPECTED, Status.ARRIVED, Status.SERVED, Status.NO_SHOW]


class BookingQuerySet(models.QuerySet):
    def holding_place(self):
        return self.filter(status__in=HOLDS_PLACE)

    def upcoming(self, now=None):
        return self.filter(status=Status.EXPECTED, starts_at__gte=now or timezone.now())


class Booking(models.Model):
    """One citizen's appointment. Name, e-mail and phone are erased (booking.privacy) some days after it."""

    setup = models.ForeignKey(BookingSetup, verbose_name=_("objednávání"), on_delete=models.PROTECT,
                              related_name="bookings")
    code = models.CharField(_("kód"), max_length=16, unique=True)
    starts_at = models.DateTimeField(_("začátek"))
    ends_at = models.DateTimeField(_("konec"))
    status = models.CharField(_("stav"), max_length=20, choices=Status.choices, default=Status.EXPECTED)
    name = models.CharField(_("jméno a příjmení"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    created_at = models.DateTimeField(_("vytvořeno"), default=timezone.now)
    status_changed_at = models.DateTimeField(_("stav změněn"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("připomínka odeslána"), null=True, blank=True)
    personal_data_erased_at = models.DateTimeField(_("osobní údaje smazány"), null=True, blank=True)

    objects = BookingQuerySet.as_manager()

    class Meta:
        verbose_name = _("objednávka")
        verbose_name_plural = _("objednávky")
        ordering = ["starts_at", "pk"]
        indexes = [
            models.Index(fields=["setup", "starts_at"], name="booking_setup_start_idx"),
            models.Index(fields=["starts_at"], name="booking_start_idx"),
            models.Index(fields=["email"], name="booking_email_idx", condition=~Q(email="")),
        ]

    def __str__(self):
        return f"{self.display_code} ({self.starts_at:%Y-%m-%d %H:%M})"

    @property
    def display_code(self):
        from .codes import display

        return display(self.code)

    @property
    def holds_place(self):
        return self.status in HOLDS_PLACE

    @property
    def can_change(self):
        """Whether the citizen may still cancel or move it: expected, and not yet begun."""
        return self.status == Status.EXPECTED and self.starts_at > timezone.now()
