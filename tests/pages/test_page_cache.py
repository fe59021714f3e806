"""Whole pages are kept for anonymous visitors and dropped on the next request after anything they show changes;
a personal checklist, a signed-in user, an error or an answer that sets a cookie is never kept or shared."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from feedback import tokens
from navigator import pagecache
from navigator.models import OfficeSettings
from services.models import ApplicationForm, CounterPage, OpeningHours
from situations.models import SituationPage, SituationStep, TopicPage
from tests.accounts import sign_in
from tests.cache import CACHE_READ_QUERIES
from tests.czech import czech

pytestmark = pytest.mark.django_db

PRAGUE = ZoneInfo("Europe/Prague")
MOVING = "zmena-trvaleho-pobytu"
ANSWERS = "?pruvodce=1&odkud=jina-obec&bydleni=najem"


@pytest.fixture
def moving():
    return czech(SituationPage).live().get(slug=MOVING)


def get(client, url, **headers):
    response = client.get(url, **headers)
    return response, response.content.decode()


def cache_state(response):
    return response.headers.get(pagecache.STATUS_HEADER)


def publish(page):
    page.save_revision().publish()


def test_second_anonymous_request_is_answered_from_the_cache_with_one_read(client_cs, moving):
    first, html = get(client_cs, moving.url)
    assert first.status_code == 200 and cache_state(first) == "miss"
    with CaptureQueriesContext(connection) as queries:
        second, again = get(client_cs, moving.url)
    assert cache_state(second) == "hit" and again == html
    assert len(queries) == CACHE_READ_QUERIES  # the content version and the page in one read
    assert second["Cache-Control"] == first["Cache-Control"]
    assert set(second["Cache-Control"].replace(" ", "").split(",")) == {"public", "no-cache"}


def test_a_browser_revalidating_a_kept_page_gets_304(client_cs, moving):
    etag = client_cs.get(moving.url)["ETag"]
    assert client_cs.get(moving.url, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_a_published_change_shows_on_the_next_request(client_cs, moving):
    get(client_cs, moving.url)
    moving.summary = "Nové shrnutí po publikování."
    publish(moving)
    response, html = get(client_cs, moving.url)
    assert cache_state(response) == "miss" and "Nové shrnutí po publikování." in html


def test_a_changed_counters_hours_show_on_the_situations_that_send_people_there(client_cs, moving):
    assert "7:30–12:00" not in get(client_cs, moving.url)[1]
    counter = czech(CounterPage).get(slug="klientske-centrum")
    counter.opening_hours = [OpeningHours(weekday=0, opens=time(7, 30), closes=time(12))]
    publish(counter)
    assert "7:30–12:00" in get(client_cs, moving.url)[1]


def test_unpublishing_moving_and_deleting_pages_show_at_once(client_cs, moving):
    topic = czech(TopicPage).get(slug="urad")
    get(client_cs, moving.url)
    moving.unpublish()
    assert client_cs.get(moving.url).status_code == 404
    publish(moving)
    assert client_cs.get(moving.url).status_code == 200
    old_url = moving.url
    moving.move(topic, pos="last-child")
    moving.refresh_from_db()
    moved = client_cs.get(old_url)  # Wagtail leaves a redirect behind
    assert moved.status_code == 301 and moved["Location"] == moving.url
    assert client_cs.get(moving.url).status_code == 200
    related = czech(SituationPage).live().exclude(pk=moving.pk).filter(pk__in=moving.related.values("situation"))
    gone = related.first()
    assert gone.title in get(client_cs, moving.url)[1]
    gone.delete()
    assert gone.title not in get(client_cs, moving.url)[1]


@pytest.mark.parametrize("change", ["document", "department", "form", "office"])
def test_a_saved_snippet_or_setting_shows_on_the_next_request(client_cs, moving, change):
    get(client_cs, moving.url)
    if change == "document":
        snippet = moving.documents.first().document
        snippet.name = "Doklad s novým názvem"
    elif change == "department":
        snippet = moving.department
        snippet.name = "Odbor s novým názvem"
    elif change == "form":
        snippet = czech(ApplicationForm).filter(services__situation_steps__page=moving).distinct().first()
        snippet.title = "Formulář s novým názvem"
    else:
        snippet = OfficeSettings.objects.get()
        snippet.office_name = "Úřad s novým názvem"
    snippet.save()
    assert "s novým názvem" in get(client_cs, moving.url)[1]


def test_a_checklist_is_kept_under_its_answers_and_shown_only_for_the_same_answers(client_cs, moving):
    personal, html = get(client_cs, moving.url + ANSWERS)
    assert personal.status_code == 200 and "Váš seznam v kostce" in html and cache_state(personal) == "miss"
    # The same answers in another order, with another site's tracking parameter: the same page, from the cache.
    again, again_html = get(client_cs, moving.url + "?bydleni=najem&utm_source=obec&odkud=jina-obec&pruvodce=1")
    assert cache_state(again) == "hit" and again_html == html
    # Someone without answers gets the page for everyone, and other answers their own checklist.
    plain, plain_html = get(client_cs, moving.url)
    assert cache_state(plain) == "miss" and "Váš seznam v kostce" not in plain_html
    other, other_html = get(client_cs, moving.url + "?pruvodce=1&odkud=zahranici")
    assert cache_state(other) == "miss" and "Váš seznam v kostce" in other_html and other_html != html


def test_a_page_speaking_of_the_visitors_own_input_is_never_kept(client_cs, moving):
    """A notice quotes what the visitor typed: answered, never kept, so nobody's input reaches anyone else."""
    for query in ("?pruvodce=1&odkud=mars", "?pruvodce=1&neznamy=1"):
        for _ in range(2):
            response, html = get(client_cs, moving.url + query)
            assert response.status_code == 200 and "neznáme" in html
            assert cache_state(response) is None and "private" in response["Cache-Control"]
    catalog = client_cs.get("/sluzby/?audience=nikdo")
    assert catalog.status_code == 200 and cache_state(catalog) is None


