"""How the guide reads editors' questions and conditions, and what a visitor's answers make of them."""

import datetime

import pytest
from django.http import QueryDict

from situations.guide import (
    Answers,
    Condition,
    ConditionError,
    GuideForm,
    Question,
    condition_errors,
    judge,
    option_errors,
    parse_options,
    unknown_parameter_notices,
)

MOVING_FROM = Question("odkud", "Odkud se stěhujete?", tuple(parse_options(
    "v-obci | V rámci téže obce\njina-obec | Z jiné obce\nzahranici | Ze zahraničí")))
HAVE = Question("mam", "Máte", tuple(parse_options("auto | Auto\npes | Psa\ndeti | Děti")), multiple=True)
QUESTIONS = [MOVING_FROM, HAVE]


def answers(**chosen):
    return Answers(chosen={key: frozenset(value) for key, value in chosen.items()}, submitted=True)


def test_options_take_explicit_keys_or_make_them_from_the_label():
    options = parse_options("jina-obec | Z jiné obce\nZe zahraničí\n\n")
    assert [(option.key, option.label) for option in options] == [
        ("jina-obec", "Z jiné obce"), ("ze-zahranici", "Ze zahraničí")]


def test_options_need_two_distinct_keys():
    assert option_errors("Jen jedna")
    assert option_errors("a | Jedna\na | Druhá")
    assert option_errors("a | Jedna\nb | Druhá") == []


@pytest.mark.parametrize(("text", "chosen", "expected"), [
    ("odkud = jina-obec", {"odkud": {"jina-obec"}}, True),
    ("odkud = jina-obec, zahranici", {"odkud": {"zahranici"}}, True),
    ("odkud = jina-obec", {"odkud": {"v-obci"}}, False),
    ("odkud != v-obci", {"odkud": {"v-obci"}}, False),
    ("odkud != v-obci", {"odkud": {"zahranici"}}, True),
    ("mam = pes", {"mam": {"auto", "pes"}}, True),
    ("mam = pes", {"mam": set()}, False),
    ("mam != auto", {"mam": set()}, True),
    ("odkud = jina-obec; mam = auto", {"odkud": {"jina-obec"}, "mam": {"auto"}}, True),
    ("odkud = jina-obec; mam = auto", {"odkud": {"jina-obec"}, "mam": {"pes"}}, False),
    ("odkud = jina-obec; mam = auto", {"mam": {"auto"}}, None),
    # One failing clause decides, even while another question is unanswered.
    ("odkud = jina-obec; mam = auto", {"mam": {"pes"}}, False),
    ("odkud = jina-obec", {}, None),
])
def test_condition_evaluates_to_true_false_or_undecided(text, chosen, expected):
    assert Condition.parse(text).evaluate({key: frozenset(value) for key, value in chosen.items()}) is expected


def test_empty_condition_applies_to_everyone():
    assert judge("", Answers(), QUESTIONS).applies is True
    assert judge("  ", answers(odkud={"v-obci"}), QUESTIONS).applies is True


def test_undecided_condition_is_spelled_out_in_the_visitors_words():
    verdict = judge("odkud = zahranici, jina-obec", Answers(), QUESTIONS)
    assert verdict.conditional
    assert verdict.condition == "Odkud se stěhujete? z jiné obce nebo ze zahraničí"
    assert judge("mam != auto", Answers(), QUESTIONS).condition == "Máte ne auto"


def test_decided_condition_needs_no_words():
    assert judge("odkud = jina-obec", answers(odkud={"jina-obec"}), QUESTIONS).condition == ""


def test_unreadable_condition_is_reported_to_the_editor_and_never_hides_an_item():
    with pytest.raises(ConditionError):
        Condition.parse("když se stěhuju")
    assert condition_errors("když se stěhuju", QUESTIONS)
    assert judge("když se stěhuju", answers(odkud={"v-obci"}), QUESTIONS).applies is True


def test_condition_naming_unknown_question_or_option_is_reported():
    assert condition_errors("kam = jina-obec", QUESTIONS) == ["Otázka „kam“ neexistuje."]
    assert condition_errors("odkud = mars", QUESTIONS) == ["Otázka „odkud“ nemá volbu „mars“."]
    assert condition_errors("odkud = jina-obec; mam != pes", QUESTIONS) == []


def form_answers(query, prefix=None, date_label=""):
    return GuideForm(QUESTIONS, QueryDict(query), prefix=prefix, date_label=date_label).answers()


def test_form_reads_single_and_multiple_answers_from_the_url():
    result = form_answers("pruvodce=1&odkud=jina-obec&mam=auto&mam=pes")
    assert result.chosen == {"odkud": frozenset({"jina-obec"}), "mam": frozenset({"auto", "pes"})}
    assert result.notices == []


def test_unticked_boxes_are_an_answer_once_the_form_was_sent():
    assert form_answers("pruvodce=1").chosen == {"mam": frozenset()}
    assert form_answers("odkud=v-obci").chosen == {"odkud": frozenset({"v-obci"})}


def test_unknown_answers_are_left_out_with_a_notice():
    result = form_answers("pruvodce=1&odkud=mars&mam=auto&mam=slon")
    assert "odkud" not in result.chosen
    assert result.chosen["mam"] == frozenset({"auto"})
    assert len(result.notices) == 2
    assert "„mars“" in result.notices[0] and "Odkud se stěhujete?" in result.notices[0]


@pytest.mark.parametrize("value", ["\x00", "x" * 5000, "\udcff", "odkud=jina-obec"])
def test_malformed_values_never_raise(value):
    result = GuideForm(QUESTIONS, QueryDict(mutable=True) | {"odkud": value}).answers()
    assert "odkud" not in result.chosen
    assert len(result.notices[0]) < 200


def test_date_is_read_or_reported():
    assert form_answers("datum=2026-11-20", date_label="Kdy?").date == datetime.date(2026, 11, 20)
    result = form_answers("datum=20.11.", date_label="Kdy?")
    assert result.date is None and "Datum" in result.notices[0]


def test_prefixed_form_reads_only_its_own_answers():
    result = form_answers("a-odkud=jina-obec&odkud=v-obci", prefix="a")
    assert result.chosen == {"odkud": frozenset({"jina-obec"})}


def test_answers_make_the_url_that_brings_them_back():
    original = answers(odkud={"jina-obec"}, mam={"pes", "auto"})
    original.date = datetime.date(2026, 11, 20)
    query = original.to_query(QUESTIONS)
    assert query == [("pruvodce", "1"), ("odkud", "jina-obec"), ("mam", "auto"), ("mam", "pes"), ("datum", "2026-11-20")]
    from urllib.parse import urlencode
    again = form_answers(urlencode(query), date_label="Kdy?")
    assert again.chosen == original.chosen and again.date == original.date
    assert original.to_query(QUESTIONS, prefix="x")[1] == ("x-odkud", "jina-obec")


def test_answers_read_back_for_the_printed_sheet():
    assert answers(odkud={"jina-obec"}, mam=set()).describe(QUESTIONS) == [
        ("Odkud se stěhujete?", "Z jiné obce"), ("Máte", "nic z toho")]


def test_unknown_parameters_get_a_notice_but_other_sites_tracking_does_not():
    query = QueryDict("odkud=v-obci&foo=1&utm_source=x&fbclid=y")
    assert unknown_parameter_notices(query, {"odkud"}) == ["Parametr „foo“ v adrese neznáme, proto jsme ho vynechali."]
