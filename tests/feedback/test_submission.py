"""A citizen answers "Byla tato stránka užitečná?" without JavaScript (post, 303, thank-you page) or with it
(JSON), and bad input gets a Czech message, a 4xx status and stores nothing."""

import pytest
from django.utils import timezone
from wagtail.models import Page

from feedback import tokens
from feedback.models import Feedback
from situations.models import SituationPage
from tests.cache import SITE_ROOT_PATHS_QUERIES
from tests.czech import czech

from .conftest import SUBMIT_URL

pytestmark = pytest.mark.django_db


def only_feedback():
    return Feedback.objects.get()


def test_yes_without_comment_is_stored_and_redirects_to_the_thank_you_page(post, moving, thanks_url):
    response = post(moving, useful="yes")
    assert response.status_code == 303
    assert response["Location"] == f"{thanks_url}?stranka={moving.pk}"
    feedback = only_feedback()
    assert feedback.page_id == moving.pk and feedback.useful is True
    assert feedback.reasons == [] and feedback.comment == ""
    assert feedback.created == timezone.localdate()


def test_no_without_comment_is_stored_and_the_thank_you_page_knows_it_was_a_no(post, moving, thanks_url):
    response = post(moving, useful="no")
    assert response.status_code == 303
    assert response["Location"] == f"{thanks_url}?stranka={moving.pk}&odpoved=ne"
    assert only_feedback().useful is False


def test_the_thank_you_page_thanks_and_links_back_to_the_page(client_cs, post, moving):
    location = post(moving, useful="yes")["Location"]
    response = client_cs.get(location)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Děkujeme za odpověď" in html
    assert f'href="{moving.url}"' in html and moving.title in html
    assert '<meta name="robots" content="noindex">' in html
    assert "Mrzí nás" not in html


def test_after_a_no_the_thank_you_page_names_the_department_to_ask(client_cs, post, moving):
    html = client_cs.get(post(moving, useful="no")["Location"]).content.decode()
    assert "Mrzí nás, že vám stránka nepomohla." in html
    assert moving.department.name in html and f"mailto:{moving.department.email}" in html


def test_the_thank_you_page_opened_by_hand_with_nonsense_is_still_a_thank_you(client_cs, thanks_url):
    for query in ("", "?stranka=abc", "?stranka=999999999", "?stranka=%00&odpoved=<b>"):
        response = client_cs.get(thanks_url + query)
        assert response.status_code == 200
        assert "Na úvodní stránku" in response.content.decode()


def test_a_yes_drops_reasons_ticked_before_choosing_it(post, moving):
    post(moving, useful="yes", reasons=["steps", "fees"])
    assert only_feedback().reasons == []


def test_a_no_keeps_its_reasons_and_comment(post, moving):
    post(moving, useful="no", reasons=["where", "fees"], comment="Nevím, do které budovy jít.")
    feedback = only_feedback()
    assert [reason.value for reason in feedback.reasons] == ["where", "fees"]
    assert feedback.comment == "Nevím, do které budovy jít."


def test_service_pages_take_feedback_too(post, service):
    assert post(service, useful="yes").status_code == 303
    assert only_feedback().page_id == service.pk


def test_javascript_gets_the_thanks_as_json(post, moving):
    response = post(moving, json=True, useful="no", reasons=["steps"])
    assert response.status_code == 201
    body = response.json()
    assert body["ok"] is True
    assert "Děkujeme za odpověď." in body["html"] and moving.department.name in body["html"]
    assert Feedback.objects.count() == 1


def test_javascript_gets_errors_as_json_with_a_fresh_token(post, moving):
    response = post(moving, json=True, comment="Bez odpovědi ano/ne.")
    assert response.status_code == 400
    body = response.json()
    assert body["ok"] is False and body["message"]
    assert body["errors"]["useful"] == ["Vyberte prosím, zda vám stránka pomohla: Ano, nebo Ne."]
    tokens.verify(body["token"], moving.pk)
    assert not Feedback.objects.exists()


# -- bad input ---------------------------------------------------------------------------------------------

def test_a_100_kb_comment_is_refused_with_a_message_and_nothing_is_stored(post, moving):
    response = post(moving, useful="no", comment="Dlouhý text. " * 8000)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Komentář je příliš dlouhý: má 103\xa0999 znaků, vejde se nejvýš 2\xa0000." in html
    assert not Feedback.objects.exists()


def test_a_comment_at_the_limit_is_kept_whole_and_windows_line_breaks_count_once(post, moving):
    comment = ("a" * 99 + "\r\n") * 20  # 2,000 characters once each line break is one character
    assert post(moving, useful="no", comment=comment).status_code == 303
    assert only_feedback().comment == ("a" * 99 + "\n") * 19 + "a" * 99


def test_html_and_script_are_stored_as_plain_text(post, moving):
    comment = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    assert post(moving, useful="no", comment=comment).status_code == 303
    assert only_feedback().comment == comment  # kept as typed; every output escapes it


def test_nul_control_and_direction_override_characters_are_dropped(post, moving):
    post(moving, useful="no", comment="Chybí\x00 adresa\x07 úřadu \u202eevil\u202c.\x1b")
    assert only_feedback().comment == "Chybí adresa úřadu evil."


