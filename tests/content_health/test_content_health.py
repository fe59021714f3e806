"""Zdraví obsahu: what live pages lack and where they point to nothing, in a fixed number of queries."""

import csv
import io

import pytest
from django.urls import reverse
from wagtail.models import Page

from content_health import checks
from content_health.checks import Kind
from services.models import CounterPage, Department, OpeningHours, RequiredDocument, ServicePage
from situations.models import SituationDocument, SituationFAQ, SituationPage, SituationRelated, SituationStep
from tests.factories import ServiceFactory, SituationFactory, step
from tests.queries import count_queries
from tests.czech import czech

pytestmark = pytest.mark.django_db

QUERIES = 11


def messages_of(kind, issues=None):
    issues = checks.find_issues() if issues is None else issues
    return sorted((issue.subject.title, issue.message) for issue in issues if issue.kind == kind)


def unpublish(page):
    Page.objects.filter(pk=page.pk).update(live=False)
    return page


def test_the_demo_catalog_is_nearly_healthy():
    """What remains in the demo are real gaps: other offices' services whose place the catalog does not know."""
    issues = checks.find_issues()
    kinds = {issue.kind for issue in issues}
    assert kinds <= {Kind.SITUATION_WITHOUT_COUNTERS, Kind.SERVICE_WITHOUT_CHANNEL}
    assert ("Oznámení krádeže Policii ČR", "Služba nemá zveřejněné pracoviště ani možnost podání online.") in \
        messages_of(Kind.SERVICE_WITHOUT_CHANNEL, issues)


def test_situation_without_steps_documents_or_counters():
    page = czech(SituationPage).get(slug="cestovni-pas")
    SituationStep.objects.filter(page=page).delete()
    SituationDocument.objects.filter(page=page).delete()
    issues = checks.find_issues()
    assert (page.title, "Situace nemá žádný krok.") in messages_of(Kind.SITUATION_WITHOUT_STEPS, issues)
    assert (page.title, "Situace neuvádí žádný doklad, který si vzít s sebou.") in \
        messages_of(Kind.SITUATION_WITHOUT_DOCUMENTS, issues)
    assert page.title in [title for title, _ in messages_of(Kind.SITUATION_WITHOUT_COUNTERS, issues)]


def test_situation_whose_services_lost_their_counters():
    page = czech(SituationPage).get(slug="cestovni-pas")
    services = czech(ServicePage).filter(situation_steps__page=page)
    for counter in czech(CounterPage).filter(services__in=services).distinct():
        unpublish(counter)
    assert page.title in [title for title, _ in messages_of(Kind.SITUATION_WITHOUT_COUNTERS)]


def test_service_without_counter_or_online_channel():
    service = czech(ServicePage).get(slug="vydani-cestovniho-pasu")
    ServicePage.counters.through.objects.filter(servicepage=service).delete()
    assert (service.title, "Služba nemá zveřejněné pracoviště ani možnost podání online.") in \
        messages_of(Kind.SERVICE_WITHOUT_CHANNEL)
    czech(ServicePage).filter(pk=service.pk).update(channel_online=True)
    assert service.title not in [title for title, _ in messages_of(Kind.SERVICE_WITHOUT_CHANNEL)]


def test_counter_without_hours():
    counter = czech(CounterPage).get(slug="matrika")
    OpeningHours.objects.filter(counter=counter).delete()
    assert messages_of(Kind.COUNTER_WITHOUT_HOURS) == [(counter.title, "Pracoviště nemá zadané úřední hodiny.")]


def test_rich_text_links_to_deleted_or_unpublished_pages():
    target = czech(SituationPage).get(slug="kaceni-drevin")
    Page.objects.filter(pk=target.pk).update(live=False)
    page = czech(SituationPage).get(slug="cestovni-pas")
    czech(SituationPage).filter(pk=page.pk).update(
        conditions=f'<p>Viz <a linktype="page" id="999999">zrušená</a> a <a linktype="page" id="{target.pk}">'
                   f'skrytá</a> a <a linktype="page" id="{page.pk}">živá</a> stránka.</p>')
    step = SituationStep.objects.filter(page=page).first()
    SituationStep.objects.filter(pk=step.pk).update(text='<p><a linktype="page" id="abc">rozbitý</a></p>')
    SituationFAQ.objects.create(page=page, question="Kde?", answer=f'<p><a linktype="page" id="{target.pk}">x</a></p>')
    assert [found for found in messages_of(Kind.BROKEN_REFERENCE) if found[0] == page.title] == sorted([
        (page.title, "Odkaz v poli „podmínky“ vede na stránku, která už neexistuje (ID 999999)."),
        (page.title, "Odkaz v poli „podmínky“ vede na nezveřejněnou stránku „Kácení stromů a keřů“."),
        (page.title, f"Odkaz v kroku „{step.title}“ vede na neplatnou stránku (abc)."),
        (page.title, "Odkaz v odpovědi na otázku „Kde?“ vede na nezveřejněnou stránku „Kácení stromů a keřů“."),
    ])


