"""Without a cookie, answers are still protected from forgery: a signed per-page token, the Origin check."""

import pytest
from django.core import signing

from feedback import tokens
from feedback.models import Feedback

from .conftest import SUBMIT_URL, answer, old_token

pytestmark = pytest.mark.django_db

REFUSED = "Odpověď nepřišla z formuláře na našem webu"


def refused(response, text=REFUSED):
    assert response.status_code == 403
    assert text in response.content.decode()
    assert not Feedback.objects.exists()


def test_an_answer_without_a_token_is_refused(client_cs, moving):
    data = answer(moving, useful="yes")
    del data["token"]
    refused(client_cs.post(SUBMIT_URL, data))


@pytest.mark.parametrize("token", ["nonsense", "82:1xVTeK:forged-signature", "x" * 5000])
def test_a_forged_token_is_refused(client_cs, moving, token):
    refused(client_cs.post(SUBMIT_URL, {**answer(moving, useful="yes"), "token": token}))


def test_a_token_signed_with_another_key_is_refused(client_cs, moving):
    forged = signing.TimestampSigner(key="not-our-secret", salt=tokens.SALT).sign(str(moving.pk))
    refused(client_cs.post(SUBMIT_URL, {**answer(moving, useful="yes"), "token": forged}))


def test_another_pages_token_is_refused(client_cs, moving, service):
    refused(client_cs.post(SUBMIT_URL, {**answer(moving, useful="no"), "token": tokens.issue(service.pk)}))


def test_an_expired_token_is_refused_and_the_form_comes_back_with_a_fresh_one(client_cs, moving):
    two_days = 2 * 24 * 3600
    data = {**answer(moving, useful="no", comment="Ještě jednou."), "token": old_token(moving.pk, two_days)}
    response = client_cs.post(SUBMIT_URL, data)
    refused(response, "Formulář byl otevřený příliš dlouho.")
    html = response.content.decode()
    assert f'name="token" value="{tokens.issue(moving.pk)}"' in html
    assert "Ještě jednou.</textarea>" in html


def test_a_token_from_this_morning_is_still_good(client_cs, moving):
    data = {**answer(moving, useful="yes"), "token": old_token(moving.pk, 6 * 3600)}
    assert client_cs.post(SUBMIT_URL, data).status_code == 303


def test_the_token_lifetime_is_a_setting(client_cs, moving, settings):
    settings.FEEDBACK_TOKEN_MAX_AGE = 60 * 60
    data = {**answer(moving, useful="yes"), "token": old_token(moving.pk, 2 * 3600)}
    refused(client_cs.post(SUBMIT_URL, data), "Formulář byl otevřený příliš dlouho.")


def test_tokens_are_per_page_and_hour_not_per_visitor(moving, service):
    assert tokens.issue(moving.pk) == tokens.issue(moving.pk)
    assert tokens.issue(moving.pk) != tokens.issue(service.pk)


@pytest.mark.parametrize("headers", [
    {"HTTP_ORIGIN": "https://evil.example"},
    {"HTTP_ORIGIN": "null"},
    {"HTTP_ORIGIN": "http://localhost.evil.example"},
    {"HTTP_REFERER": "https://evil.example/stranka/"},
    {"HTTP_REFERER": "not a url"},
])
def test_a_post_from_another_site_is_refused_even_with_a_good_token(client_cs, moving, headers):
    refused(client_cs.post(SUBMIT_URL, answer(moving, useful="no"), **headers))


@pytest.mark.parametrize("headers", [
    {"HTTP_ORIGIN": "http://localhost"},
    {"HTTP_REFERER": "http://localhost/bydleni/zmena-trvaleho-pobytu/"},
    {},
])
def test_a_post_from_our_own_pages_is_accepted(client_cs, moving, headers):
    assert client_cs.post(SUBMIT_URL, answer(moving, useful="yes"), **headers).status_code == 303


def test_csrf_trusted_origins_are_honoured(client_cs, moving, settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://*.praha99.example.cz"]
    data = answer(moving, useful="yes")
    response = client_cs.post(SUBMIT_URL, data, HTTP_ORIGIN="https://www.praha99.example.cz")
    assert response.status_code == 303
    response = client_cs.post(SUBMIT_URL, data, HTTP_ORIGIN="https://praha99.example.cz.evil")
    assert response.status_code == 403
    assert Feedback.objects.count() == 1


def test_javascript_gets_the_refusal_as_json(client_cs, moving):
    response = client_cs.post(SUBMIT_URL, {**answer(moving, useful="yes"), "token": "forged"},
                              HTTP_ACCEPT="application/json")
    assert response.status_code == 403
    assert REFUSED in response.json()["message"]