def test_plans_searches_and_filters_are_kept_and_a_kept_search_is_still_counted(client_cs):
    from search.models import QueryStat

    for url in ("/plan/?situace=zmena-trvaleho-pobytu&situace=obcansky-prukaz", "/sluzby/?audience=citizens",
                "/hledat/?q=pas", "/api/search/?q=pas"):
        first, second = client_cs.get(url), client_cs.get(url)
        assert (cache_state(first), cache_state(second)) == ("miss", "hit"), url
        assert second.content == first.content
    # Two searches on the page and two through the API: each counted, though three came from the cache.
    assert QueryStat.objects.get(query="pas").count == 4
    # A plan's situations keep their order: another order is another plan.
    reversed_plan = client_cs.get("/plan/?situace=obcansky-prukaz&situace=zmena-trvaleho-pobytu")
    assert cache_state(reversed_plan) == "miss"


def test_a_publish_drops_kept_searches_and_checklists(client_cs, moving, django_capture_on_commit_callbacks):
    url = "/api/search/?q=" + "Stěhování"
    assert client_cs.get(url).json()["results"][0]["title"] == moving.title
    checklist = moving.url + ANSWERS
    client_cs.get(checklist)
    moving.title = "Stěhování v rámci Prahy 99"
    with django_capture_on_commit_callbacks(execute=True):  # the search index is written when the publish commits
        publish(moving)
    fresh = client_cs.get(url)
    assert cache_state(fresh) == "miss" and fresh.json()["results"][0]["title"] == "Stěhování v rámci Prahy 99"
    response, html = get(client_cs, checklist)
    assert cache_state(response) == "miss" and "Stěhování v rámci Prahy 99" in html


def test_a_published_step_shows_in_every_answer_combination(client_cs, moving):
    """The situation's graph kept in a worker's memory (situations.graph) is of the content version before."""
    client_cs.get(moving.url + ANSWERS)  # the graph is read and kept
    # An editor's change of the first step (one without a condition), published with the page's next revision.
    step = moving.steps.filter(condition="").first()
    SituationStep.objects.filter(pk=step.pk).update(title="Nejdřív si zkontrolujte nájemní smlouvu")
    publish(SituationPage.objects.get(pk=moving.pk))
    for query in (ANSWERS, "?pruvodce=1&odkud=zahranici"):
        response, html = get(client_cs, moving.url + query)
        assert cache_state(response) == "miss" and "Nejdřív si zkontrolujte nájemní smlouvu" in html


def test_a_signed_in_editor_never_gets_or_leaves_a_kept_page(client_cs, moving, django_user_model):
    anonymous, anonymous_html = get(client_cs, moving.url)
    django_user_model.objects.create_superuser("editor-cache", "editor@example.cz", "heslo-pro-test-123")
    assert sign_in(client_cs, "editor-cache", "heslo-pro-test-123")
    for _ in range(2):
        editor, html = get(client_cs, moving.url)
        assert cache_state(editor) is None and "private" in editor["Cache-Control"]
        assert "wagtail-userbar" in html and "wagtail-userbar" not in anonymous_html
    client_cs.logout()
    again, html = get(client_cs, moving.url)
    assert cache_state(again) == "hit" and "wagtail-userbar" not in html


def test_a_preview_of_a_draft_is_neither_kept_nor_answered_from_the_cache(client_cs, moving):
    moving.summary = "Koncept, který ještě neschválili."
    draft = moving.save_revision().as_object()
    assert "Koncept, který ještě neschválili." not in get(client_cs, moving.url)[1]  # citizens read the live page
    preview = draft.make_preview_request()  # Wagtail runs it through the middleware at the page's own URL
    assert "Koncept, který ještě neschválili." in preview.content.decode()
    response, html = get(client_cs, moving.url)
    assert cache_state(response) == "hit" and "Koncept, který ještě neschválili." not in html


