"""One site on two app servers: two gunicorns (production settings, two workers each) sharing one PostgreSQL
database and one Redis, asked over real HTTP as a load balancer would spread visitors between them, and a worker
process (`manage.py db_worker`) running the background tasks they queue in the database (TASKS_BACKEND=database):
the search index updates of a publish.

`make test-scale` runs it (it starts a throw-away PostgreSQL cluster; this module starts Redis and the servers on
free loopback ports). Without PostgreSQL and Debian's redis-server it is skipped: `make test` runs on SQLite.
"""

import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.e2e.conftest import free_port
from tests.postgres_databases import throwaway_database

ROOT = Path(__file__).resolve().parents[2]
DATABASE_URL = os.environ.get("DATABASE_URL", "")
HTTPS = {"X-Forwarded-Proto": "https"}
SERVICE = "/sluzby/hlaseni-trvaleho-pobytu/"
ADMIN_PASSWORD = "scale-admin-heslo-123"

pytestmark = pytest.mark.skipif(
    not DATABASE_URL.startswith(("postgres://", "postgresql://")) or not shutil.which("redis-server"),
    reason="needs PostgreSQL and redis-server: run `make test-scale`",
)


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """Requests with cookies kept by hand: the production cookies are Secure, and the proxy's HTTPS is a header."""

    def __init__(self):
        self.cookies = {}
        self.opener = urllib.request.build_opener(NoRedirects)

    def request(self, url, data=None, headers=None):
        headers = {**HTTPS, **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(url, data=body, headers=headers)
        try:
            with self.opener.open(request, timeout=30) as response:
                status, answer_headers, content = response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            status, answer_headers, content = error.code, error.headers, error.read()
        for header in answer_headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return status, answer_headers, content.decode()


def secure(url):
    """The address as the visitor's browser sees it, behind the proxy that terminates TLS."""
    return url.replace("http://", "https://", 1)


def get(url, **headers):
    return Browser().request(url, headers=headers)


@pytest.fixture(scope="module")
def database_url():
    """A database of its own on the cluster tests/postgres.sh started, dropped afterwards."""
    with throwaway_database(DATABASE_URL, "scale") as url:
        yield url


class RedisServer:
    """Debian's redis-server on a free loopback port, without persistence; stopped and started by the tests."""

    def __init__(self, folder):
        self.folder, self.port, self.process = folder, free_port(), None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.folder), "--maxmemory", "64mb", "--maxmemory-policy", "allkeys-lru"],
            stdout=subprocess.DEVNULL)
        import redis

        deadline = time.monotonic() + 15
        while True:
            try:
                redis.Redis(port=self.port, socket_connect_timeout=0.5).ping()
                return
            except redis.RedisError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError("redis-server did not start") from None
                time.sleep(0.1)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory):
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()


class Worker:
    """`manage.py db_worker`: the site's background tasks, in a process of its own; stopped and started by tests."""

    def __init__(self, env):
        self.env, self.process = env, None

    def start(self):
        self.process = subprocess.Popen([sys.executable, "manage.py", "db_worker", "--interval", "0.2",
                                         "--no-startup-delay"], cwd=ROOT, env=self.env, stderr=subprocess.DEVNULL)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


def start_server(env, port):
    return subprocess.Popen([sys.executable, "-m", "gunicorn", "navigator.wsgi", "--bind", f"127.0.0.1:{port}",
                             "--workers", "2", "--log-level", "warning"], cwd=ROOT, env=env)


def wait_for(base, server):
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/health/", timeout=2)
            return
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("an app server did not start under gunicorn") from None
            time.sleep(0.2)


