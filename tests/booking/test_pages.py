"""The citizen's pages: the week, the form, the slot that fills while typing, the signed link, bad input."""

from datetime import timedelta

import pytest

from booking import codes, reserve
from booking.models import Booking, Status

from .conftest import prague
from tests.czech import czech

pytestmark = pytest.mark.django_db

WEEK_URL = "/objednani/vydani-obcanskeho-prukazu/klientske-centrum/"
FORM_URL = WEEK_URL + "2026-12-07T08:00/"
PERSON = {"name": "Jana Nováková", "email": "jana@example.cz", "phone": "777 123 456", "consent": "on"}


def test_a_service_with_one_bookable_counter_goes_straight_to_its_week(client_cs, id_card, frozen):
    response = client_cs.get("/objednani/vydani-obcanskeho-prukazu/")
    assert response.status_code == 302 and response["Location"] == WEEK_URL


def test_the_week_lists_free_times_from_the_nearest_one(client_cs, id_card, frozen):
    response = client_cs.get(WEEK_URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Volné časy 7. 12. – 13. 12. 2026" in html and f'href="{FORM_URL}"' in html
    assert "Nejbližší volný termín" in html and "pondělí 7. 12. v 8:00" in html


def test_the_week_says_why_a_day_is_closed(client_cs, id_card, frozen):
    html = client_cs.get(WEEK_URL + "?od=2026-12-21").content.decode()
    assert "Zavřeno: Štědrý den – ostatní svátek" in html and "svátek: 1. svátek vánoční" in html


@pytest.mark.parametrize("asked", ["kdysi", "2026-13-45", "\x00", "9" * 5000, "1900-01-01", "9999-12-31"])
def test_a_strange_week_shows_a_sensible_one(client_cs, id_card, frozen, asked):
    assert client_cs.get(WEEK_URL, {"od": asked}).status_code == 200


@pytest.mark.parametrize("url", [
    "/objednani/neexistuje/", "/objednani/vydani-obcanskeho-prukazu/matrika/", WEEK_URL + "zitra-rano/",
    WEEK_URL + "2026-12-07T08:00:00x/", "/objednani/" + "a" * 5000 + "/",
    "/objednani/rezervace/NEPLATNY/", "/objednani/rezervace/ABCDE12345:podvrh/zrusit/",
])
def test_what_does_not_exist_is_a_404(client_cs, id_card, frozen, url):
    assert client_cs.get(url).status_code == 404


def test_booking_leads_to_the_confirmation_with_what_to_bring(client_cs, id_card, frozen, mailoutbox):
    response = client_cs.post(FORM_URL, PERSON)
    assert response.status_code == 303
    booking = Booking.objects.get()
    assert response["Location"] == f"/objednani/rezervace/{codes.manage_token(booking.code)}/?nova=1"
    assert (booking.name, booking.email, booking.phone) == ("Jana Nováková", "jana@example.cz", "777 123 456")
    page = client_cs.get(response["Location"])
    html = page.content.decode()
    assert booking.display_code in html and "Pondělí 7. prosince 2026 v 8:00" in html
    assert "Občanský průkaz" in html and "Náměstí Míru 1" in html and "mapy.cz" in html
    assert page["Cache-Control"].startswith("max-age=0") and "no-store" in page["Cache-Control"]
    assert page["X-Robots-Tag"] == "noindex" and page["Referrer-Policy"] == "same-origin"
    assert len(mailoutbox) == 1


def test_the_form_refuses_what_is_missing_and_keeps_what_was_typed(client_cs, id_card, frozen):
    response = client_cs.post(FORM_URL, {"name": "Jana Nováková", "email": "jana@", "phone": "volejte"})
    html = response.content.decode()
    assert response.status_code == 400 and not Booking.objects.exists()
    assert "Vložte platnou e-mailovou adresu" in html and "Bez souhlasu" in html and "Zadejte telefon" in html
    assert 'value="Jana Nováková"' in html and 'aria-invalid="true"' in html
    response = client_cs.post(FORM_URL, {**PERSON, "name": "Jana\x00" + "x" * 5000})
    assert response.status_code == 400 and "Nulové znaky nejsou povoleny" in response.content.decode()


def test_a_slot_that_filled_while_typing_offers_the_nearest_free_times(client_cs, id_card, frozen):
    assert client_cs.get(FORM_URL).status_code == 200
    reserve.book(id_card, prague(2026, 12, 7, 8, 0), name="Rychlejší", email="rychly@example.cz")
    response = client_cs.post(FORM_URL, PERSON)
    html = response.content.decode()
    assert response.status_code == 409
    assert "Vybraný čas se mezitím zaplnil" in html
    assert 'name="cas" value="2026-12-07T08:15" required checked' in html and 'value="Jana Nováková"' in html
    # The visitor picks the first offered time and sends the same form again, without retyping.
    response = client_cs.post(FORM_URL, {**PERSON, "cas": "2026-12-07T08:15"})
    assert response.status_code == 303
    assert Booking.objects.get(email="jana@example.cz").starts_at == prague(2026, 12, 7, 8, 15)


def test_a_full_slot_asked_for_by_link_shows_the_alternatives(client_cs, id_card, frozen):
    reserve.book(id_card, prague(2026, 12, 7, 8, 0), name="Rychlejší", email="rychly@example.cz")
    html = client_cs.get(FORM_URL).content.decode()
    assert "Vybraný čas se mezitím zaplnil" in html and "2026-12-07T08:15" in html


def test_the_limit_per_email_is_explained(client_cs, id_card, frozen, settings):
    settings.BOOKING_ACTIVE_LIMIT = 1
    client_cs.post(FORM_URL, PERSON)
    response = client_cs.post(WEEK_URL + "2026-12-07T08:15/", PERSON)
    assert response.status_code == 409 and "už máte objednané" in response.content.decode()


def test_too_many_attempts_from_one_client_are_refused(client_cs, id_card, frozen, settings):
    settings.BOOKING_RATE_LIMIT = (2, 3600)
    for _ in range(2):
        client_cs.post(FORM_URL, {"name": "x"}, REMOTE_ADDR="203.0.113.9")
    response = client_cs.post(FORM_URL, PERSON, REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert not Booking.objects.exists()
    assert client_cs.post(FORM_URL, PERSON, REMOTE_ADDR="203.0.113.10").status_code == 303


def test_cancel_asks_first_then_frees_the_slot(client_cs, id_card, frozen):
    booking = reserve.book(id_card, prague(2026, 12, 7, 8, 0), name="Jana", email="jana@example.cz")
    url = f"/objednani/rezervace/{codes.manage_token(booking.code)}/zrusit/"
    assert "Opravdu chcete zrušit" in client_cs.get(url).content.decode()
    booking.refresh_from_db()
    assert booking.status == Status.EXPECTED  # a GET (a mail scanner following links) cancels nothing
    response = client_cs.post(url)
    assert response.status_code == 303 and response["Location"].endswith("?zruseno=1")
    booking.refresh_from_db()
    assert booking.status == Status.CANCELLED
    assert client_cs.get(WEEK_URL).content.decode().count(f'href="{FORM_URL}"') == 2  # nearest + the day


def test_moving_by_the_signed_link(client_cs, id_card, frozen, mailoutbox):
    booking = reserve.book(id_card, prague(2026, 12, 7, 8, 0), name="Jana", email="jana@example.cz")
    token = codes.manage_token(booking.code)
    week = client_cs.get(f"/objednani/rezervace/{token}/presunout/").content.decode()
    target = f"/objednani/rezervace/{token}/presunout/2026-12-08T09:00/"
    assert f'href="{target}"' in week
    assert "Přesunout termín z pondělí 7. prosince 2026 v 8:00" in client_cs.get(target).content.decode()
    response = client_cs.post(target)
    assert response.status_code == 303 and response["Location"].endswith("?presunuto=1")
    booking.refresh_from_db()
    assert booking.starts_at == prague(2026, 12, 8, 9, 0)
    assert mailoutbox[-1].subject == "Termín přesunut: Vydání občanského průkazu"


def test_a_past_or_cancelled_booking_can_no_longer_change(client_cs, id_card, frozen):
    start = prague(2026, 12, 3, 9, 0)
    booking = Booking.objects.create(setup=id_card, code="PAST000001", starts_at=start,
                                     ends_at=start + timedelta(minutes=15), name="Jana", email="jana@example.cz")
    token = codes.manage_token(booking.code)
    assert client_cs.post(f"/objednani/rezervace/{token}/zrusit/").status_code == 200
    assert client_cs.post(f"/objednani/rezervace/{token}/presunout/2026-12-08T09:00/").status_code == 200
    booking.refresh_from_db()
    assert (booking.status, booking.starts_at) == (Status.EXPECTED, start)


def test_the_calendar_file_holds_the_appointment(client_cs, id_card, frozen):
    booking = reserve.book(id_card, prague(2026, 12, 7, 8, 0), name="Jana", email="jana@example.cz")
    response = client_cs.get(f"/objednani/rezervace/{codes.manage_token(booking.code)}/kalendar.ics")
    body = response.content.decode()
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "DTSTART:20261207T070000Z" in body and "DTEND:20261207T071500Z" in body  # 8:00–8:15 in Prague
    assert f"UID:{booking.code}@navigator-objednani" in body and "Náměstí Míru 1" in body


def test_editors_set_up_booking_in_the_admin(admin_client, id_card):
    listing = admin_client.get("/admin/snippets/booking/bookingsetup/")
    assert listing.status_code == 200 and "Vydání občanského průkazu" in listing.content.decode()
    edit = admin_client.get(f"/admin/snippets/booking/bookingsetup/edit/{id_card.pk}/")
    html = edit.content.decode()
    assert "délka termínu v minutách" in html.lower() and "podíl kapacity pro lidi bez objednání" in html.lower()


def test_a_counter_that_does_not_handle_the_service_is_refused(id_card):
    from django.core.exceptions import ValidationError

    from services.models import CounterPage

    id_card.counter = czech(CounterPage).get(slug="matrika")
    with pytest.raises(ValidationError) as refused:
        id_card.full_clean()
    assert "Služba se na tomto pracovišti nevyřizuje" in str(refused.value)
