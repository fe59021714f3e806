"""One plan for several situations: each document, counter and form once, steps grouped by office."""

import icalendar
import pytest
from bs4 import BeautifulSoup
from django.http import QueryDict

from situations.models import SituationPage
from situations.plan import MAX_SITUATIONS, plan_from_query, plan_query
from tests.czech import czech

pytestmark = pytest.mark.django_db

MOVE_AND_ID = ("situace=zmena-trvaleho-pobytu&situace=obcansky-prukaz"
               "&zmena-trvaleho-pobytu-pruvodce=1&zmena-trvaleho-pobytu-odkud=jina-obec"
               "&zmena-trvaleho-pobytu-bydleni=vlastnik&zmena-trvaleho-pobytu-mam=pes"
               "&zmena-trvaleho-pobytu-podani=osobne")


def plan_of(query):
    pages = {page.slug: page for page in czech(SituationPage).live()}
    return plan_from_query(QueryDict(query), pages)


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_plan_reads_each_situation_with_its_own_answers():
    plan = plan_of(MOVE_AND_ID)
    moving, identity = plan.situations
    assert moving.answers.chosen["odkud"] == frozenset({"jina-obec"})
    assert not identity.answers.chosen  # the ID card's questions are not answered yet
    assert plan.notices == []
    assert plan.personal


def test_documents_appear_once_however_many_situations_need_them():
    plan = plan_of(MOVE_AND_ID)
    slugs = [row.document.slug for row in plan.documents_to_bring]
    assert len(slugs) == len(set(slugs))
    identity = next(row for row in plan.documents_to_bring if row.document.slug == "doklad-totoznosti")
    needs = {situation.page.slug for situation in plan.situations
             for row in situation.documents_to_bring if row.document.slug == "doklad-totoznosti"}
    assert len(identity.notes) == len(needs)
    fetched = {row.document.slug for row in plan.documents_fetched}
    assert "vypis-z-katastru-nemovitosti" in fetched
    assert not fetched & set(slugs)


def test_steps_are_grouped_so_one_visit_serves_several_situations():
    plan = plan_of(MOVE_AND_ID)
    visits = plan.visits
    counters = [visit.counter.pk for visit in visits if visit.counter]
    assert len(counters) == len(set(counters))
    shared = [visit for visit in visits if visit.counter and len(visit.situations) == 2]
    assert shared, "the registry office and the ID card share a counter"
    assert sum(len(visit.steps) for visit in visits) == len(plan.steps)
    for visit in visits:
        for step in visit.steps:
            offered = {counter.pk for use in step.services for counter in use.service.counters.all()}
            assert (visit.counter is None) == (not offered)
            assert visit.counter is None or visit.counter.pk in offered


def test_shared_services_are_paid_once_and_forms_listed_once():
    plan = plan_of("situace=obcansky-prukaz&situace=cestovni-pas&situace=obcansky-prukaz")
    assert [situation.page.slug for situation in plan.situations] == ["obcansky-prukaz", "cestovni-pas"]
    required = {service.pk for service in plan.required_services}
    assert len(required) == len(plan.required_services)
    forms = [form.pk for form in plan.forms]
    assert len(forms) == len(set(forms))


def test_unknown_and_too_many_situations_are_left_out_with_a_notice():
    plan = plan_of("situace=neexistuje&situace=obcansky-prukaz&obcansky-prukaz-duvod=mars")
    assert [situation.page.slug for situation in plan.situations] == ["obcansky-prukaz"]
    assert len(plan.notices) == 2
    many = "&".join(f"situace={page.slug}" for page in czech(SituationPage).live()[: MAX_SITUATIONS + 2])
    crowded = plan_of(many)
    assert len(crowded.situations) == MAX_SITUATIONS
    assert any(str(MAX_SITUATIONS) in notice for notice in crowded.notices)


def test_plan_query_round_trips_and_can_leave_a_situation_out():
    plan = plan_of(MOVE_AND_ID)
    again = plan_of(plan_query(plan.situations))
    assert [s.answers.chosen for s in again.situations] == [s.answers.chosen for s in plan.situations]
    without = plan_of(plan_query(plan.situations, leave_out=plan.situations[0]))
    assert [s.page.slug for s in without.situations] == ["obcansky-prukaz"]


