"""check_form_links asks real (local) HTTP servers and lists the forms whose links answer 4xx/5xx or nothing."""

import http.server
import socket
import threading
import time
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from wagtail.documents.models import Document

from content_health import linkcheck
from services.models import ApplicationForm
from tests.czech import czech

pytestmark = pytest.mark.django_db

TIMEOUT = 0.5


class Handler(http.server.BaseHTTPRequestHandler):
    """/ok 200, /missing 404, /broken 500, /slow answers after the timeout, /no-head refuses HEAD (405)."""

    seen = []

    def answer(self, with_body):
        self.seen.append((self.command, self.path))
        if self.path == "/slow":
            time.sleep(TIMEOUT * 3)
        if self.path == "/no-head" and self.command == "HEAD":
            status = 405
        else:
            status = {"/ok": 200, "/missing": 404, "/broken": 500, "/slow": 200, "/no-head": 200,
                      "/moved": 301, "/loop": 302}.get(self.path, 404)
        self.send_response(status)
        if status == 301:
            self.send_header("Location", "/ok")
        if status == 302:
            self.send_header("Location", "/loop")
        self.send_header("Content-Length", "2")
        self.end_headers()
        if with_body:
            self.wfile.write(b"ok")

    def do_HEAD(self):
        self.answer(with_body=False)

    def do_GET(self):
        self.answer(with_body=True)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    Handler.seen = []
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def closed_port():
    """A local port nobody listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def forms(server, closed_port):
    """Only local links: the demo's forms point to the internet, which tests never call."""
    ApplicationForm.objects.update(url="")
    rows = {
        "a-ok": f"{server}/ok", "b-missing": f"{server}/missing", "c-broken": f"{server}/broken",
        "d-slow": f"{server}/slow", "e-no-head": f"{server}/no-head", "f-moved": f"{server}/moved",
        "g-refused": f"http://127.0.0.1:{closed_port}/", "h-ftp": "ftp://127.0.0.1/form.pdf",
        "i-same-as-missing": f"{server}/missing", "j-loop": f"{server}/loop",
    }
    for slug, url in rows.items():
        ApplicationForm.objects.create(title=f"Formulář {slug}", slug=slug, url=url)
    return rows


def run(**options):
    out = StringIO()
    call_command("check_form_links", timeout=TIMEOUT, stdout=out, **options)
    return out.getvalue()


def test_lists_forms_whose_links_fail_and_a_summary(forms, server, closed_port):
    started = time.monotonic()
    output = run(workers=4)
    elapsed = time.monotonic() - started
    lines = output.strip().splitlines()
    assert lines[:-1] == [
        f"Formulář b-missing (b-missing): {server}/missing – odpověď HTTP 404",
        f"Formulář c-broken (c-broken): {server}/broken – odpověď HTTP 500",
        f"Formulář d-slow (d-slow): {server}/slow – neodpovídá (vypršel časový limit)",
        f"Formulář g-refused (g-refused): http://127.0.0.1:{closed_port}/ – neodpovídá (spojení odmítnuto)",
        "Formulář h-ftp (h-ftp): ftp://127.0.0.1/form.pdf – neplatná adresa",
        f"Formulář i-same-as-missing (i-same-as-missing): {server}/missing – odpověď HTTP 404",
        f"Formulář j-loop (j-loop): {server}/loop – odpověď HTTP 302 (přesměrování, které nikam nevede)",
    ]
    assert lines[-1] == "Zkontrolováno odkazů: 9 (formulářů: 10). V pořádku: 3, nefunkčních: 6."
    assert elapsed < 5 * TIMEOUT  # the slow link does not hold up the others


def test_head_first_then_get_when_head_is_refused(forms, server):
    run()
    assert ("HEAD", "/ok") in Handler.seen and ("GET", "/ok") not in Handler.seen
    assert ("HEAD", "/moved") in Handler.seen and ("GET", "/moved") not in Handler.seen  # redirects keep HEAD
    assert ("HEAD", "/no-head") in Handler.seen and ("GET", "/no-head") in Handler.seen
    assert Handler.seen.count(("HEAD", "/slow")) == 1 and ("GET", "/slow") not in Handler.seen
    assert Handler.seen.count(("HEAD", "/missing")) == 1  # one URL of two forms is asked once


def test_forms_with_an_uploaded_file_are_left_out(forms, settings, tmp_path):
    """The site shows the uploaded file instead of the link, so a stale link there does not matter."""
    settings.MEDIA_ROOT = tmp_path
    document = Document.objects.create(title="Tiskopis", file=ContentFile(b"%PDF-1.4", name="tiskopis.pdf"))
    ApplicationForm.objects.exclude(slug__in=["a-ok", "b-missing"]).update(url="")
    czech(ApplicationForm).filter(slug="b-missing").update(file=document)
    assert run().strip() == "Zkontrolováno odkazů: 1 (formulářů: 1). V pořádku: 1, nefunkčních: 0."


def test_progress_is_reported_for_every_link(server):
    seen = []
    results = linkcheck.check_urls([f"{server}/ok", f"{server}/missing", f"{server}/ok"], timeout=TIMEOUT,
                                   progress=lambda done, total: seen.append((done, total)))
    assert seen == [(0, 2), (1, 2), (2, 2)]
    assert results[f"{server}/ok"].ok and results[f"{server}/missing"].status == 404


@pytest.mark.parametrize("options", [{"timeout": 0}, {"timeout": 1000}, {"workers": 0}, {"workers": 500}])
def test_bad_options_get_a_czech_error(options):
    with pytest.raises(CommandError) as error:
        call_command("check_form_links", stdout=StringIO(), **{"timeout": 1, **options})
    assert "musí být" in str(error.value)
