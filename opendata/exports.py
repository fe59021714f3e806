"""The catalog as CSV files: which datasets there are, their columns, and how a row is written.

Each dataset is declared once here, with its columns and what each column means; the download view writes
it and the /otevrena-data/ page describes it from the same declaration.

Format (following RFC 4180 and the Czech open data guidance, https://data.gov.cz): UTF-8, comma-separated,
one header row with ASCII column names, lines ending CRLF, fields quoted only when needed. The file starts
with a UTF-8 byte order mark: Excel then reads Czech letters correctly instead of guessing a Windows code
page, while CSV readers that follow CSV on the Web, pandas and LibreOffice skip it (in Python, open the file
with encoding "utf-8-sig"). We keep the comma rather than the semicolon a Czech Excel expects on double
click: the comma is what the standards and every CSV library assume, and Excel's „Data → Z textu/CSV“
import reads it. Dates are ISO 8601, amounts use a decimal point, yes/no are true/false, and cells holding
several values (slugs of related records) separate them with „|“.
"""

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Callable

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from services.hours import weekly_schedule

from . import identifiers

BOM = "\ufeff"
LIST_SEPARATOR = "|"


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    value: Callable


@dataclass(frozen=True)
class Dataset:
    name: str
    title: str
    description: str
    columns: tuple
    rows: Callable

    @property
    def filename(self):
        return f"{self.name}.csv"

    def header(self):
        return [column.name for column in self.columns]

    def records(self, catalog):
        """The rows as lists of cell strings, in column order."""
        return [[cell(column.value(row, catalog)) for column in self.columns] for row in self.rows(catalog)]


def cell(value):
    """One value as CSV text: ISO dates, a decimal point, true/false, several values joined by „|“."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.isoformat(timespec="seconds")
    if isinstance(value, (date, Decimal)):
        return str(value)
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(str(item) for item in value)
    return str(value)


def write_csv(dataset, catalog):
    """The whole file as text, byte order mark first."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(dataset.header())
    writer.writerows(dataset.records(catalog))
    return buffer.getvalue()


# ---------------------------------------------------------------------------------------------------------
# Helpers for columns


def slugs(items):
    return [item.slug for item in items]


def terms(text):
    return [term.strip() for term in (text or "").split(",") if term.strip()]


def clock(value):
    """8:00, as Czech office boards write times."""
    return f"{value.hour}:{value.minute:02d}"


def readable_hours(counter):
    """„pondělí 8:00–12:00, 13:00–18:00; úterý zavřeno; …“ from the counter's prefetched weekly hours."""
    days = []
    for day in weekly_schedule(counter.opening_hours.all()):
        intervals = ", ".join(f"{clock(opens)}–{clock(closes)}" for opens, closes in day.intervals)
        days.append(f"{day.name} {intervals or _('zavřeno')}")
    return "; ".join(days)


def readable_exceptions(counter):
    """„24. 12. 2025 zavřeno (Štědrý den); …“: every exception on record, soonest first."""
    parts = []
    for row in sorted(counter.exceptions.all(), key=lambda row: (row.date, row.opens or time())):
        when = _("zavřeno") if row.closed else f"{clock(row.opens)}–{clock(row.closes)}"
        note = f" ({row.note})" if row.note else ""
        parts.append(f"{row.date.day}. {row.date.month}. {row.date.year} {when}{note}")
    return "; ".join(parts)


def hour_rows(catalog):
    """One row per opening interval: (counter, OpeningHours row)."""
    return [(counter, row) for counter in catalog.counters
            for row in sorted(counter.opening_hours.all(), key=lambda row: (row.weekday, row.opens))]


def fee_rows(catalog):
    """One row per fee: (service, position of the fee in the service's list, ServiceFee row)."""
    return [(service, position, fee) for service in catalog.services
            for position, fee in enumerate(service.fees.all(), start=1)]


def department_name(page):
    return page.department.name if page.department_id else ""


def uri_column(kind):
    return Column("uri", _("Stálý identifikátor (URI); stejný i v katalogu CPSV-AP."),
                  lambda row, catalog: identifiers.uri(kind, row.slug))