def test_broken_utf8_is_refused_gracefully(client_cs, moving):
    body = f"page={moving.pk}&token={tokens.issue(moving.pk)}&useful=no&comment=spatn%C3%A9+%FF%FE+znaky"
    response = client_cs.post(SUBMIT_URL, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert "znaky, které se nepodařilo přečíst" in response.content.decode()
    assert not Feedback.objects.exists()


def test_a_missing_answer_is_refused_and_the_form_comes_back_with_the_comment_escaped(post, moving):
    response = post(moving, comment="<b>tučně</b>")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Vyberte prosím, zda vám stránka pomohla: Ano, nebo Ne." in html
    assert "&lt;b&gt;tučně&lt;/b&gt;</textarea>" in html and "<b>tučně</b>" not in html
    assert f'href="{moving.url}"' in html
    assert not Feedback.objects.exists()


@pytest.mark.parametrize("fields", [
    {"useful": "maybe"},
    {"useful": "no", "reasons": ["where", "x" * 5000]},
])
def test_unknown_choices_are_refused(post, moving, fields):
    response = post(moving, **fields)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Vyberte prosím" in html
    assert "x" * 100 not in html  # an unknown value is echoed shortened
    assert not Feedback.objects.exists()


@pytest.mark.parametrize("page_id", ["", "abc", "-1", "1.5", "٣", "9" * 30, "12 OR 1=1"])
def test_a_missing_or_malformed_page_id_is_refused(client_cs, page_id):
    response = client_cs.post(SUBMIT_URL, {"page": page_id, "token": "x", "useful": "yes"})
    assert response.status_code == 400
    assert "chybí stránka" in response.content.decode()


def test_a_page_that_does_not_exist_or_takes_no_feedback_is_404(client_cs, moving):
    home = czech(Page).get(depth=2)
    draft = czech(SituationPage).live().exclude(pk=moving.pk).first()
    draft.unpublish()
    for page_id in (999999, home.pk, draft.pk):
        data = {"page": page_id, "token": tokens.issue(page_id), "useful": "yes"}
        response = client_cs.post(SUBMIT_URL, data)
        assert response.status_code == 404
        assert "už neexistuje nebo není zveřejněná" in response.content.decode()
    assert not Feedback.objects.exists()


def test_the_submit_address_answers_get_with_405_and_a_czech_message(client_cs):
    response = client_cs.get(SUBMIT_URL)
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert "Byla tato stránka užitečná?" in response.content.decode()


def test_unknown_extra_fields_are_ignored(post, moving):
    assert post(moving, useful="yes", utm_source="newsletter", foo="bar").status_code == 303
    assert Feedback.objects.count() == 1


# -- privacy -----------------------------------------------------------------------------------------------

def test_personal_data_in_comments_is_scrubbed_as_in_the_search_log(post, moving):
    post(moving, useful="no",
         comment="Jsem Jana, pište na jana.novakova@example.cz nebo volejte 777 123 456, RČ 855101/1234.")
    comment = only_feedback().comment
    assert comment == "Jsem Jana, pište na «e-mail» nebo volejte «telefon», RČ «rodné číslo»."


def test_no_cookie_is_set_for_anonymous_visitors(client_cs, post, moving, service):
    responses = [
        client_cs.get(moving.url), client_cs.get(service.url),
        post(moving, useful="no", comment="Děkuji."), post(moving, json=True, useful="yes"),
        post(moving),  # an error page shows the form again
        client_cs.get(f"/zpetna-vazba/dekujeme/?stranka={moving.pk}"),
    ]
    for response in responses:
        assert response.status_code < 500
        assert not response.cookies, response.cookies
    assert not client_cs.cookies


def test_the_form_is_the_same_for_every_visitor_so_pages_stay_cacheable(client, moving):
    first = client.get(moving.url, HTTP_HOST="localhost", REMOTE_ADDR="10.0.0.1").content
    second = client.get(moving.url, HTTP_HOST="localhost", REMOTE_ADDR="10.0.0.2").content
    token = tokens.issue(moving.pk)
    assert f'name="token" value="{token}"'.encode() in first
    assert first == second


def test_the_form_is_on_situation_and_service_pages_and_works_without_javascript(client_cs, moving, service):
    for page in (moving, service):
        html = client_cs.get(page.url).content.decode()
        assert 'id="zpetna-vazba"' in html
        assert 'method="post" action="/zpetna-vazba/"' in html
        assert f'name="page" value="{page.pk}"' in html


def test_a_yes_costs_four_queries(post, moving, django_assert_num_queries):
    post(moving, useful="yes")  # warm caches (content types, site root paths)
    # prune old rate-limit slots, count this client (on the page and overall), find the page with its department,
    # store the answer
    with django_assert_num_queries(4):
        assert post(moving, useful="yes").status_code == 303


def test_a_no_with_a_mail_costs_only_the_page_address_more(post, moving, django_assert_num_queries, mailoutbox):
    post(moving, useful="no", comment="Zahřátí.")
    # The page's address in the mail needs Wagtail's site root paths, kept in the cache every worker shares.
    with django_assert_num_queries(4 + SITE_ROOT_PATHS_QUERIES):
        assert post(moving, useful="no", reasons=["where"], comment="Kde je podatelna?").status_code == 303
    assert len(mailoutbox) == 2


def test_a_body_over_djangos_upload_limit_gets_a_czech_400(client_cs, moving, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 50_000
    response = client_cs.post(SUBMIT_URL, {"page": moving.pk, "useful": "no", "comment": "x" * 60_000})
    assert response.status_code == 400
    assert "Odpověď je příliš velká nebo poškozená." in response.content.decode()
    assert not Feedback.objects.exists()