def test_unpublished_related_situation_step_service_and_document_source():
    page = czech(SituationPage).get(slug="cestovni-pas")
    related = czech(SituationPage).get(slug="datova-schranka")
    SituationRelated.objects.create(page=page, situation=related)
    unpublish(related)
    step = SituationStep.objects.filter(page=page, services__isnull=False).first()
    service = step.services.first()
    unpublish(service)
    document = czech(RequiredDocument).filter(issued_by__isnull=False).exclude(issued_by=service).first()
    source = unpublish(document.issued_by)
    found = messages_of(Kind.BROKEN_REFERENCE)
    assert (page.title, "Související situace „Datová schránka a elektronická identita“ není zveřejněná.") in found
    assert (page.title, f"Krok „{step.title}“ používá nezveřejněnou službu „{service.title}“.") in found
    assert (document.name, f"Doklad odkazuje na nezveřejněnou službu „{source.title}“, která ho vydává.") in found
    issue = next(i for i in checks.find_issues() if i.subject.model is RequiredDocument)
    assert issue.subject.edit_url == reverse("wagtailsnippets_services_requireddocument:edit", args=[issue.subject.pk])


def add_situations(count):
    """More of everything the checks read: situations with steps, services, documents, FAQs and links."""
    counter = czech(CounterPage).first()
    document = czech(RequiredDocument).first()
    related = czech(SituationPage).live().first()
    for number in range(count):
        service = ServiceFactory(counters=[counter],
                                 how_to_apply=f'<p><a linktype="page" id="{related.pk}">x</a></p>')
        SituationFactory(
            conditions=f'<p><a linktype="page" id="{900000 + number}">x</a></p>',
            steps=[step("Krok", [service], text='<p><a linktype="page" id="1">x</a></p>')],
            documents=[SituationDocument(document=document)],
            faqs=[SituationFAQ(question="Otázka", answer="<p>Odpověď</p>")],
            related=[SituationRelated(situation=related)],
        )


def test_the_whole_catalog_is_checked_in_a_fixed_number_of_queries(django_assert_num_queries):
    with django_assert_num_queries(QUERIES):
        before = checks.find_issues()
    add_situations(10)
    with django_assert_num_queries(QUERIES):
        after = checks.find_issues()
    assert len(after) >= len(before) + 10  # each new situation links to a page that does not exist


def report(client, **params):
    return client.get(reverse("content_health_issues_report"), params)


def test_report_lists_issues_with_filters_and_links_to_edit(editor):
    counter = czech(CounterPage).get(slug="matrika")
    OpeningHours.objects.filter(counter=counter).delete()
    response = report(editor)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Zdraví obsahu" in html and "Pracoviště nemá zadané úřední hodiny." in html
    assert reverse("wagtailadmin_pages:edit", args=[counter.pk]) in html
    only = report(editor, kind="counter_without_hours")
    assert [issue.title for issue in only.context["object_list"]] == [counter.title]
    department = czech(Department).get(slug="odbor-skolstvi")
    by_department = report(editor, department=department.pk).context["object_list"]
    assert by_department and {issue.department_name for issue in by_department} == {department.name}


def test_report_exports_csv(editor):
    response = report(editor, export="csv", kind="service_without_channel")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == ["Stránka nebo úryvek", "Typ", "Odbor", "Problém", "Co je špatně"]
    assert ["Oznámení krádeže Policii ČR", "služba (úkon)", "", "Služba bez pracoviště i online podání",
            "Služba nemá zveřejněné pracoviště ani možnost podání online."] in rows


@pytest.mark.parametrize("params", [{"kind": "nonsense"}, {"department": "x"}, {"kind": "a\x00" * 50_000}])
def test_report_bad_filters_get_400(editor, params):
    response = report(editor, **params)
    assert response.status_code == 400 and "Neplatný filtr" in response.content.decode()


def test_report_query_count_does_not_grow_with_the_catalog(editor):
    url = reverse("content_health_issues_report")
    small = count_queries(editor, url)
    add_situations(10)
    assert count_queries(editor, url) == small


def test_content_health_report_is_only_for_page_editors(admin_without_pages):
    assert report(admin_without_pages).status_code in (302, 403)