def page_columns(kind):
    return (
        uri_column(kind),
        Column("slug", _("Zkratka v adrese, jedinečná; podle ní se na záznam odkazují ostatní soubory."),
               lambda page, catalog: page.slug),
        Column("nazev", _("Název."), lambda page, catalog: page.title),
        Column("url", _("Adresa stránky na webu."), lambda page, catalog: catalog.page_url(page)),
    )


CHANGED = Column("posledni_zmena", _("Kdy byla stránka naposledy zveřejněna (datum a čas, ISO 8601)."),
                 lambda page, catalog: page.last_published_at)


# ---------------------------------------------------------------------------------------------------------
# The datasets


SITUATIONS = Dataset(
    name="situace",
    title=_("Životní situace"),
    description=_("Životní situace občanů a podnikatelů: co je potřeba udělat, které služby (úkony) k tomu "
                  "vedou a jaké doklady si připravit."),
    columns=page_columns("situation") + (
        Column("oblast", _("Oblast, do které situace patří (např. Bydlení a stěhování)."),
               lambda page, catalog: getattr(catalog.topic_of(page), "title", "")),
        Column("pro_koho", _("Pro koho je situace: Občané, Podnikatelé, nebo Občané i podnikatelé."),
               lambda page, catalog: page.get_audience_display()),
        Column("shrnuti", _("Shrnutí v jedné až dvou větách."), lambda page, catalog: page.summary),
        Column("lidova_slova", _("Jak situaci říkají lidé, oddělené „|“."),
               lambda page, catalog: terms(page.lay_terms)),
        Column("odbor", _("Odbor úřadu, který za obsah odpovídá."), lambda page, catalog: department_name(page)),
        Column("sluzby", _("Služby, které kroky situace používají: jejich slug ze souboru služeb, oddělené „|“."),
               lambda page, catalog: slugs(catalog.services_of(page))),
        Column("doklady", _("Doklady, které situace uvádí: slug ze souboru dokladů, oddělené „|“."),
               lambda page, catalog: [row.document.slug for row in page.documents.all()]),
        Column("naposledy_zkontrolovano", _("Kdy obsah naposledy zkontroloval odbor (datum)."),
               lambda page, catalog: page.last_reviewed),
        Column("zkontrolovat_do", _("Do kdy má odbor obsah znovu zkontrolovat (datum)."),
               lambda page, catalog: page.review_due),
        CHANGED,
    ),
    rows=lambda catalog: catalog.situations,
)

SERVICES = Dataset(
    name="sluzby",
    title=_("Služby (úkony)"),
    description=_("Jednotlivé úkony tohoto i jiných úřadů: kdo je poskytuje, jak dlouho trvají, kde a jak se "
                  "vyřizují, které doklady a formuláře k nim patří a podle kterých předpisů."),
    columns=page_columns("service") + (
        Column("poskytovatel", _("Kdo službu poskytuje (tento úřad, nebo jiný)."), lambda page, catalog: page.provider),
        Column("odbor", _("Odpovědný odbor tohoto úřadu, je-li."), lambda page, catalog: department_name(page)),
        Column("pro_koho", _("Občané, Podnikatelé, nebo Občané i podnikatelé."),
               lambda page, catalog: page.get_audience_display()),
        Column("shrnuti", _("Shrnutí."), lambda page, catalog: page.summary),
        Column("lidova_slova", _("Jak službě říkají lidé, oddělené „|“."), lambda page, catalog: terms(page.lay_terms)),
        Column("jak_dlouho", _("Jak dlouho vyřízení trvá (text)."), lambda page, catalog: page.processing_time),
        Column("lhuta", _("Lhůta pro občana (text)."), lambda page, catalog: page.deadline),
        Column("kanaly", _("Jak lze žádat: Osobně, Online, Poštou, Datovou schránkou; oddělené „|“."),
               lambda page, catalog: [str(channel.label) for channel in page.channels]),
        Column("pracoviste", _("Pracoviště, kde se služba vyřizuje osobně: slug ze souboru pracovišť."),
               lambda page, catalog: slugs(catalog.counters_of(page))),
        Column("formulare", _("Formuláře: slug ze souboru formulářů."), lambda page, catalog: slugs(page.forms.all())),
        Column("doklady", _("Co s sebou: slug ze souboru dokladů."),
               lambda page, catalog: [row.document.slug for row in page.documents.all()]),
        Column("predpisy", _("Právní předpisy (ustanovení, číslo, název), oddělené „|“."),
               lambda page, catalog: [str(reference) for reference in page.legal_references.all()]),
        Column("situace", _("Životní situace, které službu používají: slug ze souboru situací."),
               lambda page, catalog: slugs(catalog.situations_of(page))),
        CHANGED,
    ),
    rows=lambda catalog: catalog.services,
)

