import sys
from collections import defaultdict

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from content_health import linkcheck
from services.models import ApplicationForm


class Command(BaseCommand):
    help = ("Checks the external links of the forms (on demand) and lists those that answer 4xx/5xx "
            "or not at all. Forms with an uploaded file are left out: the site shows the file.")

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, default=linkcheck.DEFAULT_TIMEOUT,
                            help="seconds to wait for each request (default %(default)s)")
        parser.add_argument("--workers", type=int, default=linkcheck.DEFAULT_WORKERS,
                            help="requests at the same time (default %(default)s)")

    def handle(self, *args, timeout, workers, **options):
        if not 0 < timeout <= 120:
            raise CommandError(_("Časový limit musí být mezi 0 a 120 sekundami."))
        if not 1 <= workers <= 32:
            raise CommandError(_("Počet souběžných požadavků musí být 1 až 32."))

        forms_by_url = defaultdict(list)
        forms = ApplicationForm.objects.filter(file__isnull=True).exclude(url="").order_by("title")
        for form in forms.only("pk", "title", "slug", "url"):
            forms_by_url[form.url.strip()].append(form)
        total = len(forms_by_url)
        interactive = sys.stdout.isatty() and options["verbosity"] >= 1

        def progress(done, total):
            if interactive:
                filled = 30 * done // max(total, 1)
                self.stdout.write(f"\r  [{'#' * filled}{'.' * (30 - filled)}] {done}/{total}", ending="")

        results = linkcheck.check_urls(forms_by_url, timeout=timeout, workers=workers, progress=progress)
        if interactive:
            self.stdout.write("")

        broken = [(form, results[url]) for url, url_forms in forms_by_url.items() for form in url_forms
                  if not results[url].ok]
        broken.sort(key=lambda pair: (pair[0].title.casefold(), pair[0].pk))
        for form, result in broken:
            self.stdout.write(f"{form.title} ({form.slug}): {result.url} – {result.problem}")

        forms_count = sum(len(url_forms) for url_forms in forms_by_url.values())
        working = sum(result.ok for result in results.values())
        summary = _("Zkontrolováno odkazů: %(links)s (formulářů: %(forms)s). V pořádku: %(ok)s, nefunkčních: "
                    "%(broken)s.") % {"links": total, "forms": forms_count, "ok": working, "broken": total - working}
        self.stdout.write(self.style.ERROR(summary) if broken else self.style.SUCCESS(summary))
