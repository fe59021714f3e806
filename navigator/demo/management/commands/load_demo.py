import sys

from django.core.management.base import BaseCommand, CommandError

from navigator.demo.loader import DataError, Loader
from navigator.demo.batched import indexed_once
from search import indexing
from search.models import IndexedDocument


class Command(BaseCommand):
    help = "Loads (or updates) the demo catalog from navigator/demo/data/. A second run changes nothing."

    def handle(self, *args, **options):
        show_progress = options["verbosity"] >= 1 and sys.stdout.isatty()

        def progress(kind, done, total):
            if show_progress:
                width = 30
                filled = width * done // max(total, 1)
                self.stdout.write(f"\r  {kind:<12} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending="")
                if done == total:
                    self.stdout.write("")

        try:
            with indexing.paused(), indexed_once():
                report = Loader(progress=progress).run()
        except DataError as error:
            raise CommandError(f"Demo catalog data error: {error}") from error
        if report.changed or not IndexedDocument.objects.exists():
            indexing.rebuild()
        self.stdout.write(self.style.SUCCESS(f"Demo catalog: {report}"))
