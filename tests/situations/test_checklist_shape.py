"""A situation's checklist and a plan's have one shape, and each repeated piece of a page is written once."""

import re
from pathlib import Path

import pytest
from django.http import QueryDict

from services.documents import DocumentRow
from services.fees import FeeRow
from situations.composition import compose_situation
from situations.models import SituationPage
from situations.plan import plan_from_query
from situations.shape import Checklist, DeadlineRow, Step, Visit
from tests.czech import czech

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def plan_of(query):
    pages = {page.slug: page for page in czech(SituationPage).live().prefetch_related("questions")}
    return plan_from_query(QueryDict(query), pages)


@pytest.mark.django_db
def test_a_situation_and_a_plan_offer_the_same_things_as_the_same_rows():
    situation = compose_situation(czech(SituationPage).get(slug="zmena-trvaleho-pobytu"))
    plan = plan_of("situace=zmena-trvaleho-pobytu&situace=obcansky-prukaz")
    for checklist in (situation, plan):
        missing = [name for name in Checklist.__annotations__ if not hasattr(checklist, name)]
        assert not missing, f"{type(checklist).__name__} lacks {missing}"
        assert checklist.steps and all(isinstance(step, Step) for step in checklist.steps)
        assert all(isinstance(visit, Visit) for visit in checklist.visits)
        assert checklist.documents_to_bring
        assert all(isinstance(row, DocumentRow) for row in [*checklist.documents_to_bring,
                                                           *checklist.documents_fetched])
        assert checklist.deadlines and all(isinstance(row, DeadlineRow) for row in checklist.deadlines)
        assert checklist.fee_rows and all(isinstance(row, FeeRow) for row in checklist.fee_rows)
    # Every row knows the situation it belongs to, so a plan can say so.
    assert {row.situation.slug for row in plan.deadlines} == {"zmena-trvaleho-pobytu", "obcansky-prukaz"}
    assert {step.situation.slug for step in plan.steps} == {"zmena-trvaleho-pobytu", "obcansky-prukaz"}


@pytest.mark.django_db
def test_a_plan_of_one_situation_lists_what_the_situation_lists():
    situation = compose_situation(czech(SituationPage).get(slug="obcansky-prukaz"))
    plan = plan_of("situace=obcansky-prukaz")
    assert plan.documents_to_bring == situation.documents_to_bring
    assert plan.documents_fetched == situation.documents_fetched
    assert plan.deadlines == situation.deadlines
    assert plan.fee_rows == situation.fee_rows
    assert plan.fees == situation.fees
    assert [visit.counter for visit in plan.visits] == [visit.counter for visit in situation.visits]


# What marks each repeated piece, and the one template allowed to write it.
PIECES = {
    "a document row": (r"\{\{ row\.(document\.)?name \}\}</strong>", {"includes/document_row.html"}),
    "a step": (r"\{\{ step\.title \}\}", {"situations/includes/step.html"}),
    "a deadline": (r"nejpozději \{\{ date \}\}", {"situations/includes/deadline_list.html"}),
    "a fee's amount": (r"amount\|czk", {"includes/fee_table.html", "includes/fee_total.html"}),
    "a counter card's address": (r"includes/counter_address\.html",
                                 {"includes/counter_card.html", "services/counter_page.html"}),
}


@pytest.mark.parametrize("piece", PIECES)
def test_each_repeated_piece_is_written_in_one_template(piece):
    pattern, allowed = PIECES[piece]
    writing = {str(path.relative_to(TEMPLATES)) for path in TEMPLATES.rglob("*.html")
               if re.search(pattern, path.read_text())}
    assert writing == allowed


def test_no_template_asks_whether_it_shows_a_plan():
    asking = [str(path.relative_to(TEMPLATES)) for path in TEMPLATES.rglob("*.html")
              if re.search(r"\{% (el)?if (not )?plan %\}", path.read_text())]
    assert not asking
