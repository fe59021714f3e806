"""The catalog as CSV files: which datasets there are, their columns, and how a row is written.

Each dataset is declared once here, with its columns (name, Czech and English title, meaning, datatype, the
file its values point to) and what a catalogue says of it (titles, descriptions and keywords in Czech and
English, EuroVoc themes); the download view writes it, csvw.py turns it into its CSV on the Web schema,
dcat.py into its catalogue record, and the /otevrena-data/ page describes it, all from the same declaration.

Format (following RFC 4180 and the Czech open data guidance, https://data.gov.cz): UTF-8, comma-separated,
one header row with ASCII column names, lines ending CRLF, fields quoted only when needed. The file starts
with a UTF-8 byte order mark: Excel then reads Czech letters correctly instead of guessing a Windows code
page, while CSV readers that follow CSV on the Web, pandas and LibreOffice skip it (in Python, open the file
with encoding "utf-8-sig"). We keep the comma rather than the semicolon a Czech Excel expects on double
click: the comma is what the standards and every CSV library assume, and Excel's „Data → Z textu/CSV“
import reads it. Dates are ISO 8601, amounts use a decimal point, yes/no are true/false, and cells holding
several values (slugs of related records) separate them with „|“. Records point to each other by slug:
every file has a key, and every column of slugs is a foreign key to the file it names.
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from typing import Callable

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from booking.capacity import daily_capacity
from services import hours

from . import identifiers, vocabularies

BOM = "\ufeff"
LIST_SEPARATOR = "|"


@dataclass(frozen=True, kw_only=True)
class Column:
    name: str
    titles: tuple  # (Czech, English): the column's title for people, in the schema and on the page
    description: str
    value: Callable
    # A CSV on the Web datatype: "string", "anyURI", "date", "datetime", "boolean", "decimal", or a dict.
    datatype: object = "string"
    many: bool = False  # several values in a cell, separated by LIST_SEPARATOR
    references: str = ""  # the dataset whose slugs the values are (a foreign key)
    required: bool = False


@dataclass(frozen=True, kw_only=True)
class Dataset:
    name: str
    title: str
    title_en: str
    description: str
    description_en: str
    keywords: tuple  # Czech
    keywords_en: tuple
    eurovoc: tuple  # vocabularies.Term, beside the EU data theme
    columns: tuple
    rows: Callable
    key: tuple = ("slug",)
    format: vocabularies.FileFormat = field(default=vocabularies.CSV)

    @property
    def filename(self):
        return f"{self.name}.csv"

    @property
    def schema_filename(self):
        """Where CSV on the Web looks for a file's metadata: beside it, with „-metadata.json“ appended."""
        return f"{self.filename}-metadata.json"

    def header(self):
        return [column.name for column in self.columns]

    def records(self, published, limit=None):
        """The rows as lists of cell strings, in column order (the first `limit` rows when given)."""
        rows = self.rows(published)[:limit]
        return [[cell(column.value(row, published)) for column in self.columns] for row in rows]

    def foreign_keys(self):
        return [column for column in self.columns if column.references]


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
        return hours.hhmm(value)
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(str(item) for item in value)
    return str(value)


def write_csv(dataset, published):
    """The whole file as text, byte order mark first."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(dataset.header())
    writer.writerows(dataset.records(published))
    return buffer.getvalue()


# ---------------------------------------------------------------------------------------------------------
# Helpers for columns


def slugs(items):
    return [item.slug for item in items]


def terms(text):
    return [term.strip() for term in (text or "").split(",") if term.strip()]


def readable_hours(counter):
    """„pondělí 8:00–12:00, 13:00–18:00; úterý zavřeno; …“ from the counter's prefetched weekly hours."""
    return "; ".join(f"{day.name} {day.text or _('zavřeno')}"
                     for day in hours.weekly_schedule(counter.opening_hours.all()))


def readable_exceptions(counter):
    """„24. 12. 2025 zavřeno (Štědrý den); …“: every exception on record, soonest first."""
    return "; ".join(row.summary for row in hours.exceptions_in_order(counter.exceptions.all()))


def hour_rows(published):
    """One row per opening interval: (counter, OpeningHours row)."""
    return [(counter, row) for counter in published.counters
            for row in hours.weekly_in_order(counter.opening_hours.all())]