def test_errors_and_other_methods_are_never_kept(client_cs, moving):
    for _ in range(2):
        missing = client_cs.get("/urad/tahle-stranka-neni/")
        assert missing.status_code == 404 and cache_state(missing) is None
    get(client_cs, moving.url)
    posted = client_cs.post(moving.url, {"odkud": "jina-obec"})
    assert cache_state(posted) != "hit"


def test_an_answer_that_sets_a_cookie_or_says_private_is_not_kept(moving):
    factory = RequestFactory(HTTP_HOST="localhost")

    def answer(set_cookie, private):
        def view(request):
            response = HttpResponse("osobní obsah")
            response.shared_page = True
            if set_cookie:
                response.set_cookie("navstevnik", "123")
            if private:
                response["Cache-Control"] = "private"
            return response
        return pagecache.PageCacheMiddleware(view)

    for set_cookie, private in ((True, False), (False, True)):
        middleware = answer(set_cookie, private)
        middleware(factory.get(moving.url))
        assert cache_state(middleware(factory.get(moving.url))) is None
    kept = answer(False, False)
    first = kept(factory.get(moving.url))
    # Kept when the server has sent the answer and closes it, not before: the visitor does not wait for the write.
    assert cache_state(kept(factory.get(moving.url))) == "miss"
    first.close()
    assert cache_state(kept(factory.get(moving.url))) == "hit"


def test_open_now_is_never_stale_across_a_closing_time(client_cs, moving, time_machine):
    # Monday 23 November 2026: the client centre is open 8–12 and 13–18, like most counters till noon.
    time_machine.move_to(datetime(2026, 11, 23, 11, 59, 30, tzinfo=PRAGUE), tick=False)
    response, html = get(client_cs, moving.url)
    assert "Otevřeno do 12:00" in html
    time_machine.move_to(datetime(2026, 11, 23, 11, 59, 58, tzinfo=PRAGUE), tick=False)
    assert cache_state(client_cs.get(moving.url)) == "hit"
    time_machine.move_to(datetime(2026, 11, 23, 12, 0, 0, tzinfo=PRAGUE), tick=False)
    response, html = get(client_cs, moving.url)
    assert cache_state(response) == "miss"
    assert "Otevřeno do 12:00" not in html and "Zavřeno, otevírá dnes v 13:00" in html


def test_open_now_is_never_stale_across_midnight(client_cs, time_machine):
    # "zítra" on Sunday night is "dnes" on Monday morning, though no counter opens or closes at midnight.
    counter = czech(CounterPage).get(slug="klientske-centrum")
    time_machine.move_to(datetime(2026, 11, 22, 23, 59, 0, tzinfo=PRAGUE), tick=False)
    assert "Zavřeno, otevírá zítra v 8:00" in get(client_cs, counter.url)[1]
    time_machine.move_to(datetime(2026, 11, 23, 0, 0, 1, tzinfo=PRAGUE), tick=False)
    response, html = get(client_cs, counter.url)
    assert cache_state(response) == "miss" and "Zavřeno, otevírá dnes v 8:00" in html


def test_a_kept_pages_feedback_token_is_still_accepted(client_cs, moving, time_machine, settings):
    settings.FEEDBACK_RATE_LIMIT = (1000, 600)
    settings.FEEDBACK_ADDRESS_LIMIT = (1000, 600)
    # A Sunday: every counter is closed all day, so only the page cache's own limit of an hour applies.
    time_machine.move_to(datetime(2026, 11, 22, 10, 59, 0, tzinfo=PRAGUE), tick=False)
    get(client_cs, moving.url)
    time_machine.move_to(datetime(2026, 11, 22, 11, 58, 0, tzinfo=PRAGUE), tick=False)
    response, html = get(client_cs, moving.url)
    assert cache_state(response) == "hit"
    token = html.split('name="token" value="', 1)[1].split('"', 1)[0]
    tokens.verify(token, moving.pk)  # issued at 10:00, good for a day
    sent = client_cs.post("/zpetna-vazba/", {"page": moving.pk, "token": token, "useful": "yes"})
    assert sent.status_code == 303
    time_machine.move_to(datetime(2026, 11, 22, 12, 0, 0, tzinfo=PRAGUE), tick=False)
    assert cache_state(client_cs.get(moving.url)) == "miss"


def test_a_render_from_rows_older_than_a_commit_does_not_survive_it(
        client_cs, moving, django_capture_on_commit_callbacks):
    """Another worker may render from the old rows after the change but before its transaction commits."""
    with django_capture_on_commit_callbacks() as callbacks:
        pagecache.content_changed()
        get(client_cs, moving.url)  # kept under the version of the uncommitted change
    assert cache_state(client_cs.get(moving.url)) == "hit"
    for callback in callbacks:
        callback()  # the commit
    assert cache_state(client_cs.get(moving.url)) == "miss"


def test_a_lost_version_never_revives_old_entries(client_cs, moving):
    get(client_cs, moving.url)
    cache.delete(pagecache.VERSION_KEY)  # evicted or the cache cleared
    assert cache_state(client_cs.get(moving.url)) == "miss"
