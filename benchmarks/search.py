"""Latency of the database search backend on generated catalogs of 1,000 and 10,000 documents.

Run with `.venv/bin/python benchmarks/search.py [--sizes 1000 10000] [--queries 200] [--profile]`.

What it does, and why it is a fair measure of the backend:

* It works in a throw-away SQLite database in a temporary directory (NAVIGATOR_VAR_DIR and DATABASE_URL are
  pointed there before Django starts, and `migrate` runs programmatically), so the demo database in var/ is
  never touched. Settings are the development ones with DEBUG off, as in benchmarks/pages.py.
* The catalog is made of `SearchDocument` objects fed straight to `DatabaseBackend().rebuild()`: no Wagtail
  pages. It starts with the demo catalog's own situations, services and counters (navigator/demo/data), then
  adds generated situations and services whose titles, summaries, lay terms and bodies combine Czech public
  administration vocabulary (procedures, documents, offices, fees, deadlines, laws, places) with sentences
  taken from the demo texts. Generation is deterministic and each size is a prefix of the larger one, so
  the same titles exist at both sizes.
* `IndexedDocument.page` is a one-to-one key to wagtailcore.Page, and the generated documents have fake page
  ids. Search never reads the page table (it reads only the index tables), so instead of creating 10,000
  tree pages the benchmark turns SQLite's foreign-key enforcement off for its own connection
  (`connection.disable_constraint_checking()`, i.e. `PRAGMA foreign_keys = OFF`). That changes nothing on
  the read path being measured.
* 200 mixed queries, the same at both sizes: exact titles, colloquial words, text without diacritics, typos,
  whole questions, rare words and very common words. Each size gets one warm-up pass (which loads the
  backend's vocabulary once, as a long-running server process would), then every query is timed once
  through `DatabaseBackend().search()` with its default page size.

It prints the index build time, median and p95 per size, the process's peak resident memory after each size (what
a worker holding that index's vocabulary needs), and the ratio p95(largest)/p95(smallest). Targets (issue 3, point 9):
p95 <= 50 ms at 10,000 documents and a ratio <= 3.
"""

import argparse
import html
import os
import random
import re
import resource
import statistics
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
# Run as a script, this file's folder comes first on sys.path and its name would shadow the `search` app.
sys.path[:] = [str(ROOT)] + [p for p in sys.path if p and Path(p).resolve() != HERE]

import yaml  # noqa: E402

from search.backends.base import SearchDocument  # noqa: E402  (a plain dataclass; no Django needed yet)

DATA = ROOT / "navigator" / "demo" / "data"
TARGET_P95_MS = 50.0
TARGET_RATIO = 3.0

# -- Czech vocabulary of public administration ----------------------------------------------------------

