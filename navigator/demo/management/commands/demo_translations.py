"""How far the demo catalog's English or Ukrainian translation is, and a place to write what is missing."""

import yaml
from django.core.management.base import BaseCommand, CommandError

from navigator.demo import translations


class Command(BaseCommand):
    help = "Lists the Czech demo texts without a translation; --add writes them, empty, into the memory files."

    def add_arguments(self, parser):
        parser.add_argument("--lang", required=True, choices=translations.LANGUAGES)
        parser.add_argument("--file", action="append", dest="files",
                            help="a Czech data file relative to data/ (repeatable); all of them by default")
        parser.add_argument("--add", action="store_true",
                            help="append every missing Czech text with an empty translation to its memory file")

    def handle(self, *args, lang, files, add, **options):
        known = translations.data_files()
        for name in files or ():
            if name not in known:
                raise CommandError(f"{name} is not a data file; choose from {', '.join(known)}")
        total = 0
        for name in files or known:
            texts = translations.source_texts([name])
            gaps = translations.missing(lang, [name])
            total += len(gaps)
            self.stdout.write(f"{name}: {len(texts) - len(gaps)} of {len(texts)} translated")
            if add and gaps:
                self._add(lang, name, gaps)
        self.stdout.write(f"missing: {total}")

    def _add(self, lang, name, gaps):
        path = translations.memory_path(lang, name)
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as handle:
            for gap in gaps:
                handle.write(f"# {gap.where}\n")
                handle.write(yaml.safe_dump({gap.text: ""}, allow_unicode=True, width=100000, sort_keys=False))
