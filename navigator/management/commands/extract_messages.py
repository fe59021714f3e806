"""Collects the messages of the project's templates and Python code and brings the English and Ukrainian
catalogs in line with them: `makemessages` for machines without GNU gettext (navigator.messages,
navigator.catalogs)."""

import shutil
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from navigator.catalogs import PLURAL_FORMS, catalog_path, update_catalog
from navigator.messages import extract


class Command(BaseCommand):
    help = "Extracts the site's messages and updates the English and Ukrainian catalogs (locale/*/LC_MESSAGES)."

    def add_arguments(self, parser):
        parser.add_argument("--language", "-l", action="append", choices=sorted(PLURAL_FORMS),
                            help="only this language's catalog (repeatable); all of them by default")
        parser.add_argument("--check", action="store_true",
                            help="change nothing; fail when a catalog lacks a message or a translation")

    def handle(self, *args, **options):
        extraction = extract()
        # A variable as the message (the gettext_noop idiom) is normal; say so only when asked for detail.
        for call in extraction.unreadable if options["verbosity"] > 1 else ():
            self.stderr.write(f"{call.location}: {call.call} has no literal message; mark its messages with "
                              f"gettext_noop where they are written")
        languages = options["language"] or sorted(PLURAL_FORMS)
        if options["check"]:
            self.check_catalogs(extraction, languages)
            return
        for language in languages:
            update = update_catalog(language, extraction.messages)
            self.stdout.write(
                f"{catalog_path(language)}: {update.messages} messages, {len(update.added)} new "
                f"({len(update.fuzzy)} with a fuzzy guess), {len(update.obsoleted)} obsolete, "
                f"{update.untranslated} to translate")
            if options["verbosity"] > 1:
                for msgid in update.added:
                    self.stdout.write(f"  + {msgid}")
                for msgid in update.obsoleted:
                    self.stdout.write(f"  - {msgid}")

    def check_catalogs(self, extraction, languages):
        """Updates a copy of each catalog and says what the real one would lack."""
        problems = []
        for language in languages:
            with tempfile.TemporaryDirectory() as folder:
                copy = Path(folder) / "django.po"
                if catalog_path(language).exists():
                    shutil.copy(catalog_path(language), copy)
                update = update_catalog(language, extraction.messages, path=copy)
            if update.added or update.untranslated:
                problems.append(f"{language}: {len(update.added)} messages missing, "
                                f"{update.untranslated} without a translation")
        if problems:
            raise CommandError("; ".join(problems) + " (run `manage.py extract_messages` and translate them)")
        self.stdout.write(f"Every message is translated ({', '.join(languages)}).")