def fee_rows(published):
    """One row per fee: (service, position of the fee in the service's list, ServiceFee row)."""
    return [(service, position, fee) for service in published.services
            for position, fee in enumerate(service.fees.all(), start=1)]


def department_name(page):
    return page.department.name if page.department_id else ""


def uri_column(kind):
    return Column(name="uri", titles=(_("Identifikátor"), "Identifier"),
                  description=_("Stálý identifikátor (URI); stejný i v katalogu CPSV-AP."),
                  value=lambda row, published: identifiers.uri(kind, row.slug), datatype="anyURI", required=True)


def slug_column(description):
    return Column(name="slug", titles=(_("Zkratka"), "Slug"), description=description,
                  value=lambda row, published: row.slug, required=True)


def links(name, titles, description, dataset, value):
    """A column of slugs of another file's records: several values, a foreign key to that file."""
    return Column(name=name, titles=titles, description=description, value=value, many=True, references=dataset)


def page_columns(kind):
    return (
        uri_column(kind),
        slug_column(_("Zkratka v adrese, jedinečná; podle ní se na záznam odkazují ostatní soubory.")),
        Column(name="nazev", titles=(_("Název"), "Title"), description=_("Název."),
               value=lambda page, published: page.title, required=True),
        Column(name="url", titles=(_("Adresa stránky"), "Web page"), description=_("Adresa stránky na webu."),
               value=lambda page, published: published.page_url(page), datatype="anyURI"),
        Column(name="jazyk", titles=(_("Jazyk"), "Language"),
               description=_("Jazyk záznamu jako kód ISO 639-1: cs (čeština), en (angličtina), uk (ukrajinština)."),
               value=lambda page, published: page.locale.language_code, datatype={"base": "string",
                                                                                  "format": "[a-z]{2}"},
               required=True),
    )


DATE = "date"
BOOLEAN = {"base": "boolean", "format": "true|false"}
HOUR_MINUTE = {"base": "time", "format": "HH:mm"}

CHANGED = Column(name="posledni_zmena", titles=(_("Poslední změna"), "Last change"),
                 description=_("Kdy byla stránka naposledy zveřejněna (datum a čas, ISO 8601)."),
                 value=lambda page, published: page.last_published_at, datatype="datetime")


# ---------------------------------------------------------------------------------------------------------
# The datasets


SITUATIONS = Dataset(
    name="situace",
    title=_("Životní situace"),
    title_en="Life situations",
    description=_("Životní situace občanů a podnikatelů: co je potřeba udělat, které služby (úkony) k tomu "
                  "vedou a jaké doklady si připravit."),
    description_en="Life situations of citizens and businesses: what to do, which services (procedures) it "
                   "takes and which documents to bring.",
    keywords=("životní situace", "služby veřejné správy", "úřad"),
    keywords_en=("life events", "public services", "town hall"),
    eurovoc=(vocabularies.EUROVOC_POLITICS, vocabularies.EUROVOC_SOCIAL_QUESTIONS),
    columns=page_columns("situation") + (
        Column(name="oblast", titles=(_("Oblast"), "Topic"),
               description=_("Oblast, do které situace patří (např. Bydlení a stěhování)."),
               value=lambda page, published: getattr(published.topic_of(page), "title", "")),
        Column(name="pro_koho", titles=(_("Pro koho"), "Audience"),
               description=_("Pro koho je situace: Občané, Podnikatelé, nebo Občané i podnikatelé."),
               value=lambda page, published: page.get_audience_display()),
        Column(name="shrnuti", titles=(_("Shrnutí"), "Summary"), description=_("Shrnutí v jedné až dvou větách."),
               value=lambda page, published: page.summary),
        Column(name="lidova_slova", titles=(_("Lidová slova"), "Lay terms"),
               description=_("Jak situaci říkají lidé, oddělené „|“."),
               value=lambda page, published: terms(page.lay_terms), many=True),
        Column(name="odbor", titles=(_("Odbor"), "Department"),
               description=_("Odbor úřadu, který za obsah odpovídá."),
               value=lambda page, published: department_name(page)),
        links("sluzby", (_("Služby"), "Services"),
              _("Služby, které kroky situace používají: jejich slug ze souboru služeb, oddělené „|“."), "sluzby",
              lambda page, published: slugs(published.services_of(page))),
        links("doklady", (_("Doklady"), "Documents"),
              _("Doklady, které situace uvádí: slug ze souboru dokladů, oddělené „|“."), "doklady",
              lambda page, published: [row.document.slug for row in page.documents.all()]),
        Column(name="naposledy_zkontrolovano", titles=(_("Naposledy zkontrolováno"), "Last reviewed"),
               description=_("Kdy obsah naposledy zkontroloval odbor (datum)."),
               value=lambda page, published: page.last_reviewed, datatype=DATE),
        Column(name="zkontrolovat_do", titles=(_("Zkontrolovat do"), "Review due"),
               description=_("Do kdy má odbor obsah znovu zkontrolovat (datum)."),
               value=lambda page, published: page.review_due, datatype=DATE),
        CHANGED,
    ),
    rows=lambda published: published.situations,
)