def test_plan_page_shows_visits_documents_and_take_along(client_cs):
    html = soup(client_cs.get("/plan/?" + MOVE_AND_ID))
    assert [field["value"] for field in html.select("input[name=situace][type=hidden]")] == [
        "zmena-trvaleho-pobytu", "obcansky-prukaz"]
    assert html.select_one("input[name=zmena-trvaleho-pobytu-odkud][value=jina-obec]").has_attr("checked")
    assert len(html.select(".visit")) >= 2
    assert "Nemusíte nosit" in html.select_one("#plan-documents").find_parent("section").text
    assert html.select_one(".take-along__qr svg")
    assert html.select_one("a[href^='/plan/tisk/?situace=zmena-trvaleho-pobytu']")


def test_empty_plan_offers_to_start_one(client_cs):
    html = soup(client_cs.get("/plan/"))
    assert html.select("select[name=situace] option[value=zmena-trvaleho-pobytu]")
    assert not html.select(".visit")


@pytest.mark.parametrize("query", ["situace=%00", "situace=" + "x" * 5000, "situace=%ff", "a=1&situace=",
                                   "situace=obcansky-prukaz&obcansky-prukaz-duvod=%00"])
def test_bad_plan_urls_never_fail(client_cs, query):
    response = client_cs.get("/plan/?" + query)
    assert response.status_code == 200
    assert client_cs.get("/plan/tisk/?" + query).status_code == 200


def test_plan_prints_grouped_by_office_with_tick_boxes(client_cs):
    html = soup(client_cs.get("/plan/tisk/?" + MOVE_AND_ID))
    sheet = html.select_one(".sheet")
    assert len(sheet.select(".sheet__visit")) >= 2
    assert sheet.select(".sheet__visit .checkbox-print")
    assert "Stěhování" in sheet.h1.text and "Občanský průkaz" in sheet.h1.text
    assert sheet.select_one(".sheet__qr svg")


def test_plan_calendar_collects_every_situations_deadlines(client_cs):
    response = client_cs.get("/plan/kalendar/?" + MOVE_AND_ID)
    assert response.status_code == 200
    summaries = [str(event["summary"]) for event in icalendar.Calendar.from_ical(response.content).walk("VEVENT")]
    assert any("Stěhování" in summary for summary in summaries)
    assert any("Občanský průkaz" in summary for summary in summaries)
    assert client_cs.get("/plan/kalendar/").status_code == 404


def test_urgent_steps_come_first_whatever_office_they_belong_to():
    """A new baby and a lost wallet: the call to the bank and reporting the loss come before the birth's steps,
    though the birth needs more visits, and the bank (no counter) is not left for the end."""
    plan = plan_of("situace=narozeni-ditete&situace=ztrata-dokladu")
    first, second = plan.visits[:2]
    assert first.urgent and first.counter is None  # the bank and the police: no counter of ours
    assert [step.title for step in first.steps] == ["Hned zablokujte platební karty a telefon", "Krádež hned oznamte policii"]
    assert second.urgent and second.counter and [step.title for step in second.steps] == ["Ohlaste ztrátu občanského průkazu nebo pasu"]
    urgent = [step.title for visit in plan.visits if visit.urgent for step in visit.steps]
    assert urgent == ["Hned zablokujte platební karty a telefon", "Krádež hned oznamte policii", "Ohlaste ztrátu občanského průkazu nebo pasu"]
    later = [visit for visit in plan.visits if not visit.urgent]
    assert later and not any(step.urgent for visit in later for step in visit.steps)
    assert len(plan.offices) == len({counter.pk for counter in plan.offices})
    assert [step.title for step in plan.steps if step.urgent] == urgent  # every urgent step, each once


def test_the_plan_page_marks_what_cannot_wait(client_cs):
    html = soup(client_cs.get("/plan/?situace=narozeni-ditete&situace=ztrata-dokladu"))
    visits = html.select(".visit")
    assert "visit--urgent" in visits[0]["class"] and "Nejdřív, hned" in visits[0].text
    assert "Hned zablokujte platební karty a telefon" in visits[0].text
    assert "visit--urgent" in visits[1]["class"] and "Ohlaste ztrátu občanského průkazu nebo pasu" in visits[1].text
    assert not any("visit--urgent" in visit["class"] for visit in visits[2:])


def test_the_notice_about_an_unknown_situation_quotes_no_control_characters(client_cs):
    response = client_cs.get("/plan/?situace=%00%01%1bpes%7f%e2%80%8b")
    notices = [notice.text for notice in soup(response).select(".notice")]
    assert notices == ["Situaci „pes“ neznáme, proto v plánu chybí."]