@pytest.fixture(scope="module")
def site_env(tmp_path_factory, database_url, redis_server):
    """The environment every process of the site runs with."""
    var_dir = tmp_path_factory.mktemp("scale-var")  # media and static files, as a shared volume would hold them
    env = {key: value for key, value in os.environ.items() if key not in {"DEBUG", "CACHE_URL"}}
    env.update(DJANGO_SETTINGS_MODULE="navigator.settings.production", NAVIGATOR_VAR_DIR=str(var_dir),
               DATABASE_URL=database_url, REDIS_URL=redis_server.url, ALLOWED_HOSTS="127.0.0.1",
               SECRET_KEY="scale-test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz", LOG_LEVEL="CRITICAL",
               DJANGO_SUPERUSER_PASSWORD=ADMIN_PASSWORD, TASKS_BACKEND="database")
    return env


@pytest.fixture(scope="module")
def worker(site_env, servers):
    worker = Worker(site_env)
    worker.start()
    yield worker
    worker.stop()


@pytest.fixture(scope="module")
def servers(site_env):
    """The base URLs of two app servers of one site."""
    env = site_env
    # A release's bulk steps run their tasks inline (the demo's thousands of rows would queue thousands of
    # Wagtail's reference index updates ahead of the editors' changes); the servers queue theirs for the worker.
    for command in (["migrate", "--no-input", "-v0"], ["load_demo", "-v0"], ["collectstatic", "--no-input", "-v0"],
                    ["createsuperuser", "--no-input", "--username", "spravce", "--email", "spravce@example.cz"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env={**env, "TASKS_BACKEND": "immediate"},
                       check=True, stdout=subprocess.DEVNULL)
    processes, bases = [], []
    for _ in range(2):
        port = free_port()
        processes.append(start_server(env, port))
        bases.append(f"http://127.0.0.1:{port}")
    try:
        for base, process in zip(bases, processes):
            wait_for(base, process)
        yield bases
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=15)


def signed_in(base):
    browser = Browser()
    status, _, html = browser.request(base + "/admin/login/")
    token = BeautifulSoup(html, "html.parser").find("input", {"name": "csrfmiddlewaretoken"})["value"]
    status, headers, _ = browser.request(base + "/admin/login/", {
        "csrfmiddlewaretoken": token, "username": "spravce", "password": ADMIN_PASSWORD, "next": "/admin/",
    }, headers={"Referer": secure(base) + "/admin/login/"})
    assert status == 302, "the administrator could not sign in"
    return browser


def form_data(form):
    """What a browser sends for this form as it stands (its submit buttons left out)."""
    data = []
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.has_attr("disabled"):
            continue
        if field.name == "textarea":
            data.append((name, field.text))
        elif field.name == "select":
            chosen = field.find_all("option", selected=True) or ([] if field.has_attr("multiple") else
                                                                   field.find_all("option")[:1])
            data += [(name, option.get("value", option.text)) for option in chosen]
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data.append((name, field.get("value", "on")))
        elif field.get("type") not in ("submit", "button", "file", "image"):
            data.append((name, field.get("value", "")))
    return data


def publish_title(browser, base, page_id, title):
    """Edit a page's title in Wagtail's editor and publish it, as an editor's browser would."""
    edit = f"{base}/admin/pages/{page_id}/edit/"
    status, _, html = browser.request(edit)
    assert status == 200
    form = BeautifulSoup(html, "html.parser").find("form", {"id": "page-edit-form"})
    data = [(name, title if name == "title" else value) for name, value in form_data(form)]
    data.append(("action-publish", "action-publish"))
    status, headers, body = browser.request(edit, dict_of_lists(data), headers={"Referer": secure(edit)})
    assert status == 302, BeautifulSoup(body, "html.parser").get_text(" ", strip=True)[:2000]


def dict_of_lists(pairs):
    result = {}
    for name, value in pairs:
        result.setdefault(name, []).append(value)
    return result


def page_id_of(base, path):
    status, _, html = get(base + path)
    assert status == 200
    return int(BeautifulSoup(html, "html.parser").find("input", {"name": "page"})["value"])


