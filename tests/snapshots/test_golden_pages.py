"""Every public page type of the demo catalog renders as recorded (see tests/snapshots/golden.py).

A difference fails with a diff of the first pages that changed; if the change is meant, `make snapshots`
records it and the review shows it. Query counts may drop but never grow.
"""

import datetime
import difflib
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, Revision

from frontdesk.access import clerk_group
from opendata.exports import DATASETS
from services.models import CounterPage, ServicePage
from situations.guide import DATE_FIELD, SUBMITTED_FIELD
from situations.models import JourneyPage, SituationPage, TopicPage
from tests.czech import czech

from . import golden

pytestmark = pytest.mark.django_db

# A Monday morning: counters are open, deadlines count from a known day, nothing depends on the real clock.
MOMENT = datetime.datetime(2026, 12, 7, 9, 30, tzinfo=ZoneInfo("Europe/Prague"))
ANSWER_DATE = datetime.date(2026, 12, 1)
SHOWN_DIFFS = 3


PUBLISHED = datetime.datetime(2026, 11, 30, 8, 0, tzinfo=ZoneInfo("Europe/Prague"))


@pytest.fixture
def frozen():
    """The clock stopped at MOMENT, and the demo catalog published at a fixed time rather than when it loaded."""
    Page.objects.update(first_published_at=PUBLISHED, last_published_at=PUBLISHED,
                        latest_revision_created_at=PUBLISHED)
    Revision.objects.update(created_at=PUBLISHED)
    with time_machine.travel(MOMENT, tick=False):
        yield


def answers_for(page, prefix=None, option_index=0):
    """One full set of answers to the page's guide: the n-th option of every question, and the date."""
    def name(key):
        return f"{prefix}-{key}" if prefix else key

    pairs = [(name(SUBMITTED_FIELD), "1")]
    for question in page.guide_questions:
        option = question.options[min(option_index, len(question.options) - 1)]
        pairs.append((name(question.key), option.key))
    if page.date_question:
        pairs.append((name(DATE_FIELD), ANSWER_DATE.isoformat()))
    return pairs


def situation_pages():
    return list(czech(SituationPage).live().order_by("path").prefetch_related("questions"))


def check(client, pages):
    """Render each (name, url) and compare it with its recording; return nothing, fail with diffs."""
    recorded_counts = golden.recorded_counts()
    counts, differences, missing = {}, [], []
    for name, url in pages:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        counts[name] = len(golden.page_queries(queries))
        rendered = golden.canonical(response)
        path = golden.file_name(name)
        if golden.UPDATING:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(rendered)
            continue
        if not path.exists():
            missing.append(name)
            continue
        expected = path.read_text()
        if rendered != expected:
            differences.append((name, url, expected, rendered))
    if golden.UPDATING:
        golden.write_counts({**recorded_counts, **counts})
        return
    more_queries = {name: (recorded_counts.get(name), count) for name, count in counts.items()
                    if name in recorded_counts and count > recorded_counts[name]}
    report = []
    for name, url, expected, rendered in differences[:SHOWN_DIFFS]:
        diff = difflib.unified_diff(expected.splitlines(), rendered.splitlines(), f"recorded {name}", url,
                                    lineterm="", n=2)
        report.append("\n".join(list(diff)[:60]))
    assert not missing, f"no recording for {missing}: run `make snapshots`"
    assert not differences, (
        f"{len(differences)} page(s) render differently: {[name for name, *_ in differences]}\n\n"
        + "\n\n".join(report) + "\n\nIf the change is meant, record it with `make snapshots`."
    )
    assert not more_queries, f"pages that now need more queries (recorded, now): {more_queries}"


def test_home_topics_and_situations(client_cs, frozen):
    pages = [("home", "/"), ("situation-index", "/situace/")]
    pages += [(f"topic--{topic.slug}", topic.url) for topic in czech(TopicPage).live().order_by("path")]
    pages += [(f"journey--{journey.slug}", journey.url) for journey in czech(JourneyPage).live().order_by("path")]
    for page in situation_pages():
        pages.append((f"situation--{page.slug}", page.url))
        pages.append((f"situation-print--{page.slug}", f"{page.url}tisk/"))
        if page.guide_questions:
            for index in (0, 1):
                query = urlencode(answers_for(page, option_index=index))
                pages.append((f"situation-answered-{index}--{page.slug}", f"{page.url}?{query}"))
                pages.append((f"situation-answered-print-{index}--{page.slug}", f"{page.url}tisk/?{query}"))
            if page.date_question:
                query = urlencode(answers_for(page))
                pages.append((f"situation-calendar--{page.slug}", f"{page.url}kalendar/?{query}"))
    check(client_cs, pages)


def test_pages_in_english_and_ukrainian(client_cs, frozen):
    """The home page and a situation with its answered guide in each other language (the Czech ones above)."""
    moving = czech(SituationPage).prefetch_related("questions").get(slug="zmena-trvaleho-pobytu")
    query = urlencode(answers_for(moving))
    pages = []
    for language in ("en", "uk"):
        pages += [(f"{language}-home", f"/{language}/"),
                  (f"{language}-situation--{moving.slug}", f"/{language}{moving.url}"),
                  (f"{language}-situation-answered--{moving.slug}", f"/{language}{moving.url}?{query}")]
    check(client_cs, pages)