COUNTERS = Dataset(
    name="pracoviste",
    title=_("Pracoviště a úřední hodiny"),
    description=_("Místa, kde se služby vyřizují osobně: adresa, kontakt, přístupnost, úřední hodiny v týdnu "
                  "a výjimky (svátky, zavřeno, jiná doba)."),
    columns=page_columns("counter") + (
        Column("provozovatel", _("Kdo pracoviště provozuje."), lambda page, catalog: page.organisation),
        Column("ulice", _("Ulice a číslo."), lambda page, catalog: page.street),
        Column("psc", _("PSČ."), lambda page, catalog: page.postcode),
        Column("obec", _("Obec."), lambda page, catalog: page.city),
        Column("budova", _("Budova."), lambda page, catalog: page.building),
        Column("patro", _("Patro."), lambda page, catalog: page.floor),
        Column("mistnost", _("Místnost."), lambda page, catalog: page.room),
        Column("zemepisna_sirka", _("Zeměpisná šířka (WGS 84)."), lambda page, catalog: page.latitude),
        Column("zemepisna_delka", _("Zeměpisná délka (WGS 84)."), lambda page, catalog: page.longitude),
        Column("telefon", _("Telefon."), lambda page, catalog: page.phone),
        Column("email", _("E-mail."), lambda page, catalog: page.email),
        Column("web", _("Web pracoviště."), lambda page, catalog: page.web_url),
        Column("objednani", _("Odkaz na objednání online."), lambda page, catalog: page.booking_url),
        Column("pristupnost", _("Bezbariérový přístup a další pomoc."), lambda page, catalog: page.accessibility),
        Column("uredni_hodiny", _("Úřední hodiny v týdnu, jak je čtou lidé; po intervalech jsou v souboru "
                                  "pracoviste-hodiny."), lambda page, catalog: readable_hours(page)),
        Column("vyjimky", _("Výjimky z úředních hodin (datum, zavřeno nebo jiná doba, důvod), oddělené „;“."),
               lambda page, catalog: readable_exceptions(page)),
        Column("sluzby", _("Služby, které se tu vyřizují: slug ze souboru služeb."),
               lambda page, catalog: slugs(catalog.services_at_counter(page))),
        CHANGED,
    ),
    rows=lambda catalog: catalog.counters,
)

COUNTER_HOURS = Dataset(
    name="pracoviste-hodiny",
    title=_("Úřední hodiny pracovišť po intervalech"),
    description=_("Týdenní úřední hodiny strojově: jeden řádek za každý interval, den s polední přestávkou "
                  "má dva řádky."),
    columns=(
        Column("pracoviste", _("Slug pracoviště ze souboru pracovišť."), lambda row, catalog: row[0].slug),
        Column("den_v_tydnu", _("Den v týdnu podle ISO 8601: 1 = pondělí … 7 = neděle."),
               lambda row, catalog: row[1].weekday + 1),
        Column("den", _("Název dne."), lambda row, catalog: row[1].get_weekday_display()),
        Column("od", _("Otevírá v (HH:MM)."), lambda row, catalog: row[1].opens),
        Column("do", _("Zavírá v (HH:MM)."), lambda row, catalog: row[1].closes),
    ),
    rows=hour_rows,
)

