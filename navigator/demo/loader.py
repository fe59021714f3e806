"""Loads the demo catalog from the YAML files in data/ into snippets and pages, idempotently.

Each record's content is hashed; a record whose hash matches what was loaded last time is left alone, so a
second run writes nothing, and a changed data file updates (and republishes) exactly the records it changed.
"""

import hashlib
import re
import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property
from pathlib import Path

from django.db import transaction
from modelcluster.models import ClusterableModel, get_all_child_relations
from wagtail.models import Orderable, Page, Site

from booking.models import BookingHours, BookingSetup
from languages.locales import in_default_language
from legal.models import AccessibilityStatementPage, PrivacyNoticePage
from navigator.address import align_default_site, host_and_port
from navigator.models import OfficeSettings
from services.fees import FeeKind, FeePeriod
from services.hours import WEEKDAY_CODES, parse_interval
from services.models import (
    ApplicationForm,
    Audience,
    CounterException,
    CounterIndexPage,
    CounterPage,
    Department,
    OpeningHours,
    RequiredDocument,
    ServiceDocument,
    ServiceFee,
    ServiceIndexPage,
    ServiceLegalReference,
    ServicePage,
)
from situations import guide
from situations.fee_conditions import errors_against
from situations.models import (
    HomePage,
    JourneyPage,
    JourneyStep,
    SituationDeadline,
    SituationDocument,
    SituationFAQ,
    SituationLegalReference,
    SituationPage,
    SituationQuestion,
    SituationRelated,
    SituationServiceCondition,
    SituationStep,
    SituationStepService,
    TopicPage,
)

from .models import LoadedRecord
from .translated import TranslationLoader
from .translations import read_yaml

DATA_DIR = Path(__file__).resolve().parent / "data"
# A link between pages in the data's rich text: <a href="page:obcansky-prukaz">.
PAGE_LINK = re.compile(r'href="page:([\w-]+)"')
# Bump when the loader maps data to models differently, so every record is written again.
LOADER_VERSION = 5

OFFICE = {
    "office_name": "Úřad městské části Praha 99",
    "address": "Náměstí Míru 1, 199 00 Praha 99",
    "phone": "+420 222 000 111",
    "email": "podatelna@praha99.example.cz",
    "data_box": "abc99de",
    "demo_content": True,
}


class DataError(Exception):
    """A data file is malformed or refers to something that does not exist."""


@dataclass
class LoadReport:
    created: dict = field(default_factory=dict)
    updated: dict = field(default_factory=dict)
    unchanged: int = 0

    def count(self, bucket, kind):
        bucket[kind] = bucket.get(kind, 0) + 1

    @property
    def changed(self):
        return bool(self.created or self.updated)

    def __str__(self):
        parts = [f"created {sum(self.created.values())}", f"updated {sum(self.updated.values())}",
                 f"unchanged {self.unchanged}"]
        details = ", ".join(f"{kind} +{n}" for kind, n in sorted(self.created.items()))
        details += (", " if details and self.updated else "") + ", ".join(
            f"{kind} ~{n}" for kind, n in sorted(self.updated.items()))
        return "; ".join(parts) + (f" ({details})" if details else "")


def read_catalog(data_dir=DATA_DIR):
    def read(name):
        return read_yaml(data_dir / name) or []

    situations = {}
    for path in sorted((data_dir / "situations").glob("*.yaml")):
        situations[path.stem] = read_yaml(path) or []
    return {
        "departments": read("departments.yaml"), "counters": read("counters.yaml"),
        "documents": read("documents.yaml"), "forms": read("forms.yaml"), "services": read("services.yaml"),
        "topics": read("topics.yaml"), "situations": situations, "site": read("site.yaml"),
        "legal": read("legal.yaml"), "booking": read("booking.yaml"),
        "journeys": read("journeys.yaml") if (data_dir / "journeys.yaml").exists() else [],
    }