SERVICES = Dataset(
    name="sluzby",
    title=_("Služby (úkony)"),
    title_en="Services (procedures)",
    description=_("Jednotlivé úkony tohoto i jiných úřadů: kdo je poskytuje, jak dlouho trvají, kde a jak se "
                  "vyřizují, které doklady a formuláře k nim patří a podle kterých předpisů."),
    description_en="The procedures of this and other offices: who provides them, how long they take, where "
                   "and how to apply, which documents and forms they need and under which law.",
    keywords=("služby veřejné správy", "úkony", "katalog služeb"),
    keywords_en=("public services", "administrative procedures", "service catalogue"),
    eurovoc=(vocabularies.EUROVOC_POLITICS, vocabularies.EUROVOC_LAW),
    columns=page_columns("service") + (
        Column(name="poskytovatel", titles=(_("Poskytovatel"), "Provider"),
               description=_("Kdo službu poskytuje (tento úřad, nebo jiný)."),
               value=lambda page, published: page.provider),
        Column(name="odbor", titles=(_("Odbor"), "Department"),
               description=_("Odpovědný odbor tohoto úřadu, je-li."),
               value=lambda page, published: department_name(page)),
        Column(name="pro_koho", titles=(_("Pro koho"), "Audience"),
               description=_("Občané, Podnikatelé, nebo Občané i podnikatelé."),
               value=lambda page, published: page.get_audience_display()),
        Column(name="shrnuti", titles=(_("Shrnutí"), "Summary"), description=_("Shrnutí."),
               value=lambda page, published: page.summary),
        Column(name="lidova_slova", titles=(_("Lidová slova"), "Lay terms"),
               description=_("Jak službě říkají lidé, oddělené „|“."),
               value=lambda page, published: terms(page.lay_terms), many=True),
        Column(name="jak_dlouho", titles=(_("Jak dlouho"), "Processing time"),
               description=_("Jak dlouho vyřízení trvá (text)."),
               value=lambda page, published: page.processing_time),
        Column(name="lhuta", titles=(_("Lhůta"), "Deadline"), description=_("Lhůta pro občana (text)."),
               value=lambda page, published: page.deadline),
        Column(name="kanaly", titles=(_("Způsoby podání"), "Channels"),
               description=_("Jak lze žádat: Osobně, Online, Poštou, Datovou schránkou; oddělené „|“."),
               value=lambda page, published: [str(channel.label) for channel in page.channels], many=True),
        links("pracoviste", (_("Pracoviště"), "Counters"),
              _("Pracoviště, kde se služba vyřizuje osobně: slug ze souboru pracovišť."), "pracoviste",
              lambda page, published: slugs(published.counters_of(page))),
        links("formulare", (_("Formuláře"), "Forms"), _("Formuláře: slug ze souboru formulářů."), "formulare",
              lambda page, published: slugs(page.forms.all())),
        links("doklady", (_("Doklady"), "Documents"), _("Co s sebou: slug ze souboru dokladů."), "doklady",
              lambda page, published: [row.document.slug for row in page.documents.all()]),
        Column(name="predpisy", titles=(_("Předpisy"), "Legal basis"),
               description=_("Právní předpisy (ustanovení, číslo, název), oddělené „|“."),
               value=lambda page, published: [str(reference) for reference in page.legal_references.all()],
               many=True),
        links("situace", (_("Životní situace"), "Life situations"),
              _("Životní situace, které službu používají: slug ze souboru situací."), "situace",
              lambda page, published: slugs(published.situations_of(page))),
        CHANGED,
    ),
    rows=lambda published: published.services,
)