def search_finds(base, text, word, seconds=60):
    """Whether search on this server finds the text within the time a worker needs to run the index update."""
    deadline = time.monotonic() + seconds
    while True:
        status, _, body = get(base + f"/api/search/?q={urllib.parse.quote(word)}")
        assert status == 200
        if text in body:
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.25)


def test_a_publish_on_one_server_shows_on_the_other_at_the_next_request(servers, worker):
    first, second = servers
    word = "Xylofonové"
    # Both servers have kept the page and a search for the new word, in Redis, before the change.
    for base in servers:
        for _ in range(2):
            assert get(base + SERVICE)[0] == 200
        assert get(base + f"/api/search/?q={urllib.parse.quote(word)}")[0] == 200
    status, headers, html = get(second + SERVICE)
    assert headers["X-Page-Cache"] == "hit" and word not in html

    page_id = page_id_of(first, SERVICE)
    publish_title(signed_in(first), first, page_id, f"{word} hlášení trvalého pobytu")

    status, headers, html = get(second + SERVICE)
    assert status == 200 and f"{word} hlášení trvalého pobytu" in html
    # The worker runs the index update the publish queued; its new content version drops both kept searches.
    assert search_finds(second, f"{word} hlášení trvalého pobytu", word)
    status, _, html = get(second + f"/hledat/?q={urllib.parse.quote(word)}")
    assert status == 200 and f"{word} hlášení trvalého pobytu" in html


def test_with_the_worker_stopped_search_lags_and_pages_are_right(servers, worker):
    first, second = servers
    word = "Cimbálové"
    worker.stop()
    try:
        page_id = page_id_of(first, SERVICE)
        publish_title(signed_in(first), first, page_id, f"{word} hlášení pobytu")
        status, _, html = get(second + SERVICE)
        assert status == 200 and f"{word} hlášení pobytu" in html
        assert not search_finds(second, f"{word} hlášení pobytu", word, seconds=2)
    finally:
        worker.start()
    assert search_finds(second, f"{word} hlášení pobytu", word)


def send_feedback(base, page_html):
    form = BeautifulSoup(page_html, "html.parser").find("form", {"data-feedback": True})
    data = dict_of_lists(form_data(form))
    data["useful"] = [form.find("input", {"name": "useful"})["value"]]
    return Browser().request(base + form["action"], data, headers={"Origin": secure(base)})[0]


def test_the_feedback_limit_reached_through_one_server_holds_on_the_other(servers):
    first, second = servers
    _, _, html = get(first + "/bydleni/zmena-trvaleho-pobytu/")
    from feedback.ratelimit import DEFAULT_LIMIT

    assert [send_feedback(first, html) for _ in range(DEFAULT_LIMIT)] == [303] * DEFAULT_LIMIT
    assert send_feedback(second, html) == 429


def test_with_redis_stopped_pages_are_served_uncached_and_nothing_is_lost(servers, redis_server):
    first, second = servers
    redis_server.stop()
    try:
        for base in servers:
            for path in ("/", "/bydleni/zmena-trvaleho-pobytu/?pruvodce=1&odkud=jina-obec", "/hledat/?q=pas",
                         "/api/search/?q=pas", "/plan/?situace=zmena-trvaleho-pobytu", SERVICE):
                status, headers, _ = get(base + path)
                assert status == 200, path
                assert headers.get("X-Page-Cache") != "hit", path
        # A publish while Redis is down is not lost: it shows at once, and after Redis is back.
        page_id = page_id_of(first, "/bydleni/zmena-trvaleho-pobytu/")
        browser = signed_in(first)
        publish_title(browser, first, page_id, "Stěhování během výpadku")
        assert "Stěhování během výpadku" in get(second + "/bydleni/zmena-trvaleho-pobytu/")[2]
    finally:
        redis_server.start()
    for base in (first, second, first, second):
        status, _, html = get(base + "/bydleni/zmena-trvaleho-pobytu/")
        assert status == 200 and "Stěhování během výpadku" in html