DOCUMENTS = Dataset(
    name="doklady",
    title=_("Doklady"),
    description=_("Doklady, které mohou služby vyžadovat, jak je získat, a zda si údaje úřad zjistí sám ze "
                  "základních registrů (pak je občan nosit nemusí)."),
    columns=(
        uri_column("document"),
        Column("slug", _("Zkratka, jedinečná."), lambda row, catalog: row.slug),
        Column("nazev", _("Název."), lambda row, catalog: row.name),
        Column("lidove_nazvy", _("Jak dokladu říkají lidé, oddělené „|“."), lambda row, catalog: terms(row.lay_names)),
        Column("popis", _("Co to je."), lambda row, catalog: row.description),
        Column("jak_ziskat", _("Jak doklad získat."), lambda row, catalog: row.how_to_get),
        Column("kde_ziskat", _("Adresa služby, která doklad vydává."),
               lambda row, catalog: catalog.page_url(row.issued_by)
               if catalog.is_public_page(row.issued_by) else ""),
        Column("urad_si_zjisti_sam", _("true, když si úřad údaje zjistí sám ze základních registrů."),
               lambda row, catalog: row.fetched_by_office),
        Column("sluzby", _("Služby, které doklad uvádějí: slug ze souboru služeb."),
               lambda row, catalog: slugs(catalog.services_needing_document(row))),
    ),
    rows=lambda catalog: catalog.documents,
)

FORMS = Dataset(
    name="formulare",
    title=_("Formuláře"),
    description=_("Online formuláře a tiskopisy ke službám, s odkazem a s tím, zda vyžadují elektronickou "
                  "identitu nebo datovou schránku."),
    columns=(
        uri_column("form"),
        Column("slug", _("Zkratka, jedinečná."), lambda row, catalog: row.slug),
        Column("nazev", _("Název."), lambda row, catalog: row.title),
        Column("druh", _("Online formulář, nebo Tiskopis k vytištění."), lambda row, catalog: row.get_kind_display()),
        Column("odkaz", _("Odkaz na formulář nebo soubor tiskopisu."), lambda row, catalog: catalog.absolute(row.link)),
        Column("popis", _("Popis."), lambda row, catalog: row.description),
        Column("vyzaduje_identitu", _("true, když je potřeba elektronická identita."),
               lambda row, catalog: row.requires_identity),
        Column("datovou_schrankou", _("true, když se podává datovou schránkou."),
               lambda row, catalog: row.requires_data_box),
        Column("sluzby", _("Služby, ke kterým formulář patří: slug ze souboru služeb."),
               lambda row, catalog: slugs(catalog.services_using_form(row))),
    ),
    rows=lambda catalog: catalog.forms,
)

FEES = Dataset(
    name="poplatky",
    title=_("Poplatky"),
    description=_("Poplatky služeb v korunách. Řádky jedné služby jsou možnosti (podle způsobu podání nebo "
                  "případu), ne položky k sečtení."),
    columns=(
        Column("uri", _("Stálý identifikátor poplatku (URI)."),
               lambda row, catalog: identifiers.fee_uri(row[0], row[1])),
        Column("sluzba", _("Slug služby ze souboru služeb."), lambda row, catalog: row[0].slug),
        Column("sluzba_nazev", _("Název služby."), lambda row, catalog: row[0].title),
        Column("poradi", _("Pořadí poplatku u služby (1, 2, …)."), lambda row, catalog: row[1]),
        Column("za_co", _("Za co se platí."), lambda row, catalog: row[2].label),
        Column("castka", _("Částka s desetinnou tečkou."), lambda row, catalog: row[2].amount),
        Column("mena", _("Měna (ISO 4217)."), lambda row, catalog: "CZK"),
        Column("kanal", _("Platí při podání: jakkoli, Osobně, nebo Online."),
               lambda row, catalog: row[2].get_channel_display()),
        Column("jak_zaplatit", _("Jak zaplatit."), lambda row, catalog: row[2].how_to_pay),
        Column("plati_od", _("Od kdy částka platí (datum)."), lambda row, catalog: row[2].valid_from),
    ),
    rows=fee_rows,
)

DATASETS = (SITUATIONS, SERVICES, COUNTERS, COUNTER_HOURS, DOCUMENTS, FORMS, FEES)
BY_NAME = {dataset.name: dataset for dataset in DATASETS}