COUNTERS = Dataset(
    name="pracoviste",
    title=_("Pracoviště a úřední hodiny"),
    title_en="Counters and office hours",
    description=_("Místa, kde se služby vyřizují osobně: adresa, kontakt, přístupnost, úřední hodiny v týdnu "
                  "a výjimky (svátky, zavřeno, jiná doba)."),
    description_en="Where services are handled in person: address, contact, accessibility, weekly office "
                   "hours and their exceptions (holidays, closures, other hours).",
    keywords=("pracoviště", "úřední hodiny", "kontaktní místa"),
    keywords_en=("service counters", "office hours", "contact points"),
    eurovoc=(vocabularies.EUROVOC_POLITICS,),
    columns=page_columns("counter") + (
        Column(name="provozovatel", titles=(_("Provozovatel"), "Operator"),
               description=_("Kdo pracoviště provozuje."), value=lambda page, published: page.organisation),
        Column(name="ulice", titles=(_("Ulice"), "Street"), description=_("Ulice a číslo."),
               value=lambda page, published: page.street),
        Column(name="psc", titles=(_("PSČ"), "Postcode"), description=_("PSČ."),
               value=lambda page, published: page.postcode),
        Column(name="obec", titles=(_("Obec"), "Town"), description=_("Obec."),
               value=lambda page, published: page.city),
        Column(name="budova", titles=(_("Budova"), "Building"), description=_("Budova."),
               value=lambda page, published: page.building),
        Column(name="patro", titles=(_("Patro"), "Floor"), description=_("Patro."),
               value=lambda page, published: page.floor),
        Column(name="mistnost", titles=(_("Místnost"), "Room"), description=_("Místnost."),
               value=lambda page, published: page.room),
        Column(name="zemepisna_sirka", titles=(_("Zeměpisná šířka"), "Latitude"),
               description=_("Zeměpisná šířka (WGS 84)."), value=lambda page, published: page.latitude,
               datatype={"base": "decimal", "minimum": -90, "maximum": 90}),
        Column(name="zemepisna_delka", titles=(_("Zeměpisná délka"), "Longitude"),
               description=_("Zeměpisná délka (WGS 84)."), value=lambda page, published: page.longitude,
               datatype={"base": "decimal", "minimum": -180, "maximum": 180}),
        Column(name="telefon", titles=(_("Telefon"), "Phone"), description=_("Telefon."),
               value=lambda page, published: page.phone),
        Column(name="email", titles=(_("E-mail"), "E-mail"), description=_("E-mail."),
               value=lambda page, published: page.email),
        Column(name="web", titles=(_("Web"), "Website"), description=_("Web pracoviště."),
               value=lambda page, published: page.web_url, datatype="anyURI"),
        Column(name="objednani", titles=(_("Objednání"), "Booking"), description=_("Odkaz na objednání online."),
               value=lambda page, published: page.booking_url, datatype="anyURI"),
        Column(name="pristupnost", titles=(_("Přístupnost"), "Accessibility"),
               description=_("Bezbariérový přístup a další pomoc."),
               value=lambda page, published: page.accessibility),
        Column(name="uredni_hodiny", titles=(_("Úřední hodiny"), "Office hours"),
               description=_("Úřední hodiny v týdnu, jak je čtou lidé; po intervalech jsou v souboru "
                             "pracoviste-hodiny."), value=lambda page, published: readable_hours(page)),
        Column(name="vyjimky", titles=(_("Výjimky"), "Exceptions"),
               description=_("Výjimky z úředních hodin (datum, zavřeno nebo jiná doba, důvod), oddělené „;“."),
               value=lambda page, published: readable_exceptions(page)),
        links("sluzby", (_("Služby"), "Services"), _("Služby, které se tu vyřizují: slug ze souboru služeb."),
              "sluzby", lambda page, published: slugs(published.services_at_counter(page))),
        CHANGED,
    ),
    rows=lambda published: published.counters,
)