ACTIONS = [
    "Vydání", "Změna", "Prodloužení", "Zrušení", "Ohlášení", "Registrace", "Přihlášení", "Odhlášení",
    "Výměna", "Oprava", "Potvrzení", "Ověření", "Přiznání", "Poskytnutí", "Zápis", "Výmaz", "Přezkoumání",
    "Úhrada", "Vrácení", "Prominutí", "Schválení", "Evidence", "Přerušení", "Obnovení", "Převod",
    "Pozastavení", "Doplnění", "Nahlášení", "Povolení", "Vyřízení",
]
OBJECTS = [
    "občanského průkazu", "cestovního pasu", "řidičského průkazu", "trvalého pobytu", "živnostenského oprávnění",
    "stavebního povolení", "parkovací karty", "poplatku ze psa", "rybářského lístku", "sňatku",
    "rodného listu", "úmrtního listu", "příspěvku na bydlení", "silničního vozidla", "registrační značky",
    "zvláštního užívání komunikace", "záboru veřejného prostranství", "kácení dřevin", "hrobového místa",
    "datové schránky", "výpisu z rejstříku trestů", "technického průkazu", "osvědčení o státním občanství",
    "jména a příjmení", "provozovny", "tržního místa", "příspěvku na péči", "voličského průkazu",
    "zbrojního průkazu", "průkazu osoby se zdravotním postižením", "nájmu obecního bytu",
    "poplatku za komunální odpad", "vyhrazeného parkovacího stání", "místa podnikání", "doplatku na bydlení",
    "kolaudačního souhlasu", "územního rozhodnutí", "čipu pro psa", "pohřbu", "adresy pro doručování",
    "matričního dokladu", "oddacího listu", "plné moci", "podpisu na listině", "kopie listiny",
    "informace podle zákona o svobodném přístupu k informacím", "nalezené věci", "shromáždění",
    "zahrádky restaurace", "reklamního zařízení",
]
QUALIFIERS = [
    "pro občany", "pro podnikatele", "pro cizince", "pro seniory", "pro osoby se zdravotním postižením",
    "pro nezletilé", "v zahraničí", "na počkání", "ve zrychlené lhůtě", "elektronicky", "v zastoupení",
    "po ztrátě nebo odcizení", "při stěhování", "po sňatku", "po rozvodu", "po úmrtí blízkého",
    "na dobu určitou", "pro spolky", "pro školy a školky", "pro vlastníky nemovitostí", "pro nájemníky",
    "pro rodiče s dětmi", "přes Czech POINT", "datovou schránkou", "v Libni", "v Karlíně", "na Žižkově",
    "ve Vysočanech", "v Kobylisích", "v Holešovicích", "v Troji", "v Bohnicích", "pro studenty",
    "pro živnostníky", "pro obchodní korporace", "pro zemědělce", "o víkendu", "mimo úřední hodiny",
]
DOCUMENTS = [
    "občanský průkaz", "cestovní pas", "rodný list", "oddací list", "úmrtní list", "nájemní smlouvu",
    "výpis z katastru nemovitostí", "plnou moc s ověřeným podpisem", "technický průkaz vozidla",
    "doklad o zaplacení poplatku", "fotografii 3,5 × 4,5 cm", "potvrzení o bezdlužnosti",
    "souhlas vlastníka domu", "lékařský posudek", "rozhodnutí soudu", "výpis z obchodního rejstříku",
    "projektovou dokumentaci", "situační výkres", "doklad o vzdělání", "potvrzení o příjmu",
]
OFFICES = [
    "klientském centru", "matrice", "živnostenském úřadu", "stavebním úřadu", "odboru dopravy",
    "odboru sociálních věcí", "odboru životního prostředí", "podatelně", "Czech POINTu", "finančním úřadu",
    "úřadu práce", "magistrátu hlavního města Prahy", "katastrálním pracovišti", "pokladně úřadu",
]
PAYMENTS = ["hotově na pokladně", "platební kartou", "bankovním převodem", "kolkovou známkou",
            "přes platební bránu", "složenkou"]
EVENTS = ["doručení rozhodnutí", "vzniku povinnosti", "podání žádosti", "změny údajů", "ukončení nájmu",
          "nabytí vlastnictví", "narození dítěte", "dovršení 15 let", "skončení platnosti dokladu"]
ACTS = ["133/2000 Sb.", "634/2004 Sb.", "500/2004 Sb.", "455/1991 Sb.", "183/2006 Sb.", "301/2000 Sb.",
        "106/1999 Sb.", "565/1990 Sb.", "361/2000 Sb.", "117/1995 Sb.", "111/2006 Sb.", "256/2001 Sb."]
