"""Rules that keep the numbers and words trustworthy across the whole demo catalog, not just where a visitor
happened to look: fees say what they are, totals never mix what does not add up, links lead somewhere else,
"Nemáte ho?" leads to the service that issues the document, every situation says where to go, and a situation
named in a text is a link to it."""

import re
from itertools import product
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from navigator.demo.loader import read_catalog
from services.fees import SUMMED_PERIODS, FeeKind, FeePeriod, Status
from services.models import CounterPage, RequiredDocument, ServiceFee, ServicePage
from situations.composition import compose_situation
from situations.guide import Answers
from situations.models import JourneyPage, SituationPage, TopicPage
from tests.czech import czech

CATALOG = read_catalog()


def test_every_fee_row_of_the_data_has_a_period_and_a_kind():
    for service in CATALOG["services"]:
        for row in service.get("fees") or []:
            assert row.get("period") in FeePeriod.values, (service["slug"], row["label"])
            assert row.get("kind", FeeKind.FEE) in FeeKind.values, (service["slug"], row["label"])


def test_a_deadline_in_working_days_gives_no_count_of_days():
    """`days` counts calendar days (the page says "5 dní", the calendar file puts the date there): a deadline the
    law sets in working days would come out days too early, so it says its working days in words only."""
    wrong = [(situation["slug"], row["title"]) for topic in CATALOG["situations"].values() for situation in topic
             for row in situation.get("deadlines") or []
             if row.get("days") is not None
             and re.search(rf"\b{row['days']} pracovní(ch)? d", f"{row['title']} {row.get('description', '')}")]
    assert not wrong


@pytest.mark.django_db
def test_every_loaded_fee_has_a_period():
    assert ServiceFee.objects.exists()
    assert not ServiceFee.objects.exclude(period__in=FeePeriod.values).exists()


def answer_sets(page):
    """No answers, each question's options one by one, and every combination of the first two options."""
    questions = page.guide_questions
    yield Answers()
    for question in questions:
        for option in question.options:
            yield Answers(chosen={question.key: frozenset([option.key])}, submitted=True)
    firsts = [[option.key for option in question.options[:2]] for question in questions]
    for combination in list(product(*firsts))[:64]:
        yield Answers(chosen={question.key: frozenset([key]) for question, key in zip(questions, combination)},
                      submitted=True)


@pytest.mark.django_db
def test_no_total_mixes_periods_or_adds_tariffs_that_exclude_each_other():
    checked = 0
    for page in SituationPage.objects.live().prefetch_related("questions"):
        for answers in answer_sets(page):
            situation = compose_situation(page, answers)
            total = situation.fees
            periods = [row.period for row in total.sums]
            assert len(periods) == len(set(periods)) and set(periods) <= set(SUMMED_PERIODS), page.slug
            counted = [row for row in situation.fee_rows if row.counted]
            groups = [(row.service.pk, row.fee.tariff_group) for row in counted if row.fee.tariff_group]
            assert len(groups) == len(set(groups)), f"{page.slug}: two tariffs of one group counted"
            for period in periods:
                assert sum(row.fee.amount for row in counted if row.fee.period == period) == next(
                    row.amount for row in total.sums if row.period == period), page.slug
            assert all(row.fee.period not in SUMMED_PERIODS for row in total.per_item)
            assert all(row.status == Status.TARIFF for choice in total.choices for row in choice.rows)
            assert not any(row.benefit for row in counted)
            checked += 1
    assert checked > 200


def public_pages():
    yield "/"
    yield "/situace/"
    yield "/plan/?situace=zmena-trvaleho-pobytu&situace=poplatek-ze-psu"
    for model in (TopicPage, SituationPage, JourneyPage, ServicePage, CounterPage):
        for page in model.objects.live():
            yield page.url


@pytest.mark.django_db
def test_no_internal_link_leads_to_its_own_page(client_cs):
    for url in public_pages():
        response = client_cs.get(url)
        assert response.status_code == 200, url
        main = BeautifulSoup(response.content.decode(), "html.parser").select_one("main")
        own = urlsplit(url)
        for link in main.select("a[href]"):
            target = urlsplit(link["href"])
            if target.netloc or link["href"].startswith("#"):
                continue
            # The same address with other parameters is another page (a plan without one of its situations).
            assert (target.path, target.query) != (own.path, own.query), (
                f"{url}: „{link.get_text(strip=True)}“ leads to the page itself")


def words(text):
    return {word for word in re.findall(r"\w{4,}", text.lower())}


@pytest.mark.django_db
def test_every_nemate_ho_target_is_a_service_that_issues_the_document(client_cs):
    documents = czech(RequiredDocument).filter(issued_by__isnull=False).select_related("issued_by")
    assert documents.count() >= 15
    for document in documents:
        service = document.issued_by
        assert isinstance(service, ServicePage) and service.live, document.slug
        said = words(f"{service.title} {service.summary} {service.what_you_get}")
        assert words(document.name) <= said, f"{service.slug} does not say it issues „{document.name}“"
    for page in czech(SituationPage).live():
        html = BeautifulSoup(client_cs.get(page.url).content.decode(), "html.parser")
        for hint in html.find_all(string=re.compile("Nemáte ho")):
            link = hint.find_next("a")
            assert link["href"].startswith("/sluzby/"), f"{page.slug}: Nemáte ho? → {link['href']}"


@pytest.mark.django_db
def test_every_situation_says_where_to_go_or_how_to_do_it_online():
    for page in SituationPage.objects.live():
        situation = compose_situation(page)
        online = any(service.channel_online or service.channel_data_box for service in situation.services)
        assert situation.counters or online, page.slug


RICH_FIELDS = {SituationPage: ("who_may_act", "conditions", "where_to_go", "online", "remedies", "sanctions"),
               ServicePage: ("when_to_act", "what_you_get", "who_may_apply", "how_to_apply", "remedies")}


def rich_texts():
    for model, fields in RICH_FIELDS.items():
        for page in model.objects.live():
            for field in fields:
                yield page, getattr(page, field)
            if model is SituationPage:
                yield from ((page, step.text) for step in page.steps.all())
                yield from ((page, faq.answer) for faq in page.faqs.all())


@pytest.mark.django_db
def test_a_situation_named_in_a_text_is_a_link_to_it():
    titles = {page.pk: page.title for page in SituationPage.objects.live()}
    unlinked = []
    for page, html in rich_texts():
        plain = " ".join(" ".join(text.split()) for text in BeautifulSoup(html or "", "html.parser")
                         .find_all(string=True) if text.parent.name != "a")
        unlinked += [(page.slug, title) for pk, title in titles.items() if pk != page.pk and title in plain]
    assert not unlinked, f"situations named without a link to them: {unlinked}"