COUNTER_HOURS = Dataset(
    name="pracoviste-hodiny",
    title=_("Úřední hodiny pracovišť po intervalech"),
    title_en="Office hours of counters by interval",
    description=_("Týdenní úřední hodiny strojově: jeden řádek za každý interval, den s polední přestávkou "
                  "má dva řádky."),
    description_en="Weekly office hours for machines: one row per interval, a day with a lunch break has two.",
    keywords=("úřední hodiny", "pracoviště"),
    keywords_en=("office hours", "service counters"),
    eurovoc=(vocabularies.EUROVOC_POLITICS,),
    columns=(
        Column(name="pracoviste", titles=(_("Pracoviště"), "Counter"),
               description=_("Slug pracoviště ze souboru pracovišť."), value=lambda row, published: row[0].slug,
               references="pracoviste", required=True),
        Column(name="den_v_tydnu", titles=(_("Den v týdnu"), "Day of week"),
               description=_("Den v týdnu podle ISO 8601: 1 = pondělí … 7 = neděle."),
               value=lambda row, published: row[1].weekday + 1,
               datatype={"base": "integer", "minimum": 1, "maximum": 7}, required=True),
        Column(name="den", titles=(_("Den"), "Day"), description=_("Název dne."),
               value=lambda row, published: row[1].get_weekday_display()),
        Column(name="od", titles=(_("Od"), "Opens"), description=_("Otevírá v (HH:MM)."),
               value=lambda row, published: row[1].opens, datatype=HOUR_MINUTE, required=True),
        Column(name="do", titles=(_("Do"), "Closes"), description=_("Zavírá v (HH:MM)."),
               value=lambda row, published: row[1].closes, datatype=HOUR_MINUTE, required=True),
    ),
    rows=hour_rows,
    key=("pracoviste", "den_v_tydnu", "od"),
)

DOCUMENTS = Dataset(
    name="doklady",
    title=_("Doklady"),
    title_en="Documents",
    description=_("Doklady, které mohou služby vyžadovat, jak je získat, a zda si údaje úřad zjistí sám ze "
                  "základních registrů (pak je občan nosit nemusí)."),
    description_en="Documents services may require, how to get them, and whether the office looks the data up "
                   "in the base registers itself (so the citizen need not bring them).",
    keywords=("doklady", "základní registry", "služby veřejné správy"),
    keywords_en=("documents", "base registers", "public services"),
    eurovoc=(vocabularies.EUROVOC_POLITICS, vocabularies.EUROVOC_LAW),
    columns=(
        uri_column("document"),
        slug_column(_("Zkratka, jedinečná.")),
        Column(name="nazev", titles=(_("Název"), "Title"), description=_("Název."),
               value=lambda row, published: row.name, required=True),
        Column(name="lidove_nazvy", titles=(_("Lidové názvy"), "Lay names"),
               description=_("Jak dokladu říkají lidé, oddělené „|“."),
               value=lambda row, published: terms(row.lay_names), many=True),
        Column(name="popis", titles=(_("Popis"), "Description"), description=_("Co to je."),
               value=lambda row, published: row.description),
        Column(name="jak_ziskat", titles=(_("Jak získat"), "How to get it"), description=_("Jak doklad získat."),
               value=lambda row, published: row.how_to_get),
        Column(name="kde_ziskat", titles=(_("Kde získat"), "Where to get it"),
               description=_("Adresa životní situace, která popisuje, jak doklad získat."),
               value=lambda row, published: published.page_url(row.obtain_situation)
               if published.is_public_page(row.obtain_situation) else "", datatype="anyURI"),
        Column(name="urad_si_zjisti_sam", titles=(_("Úřad si zjistí sám"), "Office looks it up"),
               description=_("true, když si úřad údaje zjistí sám ze základních registrů."),
               value=lambda row, published: row.fetched_by_office, datatype=BOOLEAN),
        links("sluzby", (_("Služby"), "Services"), _("Služby, které doklad uvádějí: slug ze souboru služeb."),
              "sluzby", lambda row, published: slugs(published.services_needing_document(row))),
    ),
    rows=lambda published: published.documents,
)