def digest(record):
    encoded = json.dumps([LOADER_VERSION, record], sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def audience_of(values):
    values = set(values or ["citizens"])
    if values == {"citizens"}:
        return Audience.CITIZENS
    if values == {"businesses"}:
        return Audience.BUSINESSES
    if values == {"citizens", "businesses"}:
        return Audience.BOTH
    raise DataError(f"unknown audience {sorted(values)}")


def terms(values):
    return ", ".join(values or [])


def czech(model):
    """The model's Czech objects: the demo catalog is written in Czech, its translations come after it."""
    return in_default_language(model.objects)


def number_rows(instance):
    """Give the page's orderable rows (and their own rows) their positions, as the edit form does."""
    for relation in get_all_child_relations(instance):
        for position, row in enumerate(getattr(instance, relation.get_accessor_name()).all()):
            if isinstance(row, Orderable):
                row.sort_order = position
            if isinstance(row, ClusterableModel):
                number_rows(row)


class Loader:
    def __init__(self, data=None, progress=None):
        self.data = data if data is not None else read_catalog()
        self.report = LoadReport()
        self.progress = progress or (lambda kind, done, total: None)
        self.seen = {row.kind + ":" + row.slug: row for row in LoadedRecord.objects.all()}
        self.new_shells = set()

    # -- bookkeeping -------------------------------------------------------------------------------

    def is_current(self, kind, slug, record, exists):
        row = self.seen.get(f"{kind}:{slug}")
        return exists and row is not None and row.digest == digest(record)

    def remember(self, kind, slug, record, created):
        LoadedRecord.objects.update_or_create(kind=kind, slug=slug, defaults={"digest": digest(record)})
        self.report.count(self.report.created if created else self.report.updated, kind)

    def lookup(self, model, slug, what):
        try:
            return self._cache[model][slug]
        except KeyError:
            raise DataError(f"{what} refers to unknown {model.__name__} '{slug}'") from None

    def refresh_cache(self):
        self._cache = {
            model: {obj.slug: obj for obj in czech(model)}
            for model in (Department, RequiredDocument, ApplicationForm, CounterPage, ServicePage, SituationPage)
        }

    # -- the whole run -----------------------------------------------------------------------------

    @transaction.atomic
    def run(self):
        home = self.ensure_site()
        self.refresh_cache()
        self.load_snippets(Department, "departments", self.department_fields)
        self.load_snippets(ApplicationForm, "forms", self.form_fields)
        self.load_snippets(RequiredDocument, "documents", self.document_fields)
        self.refresh_cache()
        counter_index = self.ensure_index(home, CounterIndexPage, self.data["site"]["counter_index"])
        service_index = self.ensure_index(home, ServiceIndexPage, self.data["site"]["service_index"])
        self.load_pages("counters", self.data["counters"], CounterPage, counter_index, self.apply_counter)
        topics = self.load_topics(home)
        situations = [(topic_slug, record) for topic_slug, records in self.data["situations"].items()
                      for record in records]
        for topic_slug, _record in situations:
            if topic_slug not in topics:
                raise DataError(f"situations/{topic_slug}.yaml has no topic of that slug in topics.yaml")
        # Pages link to each other (related situations, links in their texts), so every service and situation
        # exists before any is filled in.
        self.ensure_shells(ServicePage, [(service_index, record) for record in self.data["services"]],
                           provider=True)
        self.ensure_shells(SituationPage, [(topics[topic], record) for topic, record in situations])
        self.refresh_cache()
        self.load_pages("services", self.data["services"], ServicePage, service_index, self.apply_service)
        self.refresh_cache()
        self.load_booking()
        self.load_pages("situations", [record for _topic, record in situations], SituationPage, None,
                        self.apply_situation, parents={record["slug"]: topics[topic] for topic, record in situations})
        self.link_documents_to_services()
        for topic_slug, records in self.data["situations"].items():
            self.order_children(topics[topic_slug], [record["slug"] for record in records])
        self.refresh_cache()
        self.load_journeys(home)
        self.load_legal_pages(home)
        TranslationLoader(self).run()
        return self.report

    def ensure_site(self):
        settings_changed = False
        home = czech(HomePage).first()
        if home is None:
            root = Page.get_first_root_node()
            for page in root.get_children():
                if not isinstance(page.specific, HomePage) and page.slug == "home":
                    page.delete()  # Wagtail's own welcome page
            texts = self.data["site"]["home"]
            home = root.add_child(instance=HomePage(title=texts["title"], slug="home", intro=texts["intro"]))
            home.save_revision().publish()
            self.report.count(self.report.created, "home")
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            hostname, port = host_and_port()
            Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True,
                                site_name="Životní situace")
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.save()
        align_default_site()
        office = OfficeSettings.for_site(Site.objects.get(is_default_site=True))
        for name, value in OFFICE.items():
            if getattr(office, name) != value:
                setattr(office, name, value)
                settings_changed = True
        if settings_changed:
            office.save()
            self.report.count(self.report.updated, "office")
        return home

    def load_legal_pages(self, home):
        """The accessibility statement and the privacy notice, linked from every page's footer."""
        legal = self.data.get("legal") or {}
        for name, model in (("accessibility_statement", AccessibilityStatementPage),
                            ("privacy_notice", PrivacyNoticePage)):
            if name not in legal:
                continue
            self.load_pages("legal", [legal[name]], model, home, self.apply_legal_page)
            office = OfficeSettings.for_site(Site.objects.get(is_default_site=True))
            if getattr(office, f"{name}_id") is None:
                setattr(office, name, in_default_language(model.objects).get(slug=legal[name]["slug"]))
                office.save()

    def apply_legal_page(self, page, record):
        for name, value in record.items():
            if name != "slug":
                setattr(page, name, date.fromisoformat(str(value)) if name.endswith("_on") else value)

    def ensure_index(self, home, model, texts):
        page = model.objects.child_of(home).first()
        if page is None:
            page = home.add_child(instance=model(title=texts["title"], slug=texts["slug"], intro=texts["intro"]))
            page.save_revision().publish()
            self.report.count(self.report.created, texts["slug"])
        return page

    # -- snippets ----------------------------------------------------------------------------------

    def load_snippets(self, model, kind, fields_of):
        records = self.data[kind]
        for done, record in enumerate(records, 1):
            slug = record["slug"]
            existing = czech(model).filter(slug=slug).first()
            if self.is_current(kind, slug, record, existing is not None):
                self.report.unchanged += 1
            else:
                obj = existing or model(slug=slug)
                for name, value in fields_of(record).items():
                    setattr(obj, name, value)
                obj.full_clean()
                obj.save()
                self.remember(kind, slug, record, existing is None)
            self.progress(kind, done, len(records))

    def department_fields(self, record):
        return {"name": record["name"], "description": record.get("description", ""),
                "email": record.get("email", ""), "phone": record.get("phone", "")}

    def form_fields(self, record):
        return {"title": record["title"], "description": record.get("description", ""),
                "url": record.get("url", ""), "kind": record.get("kind", "online"),
                "requires_identity": bool(record.get("requires_identity")),
                "requires_data_box": bool(record.get("requires_data_box"))}

    def document_fields(self, record):
        return {"name": record["name"], "lay_names": terms(record.get("lay_names")),
                "description": record.get("description", ""), "how_to_get": record.get("how_to_get", ""),
                "fetched_by_office": bool(record.get("fetched_by_office"))}

    def link_documents_to_services(self):
        """Each document's "Nemáte ho?": the service that issues it."""
        self.refresh_cache()
        for record in self.data["documents"]:
            wanted = record.get("issued_by")
            document = self._cache[RequiredDocument][record["slug"]]
            service = self.lookup(ServicePage, wanted, f"document {record['slug']}") if wanted else None
            wanted_id = service.pk if service else None
            if document.issued_by_id != wanted_id:
                document.issued_by_id = wanted_id
                document.save(update_fields=["issued_by"])

    def load_booking(self):
        """Booking setups, one per service and counter (the record's key is "service@counter")."""
        records = self.data.get("booking") or []
        for done, record in enumerate(records, 1):
            key = f"{record['service']}@{record['counter']}"
            service = self.lookup(ServicePage, record["service"], f"booking {key}")
            counter = self.lookup(CounterPage, record["counter"], f"booking {key}")
            existing = BookingSetup.objects.filter(service=service, counter=counter).first()
            if self.is_current("booking", key, record, existing is not None):
                self.report.unchanged += 1
            else:
                setup = existing or BookingSetup(service=service, counter=counter)
                for name in ("slot_minutes", "desks", "days_ahead", "notice_hours", "walk_in_percent"):
                    if name in record:
                        setattr(setup, name, record[name])
                setup.hours = [BookingHours(weekday=weekday, opens=opens, closes=closes)
                               for weekday, opens, closes in self.weekly(record.get("hours"), f"booking {key}")]
                setup.full_clean()
                setup.save()
                self.remember("booking", key, record, existing is None)
            self.progress("booking", done, len(records))

    @staticmethod
    def weekly(hours, what):
        """(weekday, opens, closes) from {po: ["08:00-12:00", ...], ...}."""
        rows = []
        for code, intervals in (hours or {}).items():
            if code not in WEEKDAY_CODES:
                raise DataError(f"{what}: unknown day '{code}' (use po, ut, st, ct, pa, so, ne)")
            for interval in intervals:
                rows.append((WEEKDAY_CODES[code], *parse_interval(interval)))
        return rows

    # -- pages -------------------------------------------------------------------------------------

    def load_pages(self, kind, records, model, parent, apply, parents=None):
        for done, record in enumerate(records, 1):
            slug = record["slug"]
            existing = czech(model).filter(slug=slug).first()
            if self.is_current(kind, slug, record, existing is not None):
                self.report.unchanged += 1
                self.progress(kind, done, len(records))
                continue
            page = existing.get_latest_revision_as_object() if existing else model(slug=slug)
            apply(page, record)
            number_rows(page)
            # The rows are saved before the revision is taken, so the revision holds their ids and positions as
            # an edit form would: the compare of an editor's later draft then matches them row for row.
            if existing is None:
                (parents[slug] if parents else parent).add_child(instance=page)
            else:
                page.save()
            page.save_revision().publish()
            self.remember(kind, slug, record, existing is None or slug in self.new_shells)
            self.progress(kind, done, len(records))

    def load_topics(self, home):
        topics = {}
        for record in self.data["topics"]:
            existing = czech(TopicPage).filter(slug=record["slug"]).first()
            if self.is_current("topics", record["slug"], record, existing is not None):
                self.report.unchanged += 1
                topics[record["slug"]] = existing
                continue
            page = existing.get_latest_revision_as_object() if existing else TopicPage(slug=record["slug"])
            page.title, page.intro = record["title"], record.get("intro", "")
            page.business_intro = record.get("business_intro", "")
            if existing is None:
                home.add_child(instance=page)
            page.save_revision().publish()
            self.remember("topics", record["slug"], record, existing is None)
            topics[record["slug"]] = TopicPage.objects.get(pk=page.pk)
        return topics

    def order_children(self, topic, slugs):
        """The topic's situations in the data's order: a topic such as Podnikání reads as a journey."""
        children = {page.slug: page for page in czech(SituationPage).child_of(topic)}
        wanted = [children[slug] for slug in slugs if slug in children]
        current = sorted(wanted, key=lambda page: page.path)
        if [page.pk for page in current] == [page.pk for page in wanted]:
            return
        for page in wanted:
            SituationPage.objects.get(pk=page.pk).move(topic, pos="last-child")
        self.report.count(self.report.updated, "order")

    def load_journeys(self, home):
        for record in self.data["journeys"]:
            slug = record["slug"]
            what = f"journey {slug}"
            existing = czech(JourneyPage).filter(slug=slug).first()
            if self.is_current("journeys", slug, record, existing is not None):
                self.report.unchanged += 1
                continue
            page = existing.get_latest_revision_as_object() if existing else JourneyPage(slug=slug)
            page.title, page.intro = record["title"], record["intro"]
            page.journey_steps = [
                JourneyStep(situation=self.lookup(SituationPage, row["situation"], what), title=row["title"],
                            text=row.get("text") or "")
                for row in record["steps"]
            ]
            if existing is None:
                home.add_child(instance=page)
            page.save_revision().publish()
            self.remember("journeys", slug, record, existing is None)

    def ensure_shells(self, model, records, provider=False):
        for parent, record in records:
            if not czech(model).filter(slug=record["slug"]).exists():
                extra = {"provider": record["provider"]} if provider else {}
                shell = model(slug=record["slug"], title=record["title"], summary=record["summary"], live=False,
                              **extra)
                parent.add_child(instance=shell)
                self.new_shells.add(record["slug"])

    def rich(self, text, what):
        """Rich text from the data, its `href="page:<slug>"` links made into links to those pages' addresses.

        Plain addresses rather than Wagtail's page links: a page link costs queries on every page that shows it,
        and these pages' addresses are fixed by the catalog's slugs.
        """
        def link(match):
            slug = match.group(1)
            page = self._cache[ServicePage].get(slug) or self._cache[SituationPage].get(slug)
            if page is None:
                raise DataError(f"{what} links to unknown page '{slug}'")
            return f'href="{page.url}"'

        return PAGE_LINK.sub(link, text or "")

    def apply_counter(self, page, record):
        what = f"counter {record['slug']}"
        page.department = self.lookup(Department, record["department"], what) if record.get("department") else None
        for name in ("title", "organisation", "street", "city"):
            setattr(page, name, record[name])
        page.postcode = str(record["postcode"])
        for name in ("summary", "building", "floor", "room", "phone", "email", "web_url", "booking_url",
                     "accessibility"):
            setattr(page, name, str(record.get(name) or ""))
        page.latitude = Decimal(str(record["latitude"])) if record.get("latitude") is not None else None
        page.longitude = Decimal(str(record["longitude"])) if record.get("longitude") is not None else None
        page.search_description = record.get("summary", "")
        page.opening_hours = [OpeningHours(weekday=weekday, opens=opens, closes=closes)
                              for weekday, opens, closes in self.weekly(record.get("hours"), f"counter {record['slug']}")]
        exceptions = []
        for row in record.get("exceptions") or []:
            day = row["date"] if isinstance(row["date"], date) else date.fromisoformat(row["date"])
            if row.get("closed"):
                exceptions.append(CounterException(date=day, closed=True, note=row.get("note", "")))
            for interval in row.get("hours") or []:
                opens, closes = parse_interval(interval)
                exceptions.append(CounterException(date=day, closed=False, opens=opens, closes=closes,
                                                   note=row.get("note", "")))
        page.exceptions = exceptions

    def apply_service(self, page, record):
        what = f"service {record['slug']}"
        page.title = record["title"]
        page.provider = record["provider"]
        page.department = self.lookup(Department, record["department"], what) if record.get("department") else None
        page.audience = audience_of(record.get("audience"))
        page.summary = record["summary"]
        page.last_reviewed = record.get("last_reviewed")
        page.review_due = record.get("review_due")
        page.search_description = record["summary"]
        page.lay_terms = terms(record.get("lay_terms"))
        for name in ("when_to_act", "what_you_get", "who_may_apply", "how_to_apply", "remedies"):
            setattr(page, name, self.rich(record.get(name), what))
        page.processing_time = record.get("processing_time") or ""
        page.deadline = record.get("deadline") or ""
        channels = set(record.get("channels") or [])
        unknown = channels - {"in_person", "online", "post", "data_box"}
        if unknown:
            raise DataError(f"{what}: unknown channels {sorted(unknown)}")
        for channel in ("in_person", "online", "post", "data_box"):
            setattr(page, f"channel_{channel}", channel in channels)
        page.counters = [self.lookup(CounterPage, slug, what) for slug in record.get("counters") or []]
        page.forms = [self.lookup(ApplicationForm, slug, what) for slug in record.get("forms") or []]
        page.documents = [ServiceDocument(**self.requirement(row, what)) for row in record.get("documents") or []]
        page.fees = [self.fee(row, what) for row in record.get("fees") or []]
        page.legal_references = [ServiceLegalReference(**self.legal(row)) for row in record.get("legal") or []]

    def fee(self, row, what):
        period, kind = row.get("period"), row.get("kind", FeeKind.FEE)
        if period not in FeePeriod.values:
            raise DataError(f"{what}, fee '{row['label']}': period must be one of {FeePeriod.values}, not {period!r}")
        if kind not in FeeKind.values:
            raise DataError(f"{what}, fee '{row['label']}': kind must be one of {FeeKind.values}, not {kind!r}")
        errors = errors_against(row.get("if") or "", self.asking.get(what.removeprefix("service "), []))
        if row.get("if") and errors:
            raise DataError(f"{what}, fee '{row['label']}': condition '{row['if']}': {' '.join(errors)}")
        return ServiceFee(label=row["label"], amount=Decimal(str(row["amount"])), period=period, kind=kind,
                          tariff_group=row.get("group") or "", optional=bool(row.get("optional")),
                          condition=row.get("if") or "", channel=row.get("channel", "any"),
                          how_to_pay=row.get("how_to_pay", ""), valid_from=row.get("valid_from"))

    @cached_property
    def asking(self):
        """For each service slug, the (title, questions) of the situations whose steps use it, from the data."""
        asking = {}
        for records in self.data["situations"].values():
            for record in records:
                questions = [guide.Question(row["key"], row["text"],
                                            tuple(guide.parse_options(self.options(row, record["slug"]))))
                             for row in record.get("questions") or []]
                used = dict.fromkeys(slug for step in record.get("steps") or [] for slug in step.get("services") or [])
                for slug in used:
                    asking.setdefault(slug, []).append((record["title"], questions))
        return asking

    def apply_situation(self, page, record):
        what = f"situation {record['slug']}"
        page.title = record["title"]
        page.audience = audience_of(record.get("audience"))
        page.popular = bool(record.get("popular"))
        page.summary = record["summary"]
        page.search_description = record["summary"]
        page.lay_terms = terms(record.get("lay_terms"))
        for name in ("who_may_act", "conditions", "where_to_go", "online", "remedies", "sanctions"):
            setattr(page, name, self.rich(record.get(name), what))
        page.contact = record.get("contact") or ""
        page.department = self.lookup(Department, record["department"], what) if record.get("department") else None
        page.last_reviewed = record.get("last_reviewed")
        page.review_due = record.get("review_due")
        page.date_question = record.get("date_question") or ""
        page.questions = [
            SituationQuestion(key=row["key"], text=row["text"], help_text=row.get("help") or "",
                              multiple=bool(row.get("multiple")), options=self.options(row, what))
            for row in record.get("questions") or []
        ]
        questions = [guide.Question.from_model(row) for row in page.questions.all()]
        page.steps = [
            SituationStep(title=step["title"], text=self.rich(step.get("text"), what),
                          optional=bool(step.get("optional")), urgent=bool(step.get("urgent")),
                          condition=self.condition(step, questions, what),
                          service_uses=[SituationStepService(service=self.lookup(ServicePage, slug, what))
                                        for slug in step.get("services") or []])
            for step in record.get("steps") or []
        ]
        page.service_conditions = [
            SituationServiceCondition(service=self.lookup(ServicePage, row["service"], what),
                                      condition=self.condition(row, questions, what))
            for row in record.get("service_conditions") or []
        ]
        page.documents = [SituationDocument(**self.requirement(row, what), condition=self.condition(row, questions, what))
                          for row in record.get("documents") or []]
        page.deadlines = [SituationDeadline(title=row["title"], description=row.get("description") or "",
                                            days=row.get("days"), condition=self.condition(row, questions, what))
                          for row in record.get("deadlines") or []]
        page.legal_references = [SituationLegalReference(**self.legal(row)) for row in record.get("legal") or []]
        page.faqs = [SituationFAQ(question=row["question"], answer=self.rich(row["answer"], what))
                     for row in record.get("faq") or []]
        page.related = [SituationRelated(situation=self.lookup(SituationPage, slug, what))
                        for slug in record.get("related") or []]
        page.live = True

    @staticmethod
    def options(row, what):
        """Options as YAML pairs {key: label}, stored in the editors' one-per-line form."""
        options = row.get("options") or {}
        if not isinstance(options, dict):
            raise DataError(f"{what}, question {row.get('key')}: options must be pairs 'key: label'")
        text = "\n".join(f"{key} | {label}" for key, label in options.items())
        errors = guide.option_errors(text)
        if errors:
            raise DataError(f"{what}, question {row.get('key')}: {' '.join(errors)}")
        return text

    @staticmethod
    def condition(row, questions, what):
        text = row.get("if") or ""
        errors = guide.condition_errors(text, questions)
        if errors:
            raise DataError(f"{what}: condition '{text}': {' '.join(errors)}")
        return text

    def requirement(self, row, what):
        return {"document": self.lookup(RequiredDocument, row["document"], what),
                "form": "original" if row.get("original", True) else "copy",
                "applies_when": row.get("when") or ""}

    @staticmethod
    def legal(row):
        return {"act": str(row["act"]), "section": str(row.get("section") or ""),
                "title": row.get("title") or "", "url": row.get("url") or ""}