def test_plans(client_cs, frozen):
    by_slug = {page.slug: page for page in situation_pages()}
    two = ["zmena-trvaleho-pobytu", "obcansky-prukaz"]
    three = ["narozeni-ditete", "ztrata-dokladu", "poplatek-ze-psu"]
    plain = urlencode([("situace", slug) for slug in two])
    answered = urlencode([pair for slug in three for pair in [("situace", slug), *answers_for(by_slug[slug], slug)]])
    pages = [("plan--empty", "/plan/"), ("plan--two", f"/plan/?{plain}"), ("plan--three-answered", f"/plan/?{answered}"),
             ("plan-print--two", f"/plan/tisk/?{plain}"), ("plan-print--three-answered", f"/plan/tisk/?{answered}"),
             ("plan-calendar--three-answered", f"/plan/kalendar/?{answered}"),
             ("plan--unknown", "/plan/?situace=neznama&situace=zmena-trvaleho-pobytu&foo=bar")]
    check(client_cs, pages)


def test_services_catalog_and_counters(client_cs, frozen):
    pages = [("catalog", "/sluzby/"),
             ("catalog--businesses", "/sluzby/?audience=businesses"),
             ("catalog--topic-department", "/sluzby/?topic=bydleni&department=odbor-obcanskospravni"),
             ("catalog--channels", "/sluzby/?channel=online&channel=data_box"),
             ("catalog--invalid", "/sluzby/?audience=nikdo&department=zadny"),
             ("counters", "/pracoviste/")]
    pages += [(f"service--{page.slug}", page.url) for page in czech(ServicePage).live().order_by("path")]
    pages += [(f"counter--{page.slug}", page.url) for page in czech(CounterPage).live().order_by("path")]
    check(client_cs, pages)


def test_search(client_cs, frozen):
    pages = [("search--empty", "/hledat/"),
             ("search--obcanka", "/hledat/?q=obcanka"),
             ("search--prehlaseni-situations", "/hledat/?q=p%C5%99ehl%C3%A1%C5%A1en%C3%AD&type=situation"),
             ("search--typo", "/hledat/?q=ridicak+ztrata"),
             ("search--nothing", "/hledat/?q=xyzzyqwerty"),
             ("search-api--obcanka", "/api/search/?q=obcanka"),
             ("search-api--businesses", "/api/search/?q=zivnost&audience=businesses"),
             ("search-api--invalid", "/api/search/?q=pes&type=nic&page=0"),
             ("search-autocomplete--obc", "/api/search/autocomplete/?q=ob%C4%8D")]
    check(client_cs, pages)


def test_front_desk(client_cs, frozen, django_user_model):
    clerk = django_user_model.objects.create_user(username="snapshot-clerk", password="unused-password-1")
    clerk.groups.add(clerk_group())
    client_cs.force_login(clerk)
    moving = czech(SituationPage).get(slug="zmena-trvaleho-pobytu")
    query = urlencode(answers_for(moving))
    pages = [("frontdesk--home", "/prepazka/"),
             ("frontdesk--results", "/prepazka/vysledky/?q=obcanka"),
             ("frontdesk--situation", "/prepazka/situace/obcansky-prukaz/"),
             ("frontdesk--situation-answered", f"/prepazka/situace/zmena-trvaleho-pobytu/?{query}"),
             ("frontdesk--print", f"/prepazka/situace/zmena-trvaleho-pobytu/tisk/?{query}"),
             ("frontdesk--unknown", "/prepazka/situace/neznama/")]
    check(client_cs, pages)


def test_open_data_api_and_site_files(client_cs, frozen):
    pages = [("opendata--index", "/otevrena-data/"),
             ("opendata--cpsv", "/otevrena-data/katalog-cpsv.jsonld"),
             ("opendata--dcat", "/otevrena-data/dcat.jsonld")]
    pages += [(f"opendata-csv--{dataset.name}", f"/otevrena-data/{dataset.name}.csv") for dataset in DATASETS]
    pages += [(f"opendata-csv-schema--{dataset.name}", f"/otevrena-data/{dataset.schema_filename}")
              for dataset in DATASETS]
    pages += [("opendata-dataset-record--sluzby", "/id/datova-sada/sluzby")]
    pages += [("api--situations", "/api/v2/pages/?type=situations.SituationPage&limit=50"),
              ("api--services", "/api/v2/pages/?type=services.ServicePage&limit=100&fields=fees,counters"),
              ("api--situation-detail",
               f"/api/v2/pages/{czech(SituationPage).get(slug='zmena-trvaleho-pobytu').pk}/"),
              ("api--departments", "/api/v2/departments/"),
              ("api--required-documents", "/api/v2/required-documents/?limit=100"),
              ("api--forms", "/api/v2/forms/?limit=100"),
              ("sitemap", "/sitemap.xml"), ("robots", "/robots.txt"), ("not-found", "/neexistuje/")]
    check(client_cs, pages)
