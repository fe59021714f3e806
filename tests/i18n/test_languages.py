"""The interface in English and Ukrainian as their readers write: plurals, amounts, dates, opening hours, and the
words of a real page. Figures are worked out by hand: Ukrainian counts 1, 21, 31… with the singular ("21 день"),
2–4, 22–24… with the paucal ("22 дні") and the rest, 11–14 included, with the genitive plural ("11 днів").
"""

from datetime import date, datetime, timezone
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import date_format
from wagtail.models import Page

from booking.details import when_text
from navigator.templatetags.navigator_tags import czk
from services.hours import holiday_name, open_state
from tests.services.test_open_now import counter, prague


@pytest.mark.parametrize(("language", "count", "expected"), [
    ("en", 1, "1 day"), ("en", 2, "2 days"), ("en", 21, "21 days"),
    ("uk", 1, "1 день"), ("uk", 2, "2 дні"), ("uk", 4, "4 дні"), ("uk", 5, "5 днів"), ("uk", 11, "11 днів"),
    ("uk", 21, "21 день"), ("uk", 22, "22 дні"), ("uk", 25, "25 днів"), ("uk", 111, "111 днів"),
])
def test_days_take_each_languages_plural(language, count, expected):
    with translation.override(language):
        assert translation.ngettext("%(days)s den", "%(days)s dní", count) % {"days": count} == expected


@pytest.mark.parametrize(("language", "amount", "expected"), [
    ("cs", 1000, "1\xa0000\xa0Kč"), ("cs", Decimal("12.50"), "12,50\xa0Kč"), ("cs", 0, "zdarma"),
    ("en", 1000, "CZK\xa01,000"), ("en", 50, "CZK\xa050"), ("en", Decimal("12.50"), "CZK\xa012.50"), ("en", 0, "free"),
    ("uk", 1000, "1\xa0000\xa0крон"), ("uk", 1, "1\xa0крона"), ("uk", 2, "2\xa0крони"), ("uk", 21, "21\xa0крона"),
    ("uk", 50, "50\xa0крон"), ("uk", Decimal("12.50"), "12,50\xa0крони"), ("uk", 0, "безкоштовно"),
])
def test_amounts_read_as_each_language_writes_crowns(language, amount, expected):
    with translation.override(language):
        assert czk(amount) == expected


@pytest.mark.parametrize(("language", "expected"), [
    ("cs", ("1. 7. 2026", "1. července 2026", "1. 7.", "21. 1. 2026 09:05")),
    ("en", ("1 July 2026", "1 July 2026", "1 July", "21 January 2026, 09:05")),
    ("uk", ("1 липня 2026 р.", "1 липня 2026 р.", "1 липня", "21 січня 2026 р., 09:05")),
])
def test_dates_in_each_languages_format(language, expected):
    """Czech writes a short date with numbers and a long one with the month's name; English and Ukrainian
    name the month in both."""
    day = date(2026, 7, 1)
    with translation.override(language):
        assert (date_format(day, "SHORT_DATE_FORMAT"), date_format(day, "DATE_FORMAT"),
                date_format(day, "MONTH_DAY_FORMAT"),
                date_format(datetime(2026, 1, 21, 9, 5), "SHORT_DATETIME_FORMAT")) == expected


@pytest.mark.parametrize(("language", "friday", "christmas_eve"), [
    ("cs", "zavřeno, otevírá v pondělí v 8:00", "dnes zavřeno (státní svátek: Štědrý den), otevírá 4. 1. v 8:00"),
    ("en", "closed, opens on Monday at 8:00",
     "closed today (public holiday: Christmas Eve), opens on 4 January at 8:00"),
    ("uk", "зачинено, відчиняється у понеділок о 8:00",
     "сьогодні зачинено (державне свято: Святий вечір), відчиняється 4 січня о 8:00"),
])
def test_open_now_speaks_the_visitors_language(language, friday, christmas_eve):
    # Closed between Christmas and New Year: from Thursday 24 December 2026 the next opening is Monday 4 January.
    closed = [(date(2026, 12, day), True, None, None, "") for day in (28, 29, 30, 31)]
    with translation.override(language):
        assert open_state(counter(), prague(2026, 11, 27, 15, 0)).label == friday
        assert open_state(counter(closed), prague(2026, 12, 24, 10, 0)).label == christmas_eve


def test_holidays_are_named_in_the_visitors_language():
    names = {}
    for language in ("cs", "en", "uk"):
        with translation.override(language):
            names[language] = holiday_name(date(2026, 10, 28))
    assert names == {"cs": "Den vzniku samostatného československého státu",
                     "en": "Independent Czechoslovak State Day",
                     "uk": "День створення незалежної чехословацької держави"}


def test_legal_references_read_with_and_without_a_section():
    references = [{"section": "§ 10", "act": "133/2000 Sb.", "url": "", "title": ""},
                  {"section": "", "act": "500/2004 Sb.", "url": "", "title": ""}]
    rendered = {}
    for language in ("cs", "en", "uk"):
        with translation.override(language):
            rendered[language] = " ".join(render_to_string("includes/legal_list.html", {"references": references})
                                          .split())
    assert "<li>§ 10 zákona č. 133/2000 Sb.</li> <li>zákona č. 500/2004 Sb.</li>" in rendered["cs"]
    assert "<li>§ 10 of Act No. 133/2000 Sb.</li> <li>Act No. 500/2004 Sb.</li>" in rendered["en"]
    assert "<li>§ 10 закону № 133/2000 Sb.</li> <li>Закон № 500/2004 Sb.</li>" in rendered["uk"]


def render_situation(rf, language, query=""):
    page = Page.objects.get(slug="zmena-trvaleho-pobytu", locale__language_code="cs").specific
    request = rf.get(page.url + query, HTTP_HOST="localhost")
    request.user = AnonymousUser()
    with translation.override(language):
        response = page.serve(request)
        response.render()
    return response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "words"), [
    ("en", ["What to bring", "Where to go and when it is open", "What it costs", "Was this page useful?",
            "Skip to main content", "Print the checklist", "Add to plan", "Responsible for the content"]),
    ("uk", ["Що взяти з собою", "Куди звернутися і коли відчинено", "Скільки це коштує",
            "Чи була ця сторінка корисною?", "Перейти до основного вмісту", "Надрукувати контрольний список",
            "Додати до плану", "За вміст відповідає"]),
])
def test_a_situation_page_shows_its_interface_in_the_language(rf, language, words):
    html = render_situation(rf, language)
    assert [word for word in words if word not in html] == []
    for czech in ("Co s sebou", "Kam jít a kdy je otevřeno", "Byla tato stránka užitečná?", "Přeskočit na obsah"):
        assert czech not in html


@pytest.mark.parametrize(("language", "when", "nearest"), [
    ("cs", "pondělí 7. prosince 2026 v 8:15", "pondělí 7. 12. v 8:15"),
    ("en", "Monday 7 December 2026 at 8:15", "Monday 7 December at 8:15"),
    ("uk", "понеділок 7 грудня 2026 р. о 8:15", "понеділок 7 грудня о 8:15"),
])
def test_an_appointment_time_reads_in_the_visitors_language(language, when, nearest):
    # 7:15 UTC on Monday 7 December 2026 is 8:15 in Prague (winter time, UTC+1).
    moment = datetime(2026, 12, 7, 7, 15, tzinfo=timezone.utc)
    with translation.override(language):
        assert when_text(moment) == when
        offer = render_to_string("booking/includes/offer.html",
                                 {"offer": {"nearest": {"starts_at": moment}, "nearest_url": "/"}})
    assert nearest in " ".join(offer.split())
