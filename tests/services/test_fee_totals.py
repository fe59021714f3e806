"""A fee says what it is, and a total never adds what does not add up: periods apart, one tariff of a group,
extras and benefits out. The amounts here are made up; the law's figures are pinned in tests/content/."""

from dataclasses import dataclass
from decimal import Decimal
from itertools import count

from services.fees import FeeTotal, Judgement, Status, fee_rows, fee_total, merged

_pks = count(1)


@dataclass
class Fee:
    amount: Decimal
    period: str = "once"
    kind: str = "fee"
    tariff_group: str = ""
    optional: bool = False
    condition: str = ""
    label: str = ""

    def __post_init__(self):
        self.amount = Decimal(self.amount)
        self.pk = next(_pks)


class Fees(list):
    def all(self):
        return self


class Service:
    def __init__(self, *fees, title="Služba"):
        self.pk, self.title, self.fees = next(_pks), title, Fees(fees)


def answers(**decided):
    """A judge as a situation gives one: each fee's condition text maps to what the answers made of it."""
    def judge(fee):
        applies = decided.get(fee.condition)
        return Judgement(applies, "" if applies is not None else fee.condition, confirmed=applies is True)
    return judge


def sums(total):
    return [(row.period, row.amount) for row in total.sums]


def test_a_total_is_one_sum_per_period_never_a_sum_of_periods():
    registration = Service(Fee(50))
    dog = Service(Fee(1500, period="yearly"))
    parking = Service(Fee(100, period="monthly"))
    total = fee_total(fee_rows([registration, dog, parking]))
    assert sums(total) == [("once", 50), ("yearly", 1500), ("monthly", 100)]


def test_fees_per_item_are_listed_never_added():
    plates = Service(Fee(800), Fee(200, period="per_item", label="Tabulka, za každou"))
    total = fee_total(fee_rows([plates]))
    assert sums(total) == [("once", 800)]
    assert [row.fee.label for row in total.per_item] == ["Tabulka, za každou"]


def test_tariffs_of_a_group_are_never_added_and_say_for_whom_while_undecided():
    passport = Service(Fee(600, tariff_group="věk", condition="adult"), Fee(100, tariff_group="věk", condition="child"))
    undecided = fee_total(fee_rows([passport], judge=answers()))
    assert sums(undecided) == []
    [choice] = undecided.choices
    assert [row.fee.amount for row in choice.rows] == [600, 100]
    child = fee_total(fee_rows([passport], judge=answers(adult=False, child=True)))
    assert sums(child) == [("once", 100)] and not child.choices


def test_a_service_page_without_answers_shows_a_group_as_alternatives():
    passport = Service(Fee(600, tariff_group="věk", condition="adult"), Fee(100, tariff_group="věk", condition="child"))
    assert [row.status for row in fee_rows([passport])] == [Status.TARIFF, Status.TARIFF]


def test_the_one_tariff_left_by_the_answers_applies():
    card = Service(Fee(0, tariff_group="důvod", condition="new"), Fee(200, tariff_group="důvod", condition="lost"))
    rows = fee_rows([card], judge=answers(new=False, lost=True))
    assert [(row.fee.amount, row.status) for row in rows] == [(200, Status.APPLIES)]


def test_extras_are_paid_only_by_those_who_want_them():
    passport = Service(Fee(600), Fee(3000, optional=True, label="Do 5 dnů, na přání"))
    rows = fee_rows([passport])
    assert [row.status for row in rows] == [Status.APPLIES, Status.EXTRA]
    total = fee_total(rows)
    assert sums(total) == [("once", 600)] and total.more_possible


def test_an_extra_confirmed_by_the_answers_is_paid():
    dogs = Service(Fee(1500, period="yearly"),
                   Fee(2250, period="per_item", optional=True, condition="more dogs", label="Každý další pes"))
    total = fee_total(fee_rows([dogs], judge=answers(**{"more dogs": True})))
    assert sums(total) == [("yearly", 1500)]
    assert [row.fee.amount for row in total.per_item] == [2250]


def test_a_fee_whose_condition_is_unanswered_is_marked_and_left_out():
    service = Service(Fee(300, condition="q"))
    [row] = fee_rows([service], judge=answers())
    assert row.status == Status.CONDITIONAL and row.condition == "q"
    total = fee_total([row])
    assert sums(total) == [] and total.more_possible


def test_a_fee_the_answers_rule_out_is_left_out():
    service = Service(Fee(50), Fee(300, condition="q"))
    assert [row.fee.amount for row in fee_rows([service], judge=answers(q=False))] == [50]


def test_benefits_are_listed_apart_and_never_in_a_total():
    birth = Service(Fee(0), Fee(13000, kind="benefit"), Fee(350000, period="total", kind="benefit"))
    total = fee_total(fee_rows([birth]))
    assert sums(total) == [("once", 0)] and total.free
    assert [row.fee.amount for row in total.benefits] == [13000, 350000]


def test_services_of_optional_steps_do_not_count():
    required, optional = Service(Fee(50)), Service(Fee(800))
    total = fee_total(fee_rows([required, optional], optional={optional.pk}))
    assert sums(total) == [("once", 50)] and total.more_possible


