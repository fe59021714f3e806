"""Pages behind a Wagtail view restriction (a password, a sign-in, groups) show nowhere their visitor may not open
them: not in search or autocomplete, the plan, popular situations, topic and counter listings, the front desk, the
sitemap, API v2, open data or online booking. Whoever passed the restriction sees them where it matters to them."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group
from django.test import RequestFactory
from bs4 import BeautifulSoup
from wagtail.models import Locale, PageViewRestriction

from booking.capacity import daily_capacity
from frontdesk.access import clerk_group
from navigator.visibility import may_see, visible
from search.backends import get_backend
from search.documents import all_documents, count_documents
from services.models import ServicePage
from situations.models import SituationPage, TopicPage
from tests.czech import czech

pytestmark = pytest.mark.django_db

SITUATION = "cestovni-pas"  # popular, in the demo's "Doklady" topic
SERVICE = "vydani-cestovniho-pasu"  # a step of it, and bookable


def restrict(page, kind=PageViewRestriction.PASSWORD, groups=()):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind, password="tajne-heslo")
    restriction.groups.set(groups)
    return restriction


@pytest.fixture
def situation():
    return czech(SituationPage).get(slug=SITUATION)


@pytest.fixture
def service():
    return czech(ServicePage).get(slug=SERVICE)


@pytest.fixture
def restricted(situation, service, django_capture_on_commit_callbacks):
    """The situation behind a password and the service behind a sign-in, with the search index told."""
    with django_capture_on_commit_callbacks(execute=True):
        restrict(situation)
        restrict(service, PageViewRestriction.LOGIN)
    return situation, service


def request_as(user=None, passed=()):
    request = RequestFactory().get("/")
    request.session = {PageViewRestriction.passed_view_restrictions_session_key: list(passed)}
    request.user = user or AnonymousUser()
    return request


def test_who_may_see_what(situation, service):
    password = restrict(situation)
    members = Group.objects.create(name="Zastupitelé")
    group_only = restrict(service, PageViewRestriction.GROUPS, [members])
    users = get_user_model().objects
    member = users.create_user("clen")
    member.groups.add(members)
    other = users.create_user("jiny")
    admin = users.create_superuser("spravce", "spravce@example.cz", "x")
    situations = czech(SituationPage).filter(slug=SITUATION)
    services = czech(ServicePage).filter(slug=SERVICE)

    assert not visible(situations).exists() and not may_see(situation)  # the public
    assert not visible(situations, request_as()).exists()
    assert visible(situations, request_as(passed=[password.pk])).exists()  # typed the password
    assert may_see(situation, request_as(passed=[password.pk]))
    assert not visible(services, request_as(other)).exists() and not may_see(service, request_as(other))
    assert visible(services, request_as(member)).exists() and may_see(service, request_as(member))
    assert visible(situations, request_as(admin)).exists() and visible(services, request_as(admin)).exists()
    assert not visible(services, request_as(passed=[group_only.pk])).exists()  # a password id passes no group


def test_a_restriction_on_a_topic_hides_the_situations_below_it(situation):
    topic = TopicPage.objects.get(pk=situation.get_parent().pk)
    restrict(topic)
    below = SituationPage.objects.child_of(topic)
    assert below.count() > 1 and not visible(below).exists()
    # The restriction holds for the topic's translations too, and so for the translated situations below them.
    in_every_language = SituationPage.objects.live().filter(translation_key__in=below.values("translation_key"))
    assert in_every_language.count() > below.count()
    hidden = in_every_language.count()
    assert visible(SituationPage.objects.all()).count() == SituationPage.objects.live().count() - hidden


def test_search_and_autocomplete_leave_restricted_pages_out_and_take_them_back(
        client_cs, situation, service, django_capture_on_commit_callbacks):
    def found(query):
        return {hit.slug for hit in get_backend("database").search(query, limit=50).hits}

    assert {SITUATION, SERVICE} <= found("cestovní pas")
    with django_capture_on_commit_callbacks(execute=True):
        restriction = restrict(situation)
        restrict(service, PageViewRestriction.LOGIN)
    assert not {SITUATION, SERVICE} & found("cestovní pas")
    # Elasticsearch is filled from the same documents (search_index rebuild) and the same signals.
    documents = list(all_documents())
    assert len(documents) == count_documents()
    assert not {SITUATION, SERVICE} & {document.slug for document in documents}
    page = client_cs.get("/hledat/", {"q": "cestovní pas"}).content.decode()
    assert f"/{SITUATION}/" not in page and f"/{SERVICE}/" not in page
    suggestions = client_cs.get("/api/search/autocomplete/", {"q": "cestovní"}).json()["suggestions"]
    assert not any(SITUATION in item["url"] or SERVICE in item["url"] for item in suggestions)

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert SITUATION in found("cestovní pas") and SERVICE not in found("cestovní pas")


def test_the_plan_treats_a_restricted_situation_as_unknown(client_cs, restricted):
    html = client_cs.get("/plan/", {"situace": [SITUATION, "zmena-trvaleho-pobytu"]}).content.decode()
    assert "Stěhování – změna trvalého pobytu" in html
    assert "Cestovní pas" not in html and f"/{SITUATION}/" not in html


def test_listings_leave_restricted_pages_out(client_cs, restricted):
    situation, service = restricted
    home = client_cs.get("/").content.decode()
    assert situation.url_path.removeprefix("/home") not in home  # popular situations
    topic = situation.get_parent()
    assert client_cs.get(topic.url).status_code == 200
    assert situation.title not in client_cs.get(topic.url).content.decode()
    nothing = client_cs.get("/hledat/", {"q": "qqqxxyyzz"}).content.decode()  # suggestions when nothing is found
    assert situation.title not in nothing
    sitemap = client_cs.get("/sitemap.xml").content.decode()
    assert f"/{SITUATION}/" not in sitemap and f"/{SERVICE}/" not in sitemap and "/doklady/" in sitemap


def test_the_restricted_page_itself_asks_for_its_password(client_cs, restricted):
    situation, _service = restricted
    response = client_cs.get(situation.url)
    assert response.status_code == 200 and 'name="password"' in response.content.decode()


def test_every_language_version_asks_for_the_czech_pages_password_or_sign_in(client_cs, restricted):
    situation, service = restricted
    english = situation.get_translation(Locale.objects.get(language_code="en"))
    response = client_cs.get(english.url)
    html = BeautifulSoup(response.content.decode(), "html.parser")
    form = html.select_one("form:has(input[name=password])")
    assert response.status_code == 200 and form is not None
    assert english.summary not in html.text  # nothing of the page itself
    response = client_cs.post(form["action"], {"password": "tajne-heslo", "return_url": english.url})
    assert response.status_code == 302 and response["Location"] == english.url
    assert english.summary in BeautifulSoup(client_cs.get(english.url).content.decode(), "html.parser").text
    # A sign-in on the Czech service holds for its Ukrainian version.
    ukrainian = service.get_translation(Locale.objects.get(language_code="uk"))
    response = client_cs.get(ukrainian.url)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_api_v2_lists_and_links_only_what_the_request_may_see(client_cs, restricted, django_user_model):
    situation, service = restricted
    listing = client_cs.get("/api/v2/pages/", {"type": "situations.SituationPage", "limit": 100}).json()
    assert situation.pk not in {item["id"] for item in listing["items"]}
    assert client_cs.get(f"/api/v2/pages/{situation.pk}/").status_code == 404
    assert client_cs.get(f"/api/v2/pages/{service.pk}/").status_code == 404
    using = czech(SituationPage).get(slug="ztrata-dokladu")  # a step of it uses the passport service too
    assert service in [s for step in using.steps.all() for s in step.chosen_services]
    detail = client_cs.get(f"/api/v2/pages/{using.pk}/").json()
    linked = {linked["id"] for step in detail["steps"] for linked in step["services"]}
    assert linked and service.pk not in linked
    client_cs.force_login(django_user_model.objects.create_user("prihlaseny"))  # passes the sign-in
    assert client_cs.get(f"/api/v2/pages/{service.pk}/").status_code == 200
    assert client_cs.get(f"/api/v2/pages/{situation.pk}/").status_code == 404  # not the password


def test_open_data_and_booking_leave_them_out(client_cs, restricted):
    _situation, service = restricted
    situations = client_cs.get("/otevrena-data/situace.csv").content.decode("utf-8-sig")
    assert f"\r\n{SITUATION}," not in situations and SERVICE not in situations
    assert SERVICE not in client_cs.get("/otevrena-data/sluzby.csv").content.decode("utf-8-sig")
    assert all(row.setup.service_id != service.pk for row in daily_capacity())
    assert client_cs.get(f"/objednani/{SERVICE}/").status_code == 404


def test_the_front_desk_shows_a_clerk_only_what_the_clerk_may_see(client_cs, situation):
    users = get_user_model().objects
    clerk = users.create_user("urednik")
    clerk.groups.add(clerk_group())
    council = Group.objects.create(name="Rada")
    restrict(situation, PageViewRestriction.GROUPS, [council])
    client_cs.force_login(clerk)
    assert situation.title not in client_cs.get("/prepazka/").content.decode()  # popular situations
    assert client_cs.get(f"/prepazka/situace/{SITUATION}/").status_code == 404
    assert client_cs.get(f"/prepazka/situace/{SITUATION}/tisk/").status_code == 404
    clerk.groups.add(council)
    assert client_cs.get(f"/prepazka/situace/{SITUATION}/").status_code == 200
    assert situation.title in client_cs.get("/prepazka/").content.decode()
