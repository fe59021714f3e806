"""A situation at the front desk: the guide prefilled from the address, what applies, print sheet, QR code."""

from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup

from services.models import CounterPage
from situations.composition import compose_situation
from situations.models import SituationPage
from situations.take_along import qr_svg
from tests.czech import czech

pytestmark = pytest.mark.django_db
MOVING_SLUG = "zmena-trvaleho-pobytu"
DESK_URL = f"/prepazka/situace/{MOVING_SLUG}/"


def soup(response, status=200):
    assert response.status_code == status
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def moving():
    return czech(SituationPage).live().get(slug=MOVING_SLUG)


def second_options(page):
    """An answer to every question: the second option of each (and both of the first two check boxes)."""
    answers = [("pruvodce", "1")]
    for question in page.guide_questions:
        keys = [option.key for option in question.options]
        answers += [(question.key, key) for key in (keys[:2] if question.multiple else keys[1:2])]
    return answers


def test_compact_view_shows_the_guide_the_checklist_and_what_to_take_along(clerk_client, moving):
    page = soup(clerk_client.get(DESK_URL))
    assert page.h1.text == moving.title
    form = page.select_one("form.desk-guide")
    assert form["method"] == "get" and form["action"] == DESK_URL
    for question in moving.guide_questions:
        assert form.find("input", attrs={"name": question.key}), question.key
    assert page.select_one(".summary")
    composed = compose_situation(moving)
    assert [li.select_one(".desk-steps__title").text for li in page.select(".desk-steps li")] == \
        [step.title for step in composed.steps]
    assert len(page.select(".desk-documents li")) == len(composed.documents_to_bring)
    assert page.select_one(".desk-take__print")["href"] == DESK_URL + "tisk/"
    assert page.select_one(".desk-take__qr svg")
    # Each long list is a region of its own that a keyboard can scroll.
    for region in page.select(".desk-scroll"):
        assert region["tabindex"] == "0" and region["aria-label"]


def test_todays_panel_shows_the_situations_counters_first_and_folds_the_rest(clerk_client, moving):
    page = soup(clerk_client.get(DESK_URL))
    names = [item.select_one(".desk-counter__name").text for item in page.select(".desk-counter")]
    assert sorted(names) == sorted(czech(CounterPage).live().values_list("title", flat=True))
    marked = [item.select_one(".desk-counter__name").text for item in page.select(".desk-counter--situation")]
    assert marked and set(marked) == {counter.title for counter in compose_situation(moving).offices}
    assert names[:len(marked)] == marked  # the situation's counters come first
    folded = page.select_one(".desk-today details")
    assert folded and not folded.has_attr("open")
    assert [item.select_one(".desk-counter__name").text for item in folded.select(".desk-counter")] == \
        names[len(marked):]
    assert folded.summary.text == f"Další pracoviště ({len(names) - len(marked)})"
    assert all(item.select_one("[data-testid=open-state]") for item in page.select(".desk-counter"))


def test_without_a_situation_every_counter_shows_unfolded(clerk_client):
    page = soup(clerk_client.get("/prepazka/"))
    assert not page.select_one(".desk-today details")
    assert len(page.select(".desk-counter")) == czech(CounterPage).live().count()


def test_answers_from_the_address_prefill_the_guide_and_go_to_print_and_qr(clerk_client, moving):
    answers = second_options(moving)
    if len(answers) == 1:
        pytest.skip("the moving situation has no guide questions yet")
    page = soup(clerk_client.get(DESK_URL, answers))
    for name, value in answers[1:]:
        assert page.find("input", attrs={"name": name, "value": value}).has_attr("checked"), (name, value)
    query = urlencode(answers)
    print_link = page.select_one(".desk-take__print")
    assert print_link["href"] == f"{DESK_URL}tisk/?{query}"
    assert print_link.has_attr("autofocus")  # answered: the next thing to do is print
    public_checklist = BeautifulSoup(qr_svg(f"http://localhost{moving.url}?{query}"), "html.parser")
    assert str(page.select_one(".desk-take__qr svg")) == str(public_checklist.svg)  # the public page, answered
    assert page.select_one(".desk-take__public a")["href"] == f"{moving.url}?{query}"
    assert "Váš seznam" in page.select_one(".summary").text
    assert page.find("a", string="Zrušit odpovědi")["href"] == DESK_URL

    sheet = soup(clerk_client.get(print_link["href"]))
    assert moving.title in sheet.select_one("h1").text
    assert sheet.find("a", string="Zpět na stránku")["href"] == f"{DESK_URL}?{query}"  # back to the desk
    assert str(sheet.select_one(".sheet__qr svg")) == str(public_checklist.svg)  # the visitor's phone: public


def test_an_unknown_situation_has_no_print_sheet(clerk_client):
    assert clerk_client.get("/prepazka/situace/neexistuje/tisk/").status_code == 404


@pytest.mark.parametrize("query_string", [
    "odkud=mars&pruvodce=1",
    "datum=zitra&pruvodce=ano",
    "neznamy=1&utm_source=x",
    "odkud=%00&mam=%00%00&datum=%00",
    "odkud=" + "x" * 5000,
    "%00=%00",
    "odkud=%ED%A0%80&datum=%FF",
    "mam=auto&mam=auto&mam=" + "&mam=".join(["pes"] * 300),
])
def test_bad_answers_give_notices_never_a_server_error(clerk_client, moving, query_string):
    page = soup(clerk_client.get(DESK_URL, QUERY_STRING=query_string))
    notices = " ".join(notice.text for notice in page.select(".desk-notice"))
    assert "\x00" not in notices and "x" * 200 not in str(page)
    assert page.select_one(".desk-take__print")["href"].startswith(DESK_URL + "tisk/")


def test_an_unknown_answer_is_named_in_a_notice(clerk_client, moving):
    if not moving.guide_questions:
        pytest.skip("the moving situation has no guide questions yet")
    question = moving.guide_questions[0]
    page = soup(clerk_client.get(DESK_URL, {question.key: "mars"}))
    assert "mars" in page.select_one(".desk-notice").text


@pytest.mark.parametrize("slug", ["neexistuje", "%00", "a" * 5000, "%C5%BE%C3%A1dn%C3%A1", "%ED%A0%80", "..",
                                  "%3Cscript%3E", "zmena trvaleho"])
def test_unknown_slug_gives_the_desks_404_page_with_a_message(clerk_client, slug):
    page = soup(clerk_client.get(f"/prepazka/situace/{slug}/"), status=404)
    assert page.h1.text == "Tuto situaci jsme nenašli"
    assert page.select_one("#desk-q").has_attr("autofocus")
    assert "<script>" not in str(page.select_one(".desk-work"))


def test_unpublished_situation_is_not_offered(clerk_client, moving):
    moving.unpublish()
    soup(clerk_client.get(DESK_URL), status=404)


def test_a_situation_without_questions_focuses_printing(clerk_client):
    page = czech(SituationPage).live().filter(questions__isnull=True).first()
    if page is None:
        pytest.skip("every demo situation has questions")
    html = soup(clerk_client.get(f"/prepazka/situace/{page.slug}/"))
    assert html.select_one(".desk-take__print").has_attr("autofocus")