def test_a_service_two_situations_share_is_paid_once_as_the_better_informed_one_says():
    dog = Service(Fee(1500, period="yearly", tariff_group="sazba", condition="flat"),
                  Fee(600, period="yearly", tariff_group="sazba", condition="house"))
    moving = fee_rows([Service(Fee(50)), dog], judge=answers())
    dog_page = fee_rows([dog], judge=answers(flat=True, house=False))
    total = fee_total(merged([moving, dog_page]))
    assert sums(total) == [("once", 50), ("yearly", 1500)] and not total.choices


def test_no_services_cost_nothing():
    assert fee_total([]) == FeeTotal() and FeeTotal().free


def test_fee_rows_span_the_rows_of_their_service():
    first, empty, third = Service(Fee(1), Fee(2), Fee(3)), Service(), Service(Fee(4))
    rows = fee_rows([first, empty, third], optional={third.pk})
    assert [(row.service.pk, row.span, row.optional) for row in rows] == [
        (first.pk, 3, False), (first.pk, 0, False), (first.pk, 0, False), (third.pk, 1, True)]


# -- the total in one short line (a checklist's summary and its print sheet) -------------------------------------
# Each line is written out by hand as the office would say it; the amounts are the made-up ones of the services.

REGISTRATION = Service(Fee(50))
DOG = Service(Fee(1500, period="yearly"))
PARKING = Service(Fee(100, period="monthly"))
COPIES = Service(Fee(30, period="per_item", label="Za každou stránku"))
PASSPORT = Service(Fee(600, tariff_group="věk", condition="adult"), Fee(100, tariff_group="věk", condition="child"))
EXPRESS = Service(Fee(0), Fee(3000, optional=True, label="Do 5 dnů, na přání"))
FREE = Service(Fee(0))


def line(*services, personal=False, language="cs", details_follow=False):
    """The short line of the services' total, with nothing answered."""
    from django.template.loader import render_to_string
    from django.utils import translation

    total = fee_total(fee_rows(services, judge=answers()))
    context = {"total": total, "layout": "short", "personal": personal, "details_follow": details_follow}
    with translation.override(language):
        return render_to_string("includes/fee_total.html", context)


def test_the_short_line_names_the_sums_amount_first_and_joins_them_as_a_sentence_does():
    assert line(REGISTRATION) == "50\xa0Kč jednorázově"
    assert line(REGISTRATION, DOG) == "50\xa0Kč jednorázově a 1\xa0500\xa0Kč ročně"
    assert line(REGISTRATION, DOG, PARKING) == (
        "50\xa0Kč jednorázově, 1\xa0500\xa0Kč ročně a 100\xa0Kč měsíčně")


def test_the_short_line_adds_what_the_sums_leave_out():
    assert line(REGISTRATION, COPIES) == "50\xa0Kč jednorázově, k tomu poplatek za každý kus"
    assert line(REGISTRATION, PASSPORT) == "50\xa0Kč jednorázově, k tomu poplatek podle vaší situace"
    assert line(REGISTRATION, COPIES, PASSPORT) == (
        "50\xa0Kč jednorázově, k tomu poplatky za kus a podle vaší situace")


def test_without_a_sum_the_short_line_says_on_what_the_fee_depends():
    assert line(COPIES) == "podle počtu kusů"
    assert line(PASSPORT) == "podle vaší situace"
    assert line(COPIES, PASSPORT) == "podle počtu kusů a vaší situace"


def test_the_short_line_says_when_some_pay_more_and_speaks_to_a_visitor_who_answered():
    assert line(REGISTRATION, EXPRESS) == "50\xa0Kč jednorázově; někdo zaplatí i víc"
    assert line(REGISTRATION, EXPRESS, personal=True) == "50\xa0Kč jednorázově, možná i víc"
    assert line(REGISTRATION, PASSPORT, EXPRESS) == (
        "50\xa0Kč jednorázově, k tomu poplatek podle vaší situace; někdo zaplatí i víc")


def test_a_free_checklist_says_free_and_whether_some_pay_for_extras():
    assert line(FREE) == "zdarma"
    assert line(EXPRESS, FREE) == "zdarma, jen někdo zaplatí něco navíc"
    assert line(EXPRESS, FREE, personal=True) == "zdarma, možná jen něco navíc"


def test_on_paper_the_details_after_the_line_say_who_pays_more_so_the_line_does_not():
    assert line(REGISTRATION, EXPRESS, details_follow=True) == "50\xa0Kč jednorázově"
    assert line(EXPRESS, FREE, personal=True, details_follow=True) == "zdarma"


def test_the_short_line_in_english_and_ukrainian():
    assert line(REGISTRATION, DOG, language="en") == "CZK\xa050 one-off and CZK\xa01,500 yearly"
    assert line(REGISTRATION, PASSPORT, EXPRESS, language="en") == (
        "CZK\xa050 one-off, plus a fee that depends on your situation; some people pay more")
    assert line(COPIES, language="en") == "depends on how many items you need"
    assert line(EXPRESS, FREE, language="en") == "free; some people pay for extras"
    assert line(REGISTRATION, DOG, language="uk") == "50\xa0крон одноразово і 1\xa0500\xa0крон щороку"
    assert line(REGISTRATION, COPIES, EXPRESS, personal=True, language="uk") == (
        "50\xa0крон одноразово, а також збір за кожну одиницю, можливо, й більше")
    assert line(PASSPORT, language="uk") == "залежно від вашої ситуації"
