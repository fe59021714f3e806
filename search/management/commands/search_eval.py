from django.core.management.base import BaseCommand, CommandError

from search.backends import get_backend
from search.evaluation import evaluate, read_tsv


class Command(BaseCommand):
    help = "Measures search relevance on a TSV of queries and expected situation slugs: success@3 and MRR."

    def add_arguments(self, parser):
        parser.add_argument("file", help="query<TAB>expected slugs (any of them in the top 3 counts as found)")
        parser.add_argument("--backend", help="database or elasticsearch (default: SEARCH_BACKEND)")

    def handle(self, *args, file, backend=None, **options):
        try:
            with open(file, encoding="utf-8") as handle:
                rows = list(read_tsv(handle))
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        if not rows:
            raise CommandError(f"{file} has no query rows.")
        result = evaluate(get_backend(backend), rows)
        for query, expected, top, rank in result.misses:
            where = f"rank {rank}" if rank else "not in top 10"
            self.stdout.write(f"MISS {query!r}: expected {' '.join(sorted(expected))}, {where}; top 3: {', '.join(top)}")
        answered = ", ".join(f"{name} {count}" for name, count in sorted(result.answered_by.items()))
        self.stdout.write(f"success@3={result.success_at_3:.3f} mrr={result.mrr:.3f} n={result.rows} "
                          f"(answered by: {answered})")