SENTENCES = [
    "Žádost podáte na {office} osobně, poštou nebo datovou schránkou.",
    "K žádosti přiložte {document} a {document2}.",
    "Správní poplatek činí {amount} Kč a zaplatíte ho {payment}.",
    "Úřad rozhodne do {days} dnů, ve složitých případech do {days2} dnů.",
    "Změnu musíte ohlásit do {days} dnů od {event}.",
    "Postup upravuje zákon č. {act}.",
    "Když nemůžete přijít osobně, může za vás jednat zmocněnec s plnou mocí.",
    "Formulář najdete na webu úřadu nebo ho dostanete na {office}.",
    "Proti rozhodnutí se můžete odvolat do 15 dnů od jeho doručení.",
    "Pokud povinnost nesplníte, hrozí vám pokuta až {amount} Kč.",
    "Úřad si některé údaje ověří sám v základních registrech, {document} proto nenoste.",
    "Na {office} se můžete předem objednat přes rezervační systém.",
    "Online to vyřídíte po přihlášení bankovní identitou nebo eObčankou.",
    "Vyřízení na {office} trvá obvykle {minutes} minut.",
]
LAY_WORDS = [
    "občanka", "řidičák", "datovka", "přehlášení", "pas", "rodňák", "psí známka", "parkovačka", "živnosťák",
    "svatba", "pohřeb", "stavebko", "kácení stromu", "popelnice", "důchod", "příspěvek na bydlení",
    "trestní rejstřík", "výpis z katastru", "ověření podpisu", "czech point", "SPZ", "techničák", "rybářák",
    "zbrojní pas", "hrob", "obecní byt", "nájem", "modrá zóna", "zábor chodníku", "volební průkaz",
]
QUESTIONS = [
    "jak si vyřídit {object}", "co potřebuju k vyřízení {object}", "kolik stojí {object}",
    "kde požádat o vydání {object}", "ztratil jsem peněženku s doklady", "chci si otevřít kavárnu",
    "jak přehlásit trvalé bydliště na novou adresu", "narodilo se nám dítě co máme zařídit",
    "jak dlouho trvá {object}", "musím platit poplatek za psa", "kde zaplatím poplatek za odpad",
    "potřebuju rychle nový pas na dovolenou", "jak nahlásit změnu adresy firmy",
    "zemřel mi táta co mám udělat", "chci pokácet strom na zahradě", "jak získat parkovací kartu pro rezidenty",
]
COMMON_WORDS = ["úřad", "žádost", "poplatek", "formulář", "lhůta", "doklad", "občan", "podnikatel", "zákon",
                "rozhodnutí", "povolení", "průkaz", "změna", "vydání", "potvrzení", "plná moc", "pokladna",
                "klientské centrum", "online", "datová schránka"]


# -- seed material from the demo catalog -------------------------------------------------------------

def _plain(value):
    return html.unescape(re.sub(r"<[^>]+>", " ", value)).replace("\n", " ").strip()


def _strings(value):
    """Every text in a YAML value, HTML stripped."""
    if isinstance(value, str):
        yield _plain(value)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _load(name):
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8")) or []


def demo_seed():
    """The demo catalog as search documents, plus its sentences, lay terms, departments and topics."""
    departments = [row["slug"] for row in _load("departments.yaml")]
    topics = [row["slug"] for row in _load("topics.yaml")]
    documents, sentences, lay_terms = [], [], []
    skip = {"slug", "audience", "department", "counters", "forms", "channels", "services", "related",
            "url", "popular", "document", "original"}

    def body_of(item):
        own = skip | {"title", "summary", "lay_terms"}
        return " ".join(text for key, value in item.items() if key not in own
                        for text in _strings(value) if len(text) > 3)

    def add(item, result_type, topic=""):
        audience = item.get("audience") or ["citizens"]
        audience = "both" if len(audience) > 1 else audience[0]
        body = body_of(item)
        documents.append(SearchDocument(
            page_id=len(documents) + 1, type=result_type, slug=item["slug"],
            title=item.get("title") or item.get("name"),
            url=f"/{topic or result_type}/{item['slug']}/", summary=_plain(item.get("summary", "")),
            lay_terms=", ".join(item.get("lay_terms") or []), body=body,
            audience=audience if result_type != "counter" else "", topic=topic,
            department=item.get("department", "") if result_type != "counter" else "",
        ))
        lay_terms.extend(item.get("lay_terms") or [])
        sentences.extend(s.strip() for s in re.split(r"(?<=[.!?])\s+", body + " " + documents[-1].summary)
                         if 30 <= len(s.strip()) <= 240)

    for path in sorted((DATA / "situations").glob("*.yaml")):
        for item in _load(f"situations/{path.name}"):
            add(item, "situation", path.stem)
    for item in _load("services.yaml"):
        add(item, "service")
    for item in _load("counters.yaml"):
        add(item, "counter")
    for item in _load("documents.yaml"):
        lay_terms.extend(item.get("lay_names") or [])
    return documents, sorted(set(sentences)), sorted(set(lay_terms)), departments, topics


