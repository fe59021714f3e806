"""Browser tests: the real site under gunicorn on a demo database of its own, driven by Debian's chromium."""

import email
import email.policy
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.demo_database import use_demo_database
from tests.postgres_databases import throwaway_database

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# The demo accounts of the site under test (made by ensure_demo_users), for tests that sign in.
DEMO_PASSWORDS = {"DEMO_ADMIN_PASSWORD": "e2e-admin-heslo", "DEMO_CLERK_PASSWORD": "e2e-prepazka-heslo",
                  "DEMO_EDITORS_PASSWORD": "e2e-redakce-heslo"}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def site_database_url():
    """The DATABASE_URL of the site under test, which has a database of its own.

    On SQLite (no DATABASE_URL) that is a file in the site's NAVIGATOR_VAR_DIR: None. On PostgreSQL it is a
    database test_<name>_e2e on the same server, next to pytest-django's test_<name>, made for the session and
    dropped after it, so the site under gunicorn runs on PostgreSQL too.
    """
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield None
        return
    with throwaway_database(url, "e2e") as database_url:
        yield database_url


class Mailbox:
    """Every message the site under test sent, as parsed e-mail messages, in order of arrival."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.original_content or envelope.content,
                                                      policy=email.policy.default))
        return "250 Message accepted for delivery"

    def wait_for(self, count, timeout=15):
        """The first `count` messages, once they have arrived."""
        deadline = time.monotonic() + timeout
        while len(self.messages) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"expected {count} mails, {len(self.messages)} arrived")
            time.sleep(0.1)
        return self.messages[:count]


@pytest.fixture(scope="session")
def mail_server():
    """A real SMTP server (aiosmtpd) that the site under test sends its mail to through Django's SMTP backend."""
    from aiosmtpd.controller import Controller

    mailbox = Mailbox()
    port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    mailbox.port = port
    yield mailbox
    controller.stop()


@pytest.fixture(scope="session")
def live_site(tmp_path_factory, site_database_url, mail_server, demo_database_file):
    var_dir = tmp_path_factory.mktemp("site-var")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, **DEMO_PASSWORDS, "NAVIGATOR_VAR_DIR": str(var_dir),
           "DJANGO_SETTINGS_MODULE": "navigator.settings.test", "SITE_URL": url,
           "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend", "EMAIL_HOST": "127.0.0.1",
           "EMAIL_PORT": str(mail_server.port), "EMAIL_USE_TLS": "false"}
    env.pop("DATABASE_URL", None)
    if site_database_url:
        env["DATABASE_URL"] = site_database_url
    loaded = not site_database_url and use_demo_database(demo_database_file, var_dir)
    for command in (["migrate", "--no-input", "-v0"], None if loaded else ["load_demo", "-v0"], ["ensure_demo_users"]):
        if command:
            subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "navigator.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2",
         "--log-level", "warning"], cwd=ROOT, env=env)
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(url + "/robots.txt", timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError("the site did not start under gunicorn")
            time.sleep(0.2)
    yield url
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        # On a loaded machine gunicorn may not finish its graceful stop in time; the session is over anyway.
        server.kill()
        server.wait()


@pytest.fixture(scope="session")
def clerk_login():
    """The demo front-desk clerk's username and password on the site under test."""
    return "prepazka", DEMO_PASSWORDS["DEMO_CLERK_PASSWORD"]


@pytest.fixture(scope="session")
def browser(django_db_setup):
    """Started after the test database: Playwright's sync API runs an event loop in this thread, and Django
    refuses to open a database connection while one runs (SynchronousOnlyOperation), which a file of browser
    tests asking for `page` before `live_site` would otherwise make it do."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="cs-CZ")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def screenshot(page):
    folder = ROOT / "var" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)

    def take(name):
        page.screenshot(path=str(folder / f"{name}.png"), full_page=True)

    return take
