"""`make run` serves the site as it runs live: production settings under gunicorn with DEBUG off, static files
through whitenoise, the Czech error pages, plain HTTP on this machine without the HTTPS redirect, the secret key
made once into var/, every absolute link at the address it serves, and the demo logins printed.

The site folder comes prepared (tests/settings/conftest.py), so `make run` only brings it up to date and serves.
"""

import json
import os
import re
import signal
import subprocess
from pathlib import Path

import pytest
from django.core import signing

from feedback.tokens import SALT as FEEDBACK_TOKEN_SALT
from tests.e2e.conftest import DEMO_PASSWORDS, free_port

from .conftest import ROOT, clean_environment, copy_prepared
from .test_production_server import fetch, wait_for


@pytest.fixture(scope="module")
def prepared_run_var(prepared_var, tmp_path_factory):
    return copy_prepared(prepared_var, tmp_path_factory.mktemp("make-run") / "var")


def start_make_run(var_dir, port, log_path):
    env = clean_environment(NAVIGATOR_VAR_DIR=str(var_dir), **DEMO_PASSWORDS)
    log = open(log_path, "w")
    process = subprocess.Popen(["make", "--no-print-directory", "run", f"PORT={port}"], cwd=ROOT, env=env,
                               stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    log.close()
    return process


def stop(process):
    # make, the shell and gunicorn with its workers share the session started for them.
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@pytest.fixture(scope="module")
def make_run(prepared_run_var, tmp_path_factory):
    port = free_port()
    log_path = tmp_path_factory.mktemp("make-run-log") / "output.txt"
    process = start_make_run(prepared_run_var, port, log_path)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base, process, seconds=240)
    except RuntimeError:
        stop(process)
        raise RuntimeError(log_path.read_text()[-3000:]) from None
    yield base, prepared_run_var, log_path
    stop(process)


def test_serves_over_plain_http_without_the_redirect_or_hsts(make_run):
    base, _, _ = make_run
    status, headers, body = fetch(base, "/bydleni/zmena-trvaleho-pobytu/")
    assert status == 200 and "Stěhování" in body
    assert "Strict-Transport-Security" not in headers
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    _, headers, _ = fetch(base, "/admin/login/")
    cookies = headers.get_all("Set-Cookie")
    assert cookies and not any("Secure" in cookie for cookie in cookies)


def test_debug_is_off_and_errors_are_the_sites_czech_pages(make_run):
    base, _, _ = make_run
    status, _, body = fetch(base, "/neexistuje/")
    assert status == 404 and "Tuto stránku jsme nenašli" in body and 'lang="cs"' in body
    for leak in ("Django tried", "urlpatterns", "Traceback", "DEBUG = True"):
        assert leak not in body


def test_static_files_come_hashed_through_whitenoise(make_run):
    base, _, _ = make_run
    _, _, body = fetch(base, "/")
    stylesheet = re.search(r'href="(/static/css/navigator\.[0-9a-f]{12}\.css)"', body)
    assert stylesheet
    status, headers, _ = fetch(base, stylesheet.group(1))
    assert status == 200 and "immutable" in headers["Cache-Control"]


def test_every_absolute_link_points_at_the_address_it_serves(make_run):
    base, _, _ = make_run
    moving = "/bydleni/zmena-trvaleho-pobytu/"
    assert f"<loc>{base}{moving}</loc>" in fetch(base, "/sitemap.xml")[2]
    assert f"Sitemap: {base}/sitemap.xml" in fetch(base, "/robots.txt")[2]
    _, _, sheet = fetch(base, moving + "tisk/?pruvodce=1&odkud=jina-obec")
    assert f"{base}{moving}?pruvodce=1&amp;odkud=jina-obec" in sheet
    listing = json.loads(fetch(base, "/api/v2/pages/?type=situations.SituationPage&slug=zmena-trvaleho-pobytu")[2])
    meta = listing["items"][0]["meta"]
    assert meta["html_url"] == base + moving
    assert meta["detail_url"].startswith(base + "/api/v2/pages/")
    assert "localhost" not in json.dumps(listing)


def test_the_secret_key_is_made_once_into_var_and_signs_what_the_site_hands_out(make_run):
    base, var_dir, _ = make_run
    key_file = Path(var_dir) / "secret-key"
    assert key_file.stat().st_mode & 0o777 == 0o600
    key = key_file.read_text().strip()
    assert len(key) >= 50
    _, _, body = fetch(base, "/bydleni/zmena-trvaleho-pobytu/")
    page_id = re.search(r'name="page" value="(\d+)"', body).group(1)
    token = re.search(r'name="token" value="([^"]+)"', body).group(1)
    assert signing.TimestampSigner(key=key, salt=FEEDBACK_TOKEN_SALT).unsign(token) == page_id


def test_the_demo_logins_are_printed_with_the_sites_address(make_run):
    base, _, log_path = make_run
    output = log_path.read_text()
    password = DEMO_PASSWORDS["DEMO_CLERK_PASSWORD"]
    assert f"Demo clerk: {base}/prepazka/  username: prepazka  password: {password}" in output
    assert f"Demo admin: {base}/admin/  username: admin" in output
    assert f"Serving {base}/" in output


def test_the_key_is_made_only_once(make_run):
    _, var_dir, _ = make_run
    key_file = Path(var_dir) / "secret-key"
    key_before = key_file.read_text()
    env = clean_environment(NAVIGATOR_VAR_DIR=str(var_dir))
    subprocess.run(["make", "--no-print-directory", "secret-key"], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)
    assert key_file.read_text() == key_before