# -- the generator -------------------------------------------------------------------------------------

def _sentence(rng):
    template = rng.choice(SENTENCES)
    document, document2 = rng.sample(DOCUMENTS, 2)
    return template.format(office=rng.choice(OFFICES), document=document, document2=document2,
                           amount=rng.choice([50, 100, 200, 500, 1000, 2000, 5000, 10000, 50000]),
                           payment=rng.choice(PAYMENTS), days=rng.choice([8, 15, 30, 60]),
                           days2=rng.choice([60, 90]), event=rng.choice(EVENTS), act=rng.choice(ACTS),
                           minutes=rng.choice([10, 15, 20, 30, 45]))


def generate_catalog(size, seed=2025):
    """`size` distinct search documents: the demo catalog first, then generated situations and services.

    Deterministic, and a catalog of n documents is the first n documents of any larger one.
    """
    demo, sentences, lay_terms, departments, topics = demo_seed()
    documents = demo[:size]
    rng = random.Random(seed)
    titles = {document.title for document in documents}
    while len(documents) < size:
        result_type = "situation" if rng.random() < 0.4 else "service"
        action, subject, qualifier = rng.choice(ACTIONS), rng.choice(OBJECTS), rng.choice(QUALIFIERS)
        title = f"{action} {subject} {qualifier}"
        if title in titles:
            continue
        titles.add(title)
        number = len(documents) + 1
        summary = " ".join([f"{action} {subject} {qualifier} vyřídíte na {rng.choice(OFFICES)}.",
                            rng.choice(sentences)])
        body = " ".join([_sentence(rng) for _ in range(rng.randint(4, 10))]
                        + rng.sample(sentences,
                                     rng.randint(*((6, 16) if result_type == "situation" else (4, 10)))))
        audience = rng.choice(["citizens", "citizens", "businesses", "both"])
        documents.append(SearchDocument(
            page_id=number, type=result_type, slug=f"{result_type}-{number}", title=title,
            url=f"/katalog/{result_type}-{number}/", summary=summary,
            lay_terms=", ".join(rng.sample(lay_terms, rng.randint(0, 4))), body=body, audience=audience,
            topic=rng.choice(topics) if result_type == "situation" else "", department=rng.choice(departments),
        ))
    return documents


def _fold(text):
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _typo(rng, text):
    chars = list(text)
    positions = [i for i, c in enumerate(chars) if c.isalpha()]
    if len(positions) < 5:
        return text
    i = rng.choice(positions[1:-1])
    kind = rng.choice(["swap", "drop", "double", "replace"])
    if kind == "swap":
        chars[i], chars[i + 1] = chars[i + 1], chars[i]
    elif kind == "drop":
        del chars[i]
    elif kind == "double":
        chars.insert(i, chars[i])
    else:
        chars[i] = rng.choice("aeiouyklmnrst")
    return "".join(chars)