FORMS = Dataset(
    name="formulare",
    title=_("Formuláře"),
    title_en="Forms",
    description=_("Online formuláře a tiskopisy ke službám, s odkazem a s tím, zda vyžadují elektronickou "
                  "identitu nebo datovou schránku."),
    description_en="Online forms and printable forms of the services, with their link and whether they need "
                   "an electronic identity or a data box.",
    keywords=("formuláře", "tiskopisy", "elektronické podání"),
    keywords_en=("forms", "printable forms", "online filing"),
    eurovoc=(vocabularies.EUROVOC_POLITICS,),
    columns=(
        uri_column("form"),
        slug_column(_("Zkratka, jedinečná.")),
        Column(name="nazev", titles=(_("Název"), "Title"), description=_("Název."),
               value=lambda row, published: row.title, required=True),
        Column(name="druh", titles=(_("Druh"), "Kind"), description=_("Online formulář, nebo Tiskopis k vytištění."),
               value=lambda row, published: row.get_kind_display()),
        Column(name="odkaz", titles=(_("Odkaz"), "Link"), description=_("Odkaz na formulář nebo soubor tiskopisu."),
               value=lambda row, published: published.absolute(row.link), datatype="anyURI"),
        Column(name="popis", titles=(_("Popis"), "Description"), description=_("Popis."),
               value=lambda row, published: row.description),
        Column(name="vyzaduje_identitu", titles=(_("Vyžaduje identitu"), "Needs electronic identity"),
               description=_("true, když je potřeba elektronická identita."),
               value=lambda row, published: row.requires_identity, datatype=BOOLEAN),
        Column(name="datovou_schrankou", titles=(_("Datovou schránkou"), "Through a data box"),
               description=_("true, když se podává datovou schránkou."),
               value=lambda row, published: row.requires_data_box, datatype=BOOLEAN),
        links("sluzby", (_("Služby"), "Services"), _("Služby, ke kterým formulář patří: slug ze souboru služeb."),
              "sluzby", lambda row, published: slugs(published.services_using_form(row))),
    ),
    rows=lambda published: published.forms,
)

FEES = Dataset(
    name="poplatky",
    title=_("Poplatky"),
    title_en="Fees",
    description=_("Poplatky služeb v korunách. Řádky jedné služby jsou možnosti (podle způsobu podání nebo "
                  "případu), ne položky k sečtení."),
    description_en="Fees of the services in Czech crowns. Rows of one service are alternatives (by channel or "
                   "case), not items to add up.",
    keywords=("poplatky", "správní poplatky", "služby veřejné správy"),
    keywords_en=("fees", "administrative fees", "public services"),
    eurovoc=(vocabularies.EUROVOC_POLITICS, vocabularies.EUROVOC_FINANCE),
    columns=(
        Column(name="uri", titles=(_("Identifikátor"), "Identifier"),
               description=_("Stálý identifikátor poplatku (URI)."),
               value=lambda row, published: identifiers.fee_uri(row[0], row[1]), datatype="anyURI", required=True),
        Column(name="sluzba", titles=(_("Služba"), "Service"), description=_("Slug služby ze souboru služeb."),
               value=lambda row, published: row[0].slug, references="sluzby", required=True),
        Column(name="sluzba_nazev", titles=(_("Název služby"), "Service title"), description=_("Název služby."),
               value=lambda row, published: row[0].title),
        Column(name="poradi", titles=(_("Pořadí"), "Position"), description=_("Pořadí poplatku u služby (1, 2, …)."),
               value=lambda row, published: row[1], datatype={"base": "integer", "minimum": 1}, required=True),
        Column(name="za_co", titles=(_("Za co"), "What for"), description=_("Za co se platí."),
               value=lambda row, published: row[2].label),
        Column(name="castka", titles=(_("Částka"), "Amount"), description=_("Částka s desetinnou tečkou."),
               value=lambda row, published: row[2].amount, datatype={"base": "decimal", "minimum": 0},
               required=True),
        Column(name="mena", titles=(_("Měna"), "Currency"), description=_("Měna (ISO 4217)."),
               value=lambda row, published: "CZK"),
        Column(name="kanal", titles=(_("Způsob podání"), "Channel"),
               description=_("Platí při podání: jakkoli, Osobně, nebo Online."),
               value=lambda row, published: row[2].get_channel_display()),
        Column(name="jak_zaplatit", titles=(_("Jak zaplatit"), "How to pay"), description=_("Jak zaplatit."),
               value=lambda row, published: row[2].how_to_pay),
        Column(name="plati_od", titles=(_("Platí od"), "Valid from"),
               description=_("Od kdy částka platí (datum)."), value=lambda row, published: row[2].valid_from,
               datatype=DATE),
    ),
    rows=fee_rows,
    key=("sluzba", "poradi"),
)

