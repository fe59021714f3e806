"""The site as production runs it (gunicorn, production settings, collected static files), asked over real HTTP:
HTTPS only, the security headers on every answer, secure cookies, and error pages that give nothing away."""

import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.e2e.conftest import free_port

from .conftest import PREPARED_SECRET_KEY, clean_environment

ROOT = Path(__file__).resolve().parents[2]
# What the proxy in front of production says of a request that came over HTTPS.
HTTPS = {"X-Forwarded-Proto": "https"}


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(base, path, headers=None):
    """(status, headers, body) of one GET, redirects not followed."""
    opener = urllib.request.build_opener(NoRedirects)
    request = urllib.request.Request(base + path, headers=headers or {})
    try:
        with opener.open(request, timeout=20) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


@pytest.fixture(scope="module")
def production_site(prepared_var):
    env = clean_environment(DJANGO_SETTINGS_MODULE="navigator.settings.production",
                            NAVIGATOR_VAR_DIR=str(prepared_var), SECRET_KEY=PREPARED_SECRET_KEY,
                            ALLOWED_HOSTS="127.0.0.1", LOG_LEVEL="CRITICAL")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "navigator.wsgi", "--bind", f"127.0.0.1:{port}",
                               "--workers", "1", "--log-level", "warning"], cwd=ROOT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base, server)
    except RuntimeError:
        server.kill()
        raise
    yield base
    server.terminate()
    server.wait(timeout=10)


def wait_for(base, process, seconds=30):
    """Return once the site at `base` answers its health check; RuntimeError if it does not start."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(base + "/health/", timeout=2)
            return
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError(f"the site at {base} did not start") from None
            time.sleep(0.2)


def test_plain_http_is_sent_to_https_but_the_health_check_answers(production_site):
    status, headers, _ = fetch(production_site, "/bydleni/")
    assert status == 301 and headers["Location"] == production_site.replace("http:", "https:") + "/bydleni/"
    assert fetch(production_site, "/health/")[0] == 200


@pytest.mark.parametrize("path", ["/", "/bydleni/zmena-trvaleho-pobytu/", "/hledat/?q=pas", "/api/search/?q=pas",
                                  "/neexistuje/"])
def test_every_answer_carries_the_security_headers(production_site, path):
    status, headers, _ = fetch(production_site, path, HTTPS)
    assert status == (404 if path == "/neexistuje/" else 200)
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    policy = headers["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]+)", policy).group(1)
    assert "'self'" in script_src and "unsafe-inline" not in script_src and "unsafe-eval" not in script_src


def test_cookies_are_sent_only_over_https(production_site):
    status, headers, _ = fetch(production_site, "/admin/login/", HTTPS)
    assert status == 200
    cookies = headers.get_all("Set-Cookie")
    assert cookies and all("; Secure" in cookie for cookie in cookies)


def test_the_not_found_page_is_the_sites_and_says_nothing_of_the_server(production_site):
    status, _, body = fetch(production_site, "/bydleni/neexistuje/", HTTPS)
    assert status == 404 and "Tuto stránku jsme nenašli" in body
    for leak in ("Traceback", "DEBUG", "urlpatterns", "settings.py", "Django tried"):
        assert leak not in body


def test_static_files_have_hashed_names_and_are_cached_for_long(production_site):
    _, _, body = fetch(production_site, "/", HTTPS)
    stylesheet = re.search(r'href="(/static/css/navigator\.[0-9a-f]{12}\.css)"', body)
    assert stylesheet, "the page should link the hashed name of its stylesheet"
    status, headers, _ = fetch(production_site, stylesheet.group(1), HTTPS)
    assert status == 200 and "immutable" in headers["Cache-Control"]
