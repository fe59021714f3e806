import sys

from django.core.management.base import BaseCommand

from search.backends import get_backend
from search.documents import all_documents, count_documents


class Command(BaseCommand):
    help = "Rebuilds the public search index from every live situation, service and counter."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild"])
        parser.add_argument("--backend", help="database or elasticsearch (default: SEARCH_BACKEND)")

    def handle(self, *args, action, backend=None, **options):
        engine = get_backend(backend)
        total = count_documents()
        interactive = sys.stdout.isatty() and options["verbosity"] >= 1

        def progress(done):
            if interactive:
                filled = 30 * done // max(total, 1)
                self.stdout.write(f"\r  [{'#' * filled}{'.' * (30 - filled)}] {done}/{total}", ending="")

        # Read as the index is filled: with Elasticsearch, pages published meanwhile reach the new index.
        engine.rebuild(all_documents(), progress=progress)
        if interactive:
            self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Indexed {total} documents with the {engine.name} backend."))