def mixed_queries(catalog, count=200, seed=7):
    """The benchmark's queries, drawn only from documents present at every size (the first 1,000)."""
    from search.analysis import fold, words

    rng = random.Random(seed)
    shared = catalog[:1000]
    titles = [document.title for document in shared]
    document_frequency = {}
    for document in shared:
        for word in set(words(f"{document.title} {document.summary} {document.body}")):
            document_frequency[word] = document_frequency.get(word, 0) + 1
    rare = sorted(word for word, n in document_frequency.items()
                  if n <= 2 and len(word) >= 7 and word.isalpha() and fold(word) != word)
    kinds = [
        ("title", 36, lambda: rng.choice(titles)),
        ("lay", 30, lambda: rng.choice(LAY_WORDS)),
        ("no-diacritics", 30, lambda: _fold(rng.choice(titles + LAY_WORDS)).lower()),
        ("typo", 30, lambda: _typo(rng, rng.choice(titles[:200] + LAY_WORDS).lower())),
        ("question", 34, lambda: rng.choice(QUESTIONS).format(object=rng.choice(OBJECTS))),
        ("rare", 20, lambda: rng.choice(rare)),
        ("common", 20, lambda: rng.choice(COMMON_WORDS)),
    ]
    queries = []
    for name, share, make in kinds:
        queries.extend((name, make()) for _ in range(round(share * count / 200)))
    rng.shuffle(queries)
    return queries[:count]


# -- measuring ---------------------------------------------------------------------------------------

def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def setup_django(directory, database_url=None):
    os.environ["NAVIGATOR_VAR_DIR"] = str(directory)
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{Path(directory) / 'benchmark.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "navigator.settings.dev")
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0, interactive=False)
    connection.disable_constraint_checking()  # fake page ids: see the module docstring


def measure(size, queries, profile=None):
    from search.backends.database import DatabaseBackend

    backend = DatabaseBackend()
    start = time.perf_counter()
    backend.rebuild(generate_catalog(size))
    built = time.perf_counter() - start
    for _name, query in queries:  # warm-up: vocabulary load, SQLite page cache
        backend.search(query)
    samples, by_kind = [], {}
    if profile:
        profile.enable()
    for name, query in queries:
        started = time.perf_counter()
        backend.search(query)
        elapsed = (time.perf_counter() - started) * 1000
        samples.append(elapsed)
        by_kind.setdefault(name, []).append(elapsed)
    if profile:
        profile.disable()
    return built, samples, by_kind


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--by-kind", action="store_true", help="also print p95 per kind of query")
    parser.add_argument("--profile", action="store_true",
                        help="cProfile the timed queries of the largest size")
    parser.add_argument("--database-url", help="an empty throw-away database to measure instead of SQLite, "
                        "e.g. postgres://…/bench for PostgreSQL's full-text search (its index tables are replaced)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="navigator-search-bench-") as directory:
        setup_django(directory, args.database_url)
        queries = mixed_queries(generate_catalog(min(1000, max(args.sizes))), args.queries)
        p95s = {}
        print(f"{'documents':>10} {'index s':>8} {'median ms':>10} {'p95 ms':>8} {'max ms':>8} {'peak RSS MB':>12}")
        for size in args.sizes:
            profile = None
            if args.profile and size == max(args.sizes):
                import cProfile

                profile = cProfile.Profile()
            built, samples, by_kind = measure(size, queries, profile)
            p95s[size] = percentile(samples, 0.95)
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports kilobytes
            print(f"{size:>10} {built:>8.1f} {statistics.median(samples):>10.1f} {p95s[size]:>8.1f} "
                  f"{max(samples):>8.1f} {peak:>12.0f}")
            if args.by_kind:
                for name, values in sorted(by_kind.items()):
                    print(f"{'':>10} {name:>14} n={len(values):<3} median {statistics.median(values):6.1f} "
                          f"p95 {percentile(values, 0.95):6.1f}")
            if profile:
                import pstats

                pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
        smallest, largest = min(p95s), max(p95s)
        ratio = p95s[largest] / p95s[smallest] if p95s[smallest] else float("inf")
        print(f"p95({largest})/p95({smallest}) = {ratio:.2f}")
        met = p95s[largest] <= TARGET_P95_MS and ratio <= TARGET_RATIO
        print(f"targets: p95 <= {TARGET_P95_MS:.0f} ms at {largest}, ratio <= {TARGET_RATIO:.0f}: "
              f"{'met' if met else 'MISSED'}")


if __name__ == "__main__":
    main()
