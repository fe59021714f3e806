from django.core.management.base import BaseCommand, CommandError

from search.analysis import DEFAULT_LANGUAGE, LANGUAGES
from search.backends import get_backend
from search.evaluation import evaluate, read_language, read_tsv


class Command(BaseCommand):
    help = ("Measures search relevance on TSVs of queries and expected situation slugs: success@3 and MRR, per "
            "set and its language.")

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="file",
                            help="query<TAB>expected slugs (any of them in the top 3 counts as found); a "
                                 "'# language: en' line says whose visitor asks (default Czech)")
        parser.add_argument("--backend", help="database or elasticsearch (default: SEARCH_BACKEND)")

    def handle(self, *args, files, backend=None, **options):
        engine = get_backend(backend)
        for file in files:
            try:
                with open(file, encoding="utf-8") as handle:
                    lines = handle.readlines()
            except OSError as error:
                raise CommandError(f"Cannot read {file}: {error}") from error
            rows = list(read_tsv(lines))
            if not rows:
                raise CommandError(f"{file} has no query rows.")
            language = read_language(lines, DEFAULT_LANGUAGE)
            if language not in LANGUAGES:
                raise CommandError(f"{file}: unknown language {language!r} (use one of {', '.join(LANGUAGES)}).")
            result = evaluate(engine, rows, language=language)
            for query, expected, top, rank in result.misses:
                where = f"rank {rank}" if rank else "not in top 10"
                self.stdout.write(f"MISS {query!r}: expected {' '.join(sorted(expected))}, {where}; "
                                  f"top 3: {', '.join(top)}")
            answered = ", ".join(f"{name} {count}" for name, count in sorted(result.answered_by.items()))
            self.stdout.write(f"[{language}] {file}: success@3={result.success_at_3:.3f} mrr={result.mrr:.3f} "
                              f"n={result.rows} (answered by: {answered})")