COUNT = {"base": "integer", "minimum": 0}


def _capacity_column(name, titles, description, value, **kwargs):
    return Column(name=name, titles=titles, description=description, value=lambda row, published: value(row),
                  **kwargs)


BOOKING_CAPACITY = Dataset(
    name="objednavani-kapacita",
    title=_("Volná místa pro objednání po dnech"),
    title_en="Free places to book, by day",
    description=_("Kolik míst mají služby, na které se lze objednat, na jednotlivých pracovištích každý den od "
                  "dneška po nejzazší den, na který se lze objednat: všechna místa, místa k objednání (zbytek "
                  "zůstává lidem bez objednání), objednaná a volná. Bez osobních údajů."),
    description_en="How many places the services one can book have at each counter, every day from today to the "
                   "last day one can book: all places, places to book (the rest is kept for people without a "
                   "booking), booked and free. No personal data.",
    keywords=("objednávání", "volné termíny", "kapacita přepážek"),
    keywords_en=("booking", "free appointments", "counter capacity"),
    eurovoc=(vocabularies.EUROVOC_POLITICS, vocabularies.EUROVOC_SOCIAL_QUESTIONS),
    columns=(
        _capacity_column("datum", (_("Den"), "Day"), _("Den (datum)."), lambda row: row.date, datatype=DATE,
                         required=True),
        _capacity_column("sluzba", (_("Služba"), "Service"), _("Slug služby ze souboru služeb."),
                         lambda row: row.setup.service.slug, references="sluzby", required=True),
        _capacity_column("sluzba_nazev", (_("Název služby"), "Service title"), _("Název služby."),
                         lambda row: row.setup.service.title),
        _capacity_column("pracoviste", (_("Pracoviště"), "Counter"), _("Slug pracoviště ze souboru pracovišť."),
                         lambda row: row.setup.counter.slug, references="pracoviste", required=True),
        _capacity_column("pracoviste_nazev", (_("Název pracoviště"), "Counter title"), _("Název pracoviště."),
                         lambda row: row.setup.counter.title),
        _capacity_column("delka_terminu_min", (_("Délka termínu (min)"), "Slot length (min)"),
                         _("Délka jednoho termínu v minutách."), lambda row: row.setup.slot_minutes,
                         datatype={"base": "integer", "minimum": 1}),
        _capacity_column("terminu", (_("Termínů"), "Slots"), _("Počet termínů toho dne."), lambda row: row.slots,
                         datatype=COUNT),
        _capacity_column("mist_celkem", (_("Míst celkem"), "Places in all"),
                         _("Míst u všech přepážek dohromady, i pro lidi bez objednání."),
                         lambda row: row.desk_places, datatype=COUNT),
        _capacity_column("mist_k_objednani", (_("Míst k objednání"), "Places to book"),
                         _("Z nich míst, na která se lze objednat."), lambda row: row.bookable, datatype=COUNT),
        _capacity_column("objednano", (_("Objednáno"), "Booked"), _("Objednaná místa."), lambda row: row.booked,
                         datatype=COUNT),
        _capacity_column("volno", (_("Volno"), "Free"), _("Volná místa k objednání."), lambda row: row.free,
                         datatype=COUNT),
    ),
    rows=lambda published: daily_capacity(),
    key=("datum", "sluzba", "pracoviste"),
)

DATASETS = (SITUATIONS, SERVICES, COUNTERS, COUNTER_HOURS, DOCUMENTS, FORMS, FEES, BOOKING_CAPACITY)
BY_NAME = {dataset.name: dataset for dataset in DATASETS}
