"""Compiles the project's .po catalogs into .mo files with polib, so no machine needs GNU gettext; and keeps the
admin's Czech whole.

Wagtail ships Czech for only part of its admin, so the project's catalogs (LOCALE_PATHS, which Django looks up
before the apps' own) carry the rest: one catalog per gettext domain, `django` for the server and `djangojs` for
the admin's JavaScript catalog (/admin/jsi18n/ merges the project's catalogs into Wagtail admin's).

`--report` counts, for every catalog whose messages editors, approvers and clerks read, the messages with no
Czech in the apps' own catalogs and those left once ours are added; `--add-missing` appends the latter to ours
with an empty translation, for a translator to fill in (after a Wagtail upgrade, say). The apps' own Czech is
what Django merges: every installed app's catalog for `django`, only the packages the admin's JavaScript catalog
names for `djangojs`.
"""

from dataclasses import dataclass
from functools import cache, cached_property
from importlib import import_module
from pathlib import Path

import django
import polib
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import to_locale
from wagtail.admin.views.i18n import js_catalog

DOMAINS = ("django", "djangojs")
# Apps outside Wagtail whose messages editors meet in the admin: form validation, passwords, "před minutou", tags.
EDITOR_FACING_APPS = ("django", "django.contrib.auth", "django.contrib.humanize", "taggit")
# The packages whose JavaScript catalogs the admin loads, before the project's.
JAVASCRIPT_PACKAGES = tuple(js_catalog.view_initkwargs["packages"])


@dataclass(frozen=True)
class SourceCatalog:
    """An app's English catalog: every message the app may show, translated or not."""

    app: str
    domain: str
    path: Path

    @cached_property
    def entries(self):
        return [entry for entry in polib.pofile(str(self.path)) if entry.msgid and not entry.obsolete]

    def __str__(self):
        return f"{self.app} ({self.domain})"


def key(entry):
    return entry.msgctxt, entry.msgid


def has_every_form(entry):
    return all(entry.msgstr_plural.values()) if entry.msgid_plural else bool(entry.msgstr)


def app_locale_dir(app):
    """The app's locale folder, found by importing it: an editor-facing app left out of INSTALLED_APPS (whose
    catalog Django then never loads) still has its messages counted."""
    if app == "django":
        return Path(django.__file__).parent / "conf" / "locale"
    return Path(import_module(app).__file__).parent / "locale"


def editor_facing_catalogs():
    """The English catalogs of every installed Wagtail app and of the other apps editors meet in the admin."""
    installed = [config.name for config in apps.get_app_configs()]
    names = [*EDITOR_FACING_APPS, *(name for name in installed if name.split(".")[0] == "wagtail")]
    catalogs = []
    for app in names:
        for domain in DOMAINS:
            path = app_locale_dir(app) / "en" / "LC_MESSAGES" / f"{domain}.po"
            if path.exists() and (domain == "django" or app in JAVASCRIPT_PACKAGES):
                catalogs.append(SourceCatalog(app, domain, path))
    return catalogs


@cache
def apps_own_czech(domain):
    """The messages the apps' own compiled Czech catalogs translate, merged as Django merges them."""
    if domain == "django":
        folders = [app_locale_dir("django"), *(Path(config.path) / "locale" for config in apps.get_app_configs())]
    else:
        folders = [app_locale_dir(app) for app in JAVASCRIPT_PACKAGES]
    translated = set()
    for folder in folders:
        compiled = folder / to_locale(settings.LANGUAGE_CODE) / "LC_MESSAGES" / f"{domain}.mo"
        if compiled.exists():
            translated |= {key(entry) for entry in polib.mofile(str(compiled)) if has_every_form(entry)}
    return translated


def project_catalog_path(domain):
    return Path(settings.LOCALE_PATHS[0]) / to_locale(settings.LANGUAGE_CODE) / "LC_MESSAGES" / f"{domain}.po"


def project_czech(domain):
    path = project_catalog_path(domain)
    return {key(entry) for entry in polib.pofile(str(path)) if entry.translated()} if path.exists() else set()


def untranslated(catalog, *, with_ours=True):
    """The catalog's messages an editor would read in English: no Czech in the apps' catalogs (nor in ours)."""
    translated = apps_own_czech(catalog.domain) | (project_czech(catalog.domain) if with_ours else set())
    return [entry for entry in catalog.entries if key(entry) not in translated]


def add_missing(catalogs):
    """Appends the messages no catalog translates to ours, untranslated, each marked with the apps it is from."""
    added = 0
    for domain in DOMAINS:
        path = project_catalog_path(domain)
        # No wrapping: the catalog keeps one line a message, as it is written by hand.
        ours = polib.pofile(str(path), wrapwidth=0) if path.exists() else new_catalog_like(
            project_catalog_path("django"))
        entries = {key(entry): entry for entry in ours}
        for catalog in (catalog for catalog in catalogs if catalog.domain == domain):
            for source in untranslated(catalog):
                entry = entries.get(key(source))
                if entry is None:
                    entry = entries[key(source)] = polib.POEntry(
                        msgctxt=source.msgctxt, msgid=source.msgid, msgid_plural=source.msgid_plural,
                        msgstr_plural=dict.fromkeys(range(plural_count(ours)), "") if source.msgid_plural else {},
                        flags=[flag for flag in source.flags if flag != "fuzzy"])
                    ours.append(entry)
                    added += 1
                if catalog.app not in entry.comment.split(", "):
                    entry.comment = ", ".join(filter(None, [entry.comment, catalog.app]))
        ours.save(str(path))
    return added


def new_catalog_like(template_path):
    """An empty catalog with the template's header (the Czech plural forms)."""
    catalog = polib.POFile(wrapwidth=0)
    catalog.metadata = polib.pofile(str(template_path)).metadata
    return catalog


def plural_count(catalog):
    return int(catalog.metadata["Plural-Forms"].split("nplurals=")[1].split(";")[0])


class Command(BaseCommand):
    help = "Compiles the project's .po catalogs into .mo files; reports or adds the admin's messages without Czech."

    def add_arguments(self, parser):
        parser.add_argument("--report", action="store_true",
                            help="count the admin's messages without Czech, in the apps' catalogs and with ours")
        parser.add_argument("--add-missing", action="store_true",
                            help="append the admin's messages without Czech to the project's catalogs, untranslated")

    def handle(self, *args, **options):
        if options["add_missing"]:
            added = add_missing(editor_facing_catalogs())
            self.stdout.write(f"{added} messages to translate added to {project_catalog_path('django').parent}")
        for locale_path in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po")):
                catalog = polib.pofile(str(po_path))
                catalog.save_as_mofile(str(po_path.with_suffix(".mo")))
                if options["verbosity"]:
                    self.stdout.write(f"{po_path}: {len(catalog.translated_entries())} messages")
        if options["report"]:
            self.report()

    def report(self):
        self.stdout.write(f"{'catalog':36} {'messages':>8} {'no Czech in the apps':>21} {'with ours':>10}")
        totals = [0, 0, 0]
        for catalog in editor_facing_catalogs():
            row = [len(catalog.entries), *(len(untranslated(catalog, with_ours=flag)) for flag in (False, True))]
            totals = [total + value for total, value in zip(totals, row)]
            self.stdout.write(f"{catalog!s:36} {row[0]:8} {row[1]:21} {row[2]:10}")
        self.stdout.write(f"{'all':36} {totals[0]:8} {totals[1]:21} {totals[2]:10}")
