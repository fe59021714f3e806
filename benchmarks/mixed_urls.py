"""The personal pages of benchmarks/load.sh's mixed scenario, one path a line, generated from the live catalog.

Run with the site's settings (load.sh runs it against its throw-away site): `python benchmarks/mixed_urls.py
[--eval /work/shared/eval/search-dev.tsv]`. Nothing is typed in: every answer combination of the moving guide
(each single-choice question answered with each option; the multiple-choice one with nothing, its first half
and its second half ticked), every query of the search evaluation set on the search page and on the API, ten
filters of the service catalog (each audience, then each topic) and every plan of two of the first eight popular
situations. The order is interleaved, so that any stretch of the list mixes the kinds of page. With
--warm-up, a few pages off that list that load the same templates and code.
"""

import argparse
import itertools
import os
import sys
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "navigator.settings.dev")

import django  # noqa: E402

django.setup()

from django.urls import reverse  # noqa: E402

from languages.locales import in_default_language  # noqa: E402
from search.evaluation import read_tsv  # noqa: E402
from services.models import ServiceIndexPage  # noqa: E402
from services.snippets import Audience  # noqa: E402
from situations.guide import SUBMITTED_FIELD  # noqa: E402
from situations.models import SituationPage, TopicPage  # noqa: E402
from situations.plan import SITUATION_PARAMETER  # noqa: E402

GUIDE = "zmena-trvaleho-pobytu"
CATALOG_FILTERS = 10
PLAN_SITUATIONS = 8
DEFAULT_EVAL = Path("/work/shared/eval/search-dev.tsv")


def czech(model):
    """The live pages of the Czech site, the one the scenario visits (English and Ukrainian share the slugs)."""
    return in_default_language(model.objects).live()


def guide_paths(page):
    """Every combination of answers to the guide, as its form sends them."""
    per_question = []
    for question in page.guide_questions:
        keys = [option.key for option in question.options]
        if question.multiple:
            half = len(keys) // 2
            per_question.append([[(question.key, key) for key in chosen] for chosen in ([], keys[:half], keys[half:])])
        else:
            per_question.append([[(question.key, key)] for key in keys])
    for combination in itertools.product(*per_question):
        yield page.url + "?" + urlencode([(SUBMITTED_FIELD, "1"), *itertools.chain(*combination)])


def search_paths(queries):
    for query in queries:
        yield reverse("search") + "?" + urlencode({"q": query})
        yield reverse("search_api") + "?" + urlencode({"q": query})


def catalog_paths():
    catalog = czech(ServiceIndexPage).first()
    filters = [{"audience": value} for value in (Audience.CITIZENS, Audience.BUSINESSES)]
    filters += [{"topic": topic.slug} for topic in czech(TopicPage).order_by("path")]
    for chosen in filters[:CATALOG_FILTERS]:
        yield catalog.url + "?" + urlencode(chosen)


def plan_paths():
    slugs = czech(SituationPage).filter(popular=True).order_by("title").values_list("slug", flat=True)
    for pair in itertools.combinations(list(slugs)[:PLAN_SITUATIONS], 2):
        yield reverse("plan") + "?" + urlencode([(SITUATION_PARAMETER, slug) for slug in pair])


def warm_up_paths():
    """Pages that load what the mixed list's pages use (templates, URL patterns, the search vocabulary) without
    being on the list, as any server that has run a while has it loaded."""
    popular = czech(SituationPage).filter(popular=True).order_by("title").values_list("pk", flat=True)
    other = czech(SituationPage).exclude(pk__in=list(popular[:PLAN_SITUATIONS])).exclude(slug=GUIDE)
    other = other.order_by("title").first()
    catalog = czech(ServiceIndexPage).first()
    yield from ["/", catalog.url, other.url, f"{other.url}?{SUBMITTED_FIELD}=1",
                reverse("plan") + "?" + urlencode({SITUATION_PARAMETER: other.slug}),
                reverse("search") + "?q=" + other.slug, reverse("search_api") + "?q=" + other.slug]


def interleaved(*groups):
    """Round robin over the groups, each spread evenly over the whole list."""
    weighted = []
    for group in groups:
        weighted += [((index + 0.5) / len(group), path) for index, path in enumerate(group)]
    return [path for _, path in sorted(weighted, key=lambda pair: pair[0])]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL, help="the search evaluation set (TSV)")
    parser.add_argument("--warm-up", action="store_true",
                        help="print instead pages outside the mixed list that use the same templates and code")
    args = parser.parse_args()
    if args.warm_up:
        for path in warm_up_paths():
            print(path)
        return
    with open(args.eval, encoding="utf-8") as handle:
        queries = [query for query, _expected in read_tsv(handle)]
    groups = [
        list(guide_paths(czech(SituationPage).get(slug=GUIDE))),
        list(search_paths(queries)),
        list(catalog_paths()),
        list(plan_paths()),
    ]
    for path in interleaved(*groups):
        print(path)


if __name__ == "__main__":
    main()
