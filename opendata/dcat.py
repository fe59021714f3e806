"""The catalogue of the open data in DCAT-AP 3.0.1 and its Czech profile DCAT-AP-CZ, for harvesters.

One catalog; a dataset per published file (the CSV files and the CPSV-AP graph), each with one distribution;
the read-only API as a data service. The Czech national catalogue (NKOD) can register the office's catalogue
as a local one (LKOD, the "DCAT-AP Dokumenty" interface of the open formal norm "Rozhraní katalogů otevřených
dat"): it reads the catalogue, then each dataset's IRI, which answers with that dataset's complete record.

What NKOD needs and where it comes from: titles, descriptions and keywords in Czech and English (the datasets'
declarations), the publisher as the office's IRI in the register of public authorities (settings
OPEN_DATA_PUBLISHER), the EU data theme and EuroVoc themes, spatial coverage as RÚIAN units (settings
OPEN_DATA_RUIAN), periodicity, documentation (the /otevrena-data/ page), and per distribution its format,
media type, schema (`dct:conformsTo`: the CSV on the Web metadata, or CPSV-AP) and terms of use
(`pu:specifikace`). Every referenced resource says what it is, as DCAT-AP's range shapes require.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from navigator.address import absolute

from . import identifiers, vocabularies
from .jsonld import Graph, cs, ref, texts, typed

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "pu": "https://data.gov.cz/slovník/podmínky-užití/",
}


@dataclass(frozen=True, kw_only=True)
class GraphFile:
    """A published file that is a graph rather than a table: what the catalogue says of it."""

    name: str
    filename: str
    url_name: str
    title: str
    title_en: str
    description: str
    description_en: str
    keywords: tuple
    keywords_en: tuple
    eurovoc: tuple
    conforms_to: vocabularies.Term
    format: vocabularies.FileFormat = vocabularies.JSON_LD


CPSV_DATASET = GraphFile(
    name="katalog-cpsv",
    filename="katalog-cpsv.jsonld",
    url_name="opendata:cpsv",
    title=gettext_lazy("Katalog služeb a životních situací (CPSV-AP)"),
    title_en="Catalogue of services and life situations (CPSV-AP)",
    description=gettext_lazy(
        "Celý katalog v jednom souboru JSON-LD podle evropského slovníku veřejných služeb CPSV-AP 3.2.0: životní "
        "situace (cv:LifeEvent, cv:BusinessEvent), služby (cpsv:PublicService) s doklady (cv:Evidence), "
        "způsoby podání a pracovišti s úředními hodinami (cv:Channel), poplatky (cv:Cost) a úřady "
        "(cv:PublicOrganisation); každá věc má stálý identifikátor (URI)."),
    description_en="The whole catalogue in one JSON-LD file following the EU Core Public Service Vocabulary "
                   "Application Profile 3.2.0: life and business events, public services with their evidence, "
                   "channels and counters with office hours, costs and public organisations, each with a "
                   "stable URI.",
    keywords=("životní situace", "služby veřejné správy", "CPSV-AP", "propojená data"),
    keywords_en=("life events", "public services", "CPSV-AP", "linked data"),
    eurovoc=(vocabularies.EUROVOC_POLITICS, vocabularies.EUROVOC_LAW, vocabularies.EUROVOC_SOCIAL_QUESTIONS),
    conforms_to=vocabularies.CPSV_AP,
)


def catalog_uri():
    return identifiers.uri("catalog")


def dataset_uri(name):
    return identifiers.uri("dataset", name)


class CatalogueBuilder:
    """The DCAT-AP graph of the catalogue, from the published content and the files' declarations."""

    def __init__(self, published, csv_datasets):
        self.published = published
        self.csv_datasets = csv_datasets
        self.request = published.request
        self.office = published.office
        self.page = absolute(reverse("opendata:index"))
        self.graph = Graph()

    def absolute(self, url_name, *args):
        return absolute(reverse(url_name, args=args))

    def modified(self):
        latest = self.published.latest_change
        return typed(latest.isoformat(timespec="seconds"), "xsd:dateTime") if latest else None

    # -----------------------------------------------------------------------------------------------------
    # What every dataset shares

    def publisher(self):
        return self.graph.add({"@id": identifiers.publisher_uri(), "@type": "foaf:Agent",
                               "foaf:name": cs(self.office.office_name)})

    def contact_point(self):
        return self.graph.add({
            "@id": identifiers.uri("catalog", "kontaktni-bod"),
            "@type": ["vcard:Organization", "vcard:Kind"],
            "vcard:fn": cs(self.office.office_name),
            "vcard:hasEmail": ref(f"mailto:{self.office.email}") if self.office.email else None,
        })

    def terms_of_use(self):
        """The Czech „podmínky užití“ of every distribution (see vocabularies.TermsOfUse)."""
        terms = vocabularies.TERMS
        author = cs(self.office.office_name)
        return {
            "@type": "pu:Specifikace",
            "pu:autorské-dílo": self.graph.term(terms.work, "dct:LicenseDocument", label="dct:title"),
            "pu:autor": author,
            "pu:databáze-jako-autorské-dílo": self.graph.term(terms.database_as_work, "dct:LicenseDocument",
                                                              label="dct:title"),
            "pu:autor-databáze": author,
            "pu:databáze-chráněná-zvláštními-právy": self.graph.term(terms.database_special_right,
                                                                     "dct:LicenseDocument", label="dct:title"),
            "pu:osobní-údaje": self.graph.term(terms.personal_data, "skos:Concept"),
        }

    def licence(self):
        return self.graph.term(vocabularies.LICENCE, "dct:LicenseDocument", label="dct:title")

    def language(self):
        return self.graph.term(vocabularies.LANGUAGE_CZECH, "dct:LinguisticSystem")

    def spatial(self):
        return [self.graph.term(area, "dct:Location") for area in vocabularies.office_area()]

    # -----------------------------------------------------------------------------------------------------

    def add_dataset(self, about, download_url, schema):
        """A dataset and its one distribution; `schema` is the dct:Standard node its file conforms to."""
        dataset, distribution = dataset_uri(about.name), identifiers.uri("dataset", about.name, about.format.extension)
        modified = self.modified()
        self.graph.add({
            "@id": distribution,
            "@type": "dcat:Distribution",
            "dct:title": texts(about.title, about.title_en),
            "dcat:accessURL": ref(download_url),
            "dcat:downloadURL": ref(download_url),
            "dct:format": self.graph.term(about.format.file_type, "dct:MediaTypeOrExtent"),
            "dcat:mediaType": self.graph.term(about.format.media_type, "dct:MediaType"),
            "dct:conformsTo": schema,
            "dct:license": self.licence(),
            "pu:specifikace": self.terms_of_use(),
            "dct:modified": modified,
        })
        themes = [self.graph.term(vocabularies.THEME_GOVERNMENT, "skos:Concept")]
        themes += [self.graph.term(term, "skos:Concept") for term in about.eurovoc]
        return self.graph.add({
            "@id": dataset,
            "@type": "dcat:Dataset",
            "dct:identifier": about.name,
            "dct:title": texts(about.title, about.title_en),
            "dct:description": texts(about.description, about.description_en),
            "dcat:keyword": [cs(word) for word in about.keywords] + [{"@value": word, "@language": "en"}
                                                                    for word in about.keywords_en],
            "dct:publisher": ref(self.publisher()),
            "dcat:contactPoint": ref(self.contact_point()),
            "dcat:theme": themes,
            "dct:accrualPeriodicity": self.graph.term(vocabularies.FREQUENCY_CONTINUOUS, "dct:Frequency",
                                                      "skos:Concept"),
            "dct:spatial": self.spatial(),
            "dct:language": self.language(),
            "dcat:landingPage": self.graph.document(f"{self.page}#{about.name}"),
            "foaf:page": self.graph.document(self.page),
            "dcat:distribution": ref(distribution),
            "dct:modified": modified,
        })

    def csv_schema(self, dataset):
        url = self.absolute("opendata:csv_schema", dataset.name)
        self.graph.add({"@id": url, "@type": "dct:Standard",
                        "dct:title": texts(_("Schéma souboru %(file)s (CSV on the Web)") % {"file": dataset.filename},
                                           f"Schema of {dataset.filename} (CSV on the Web)"),
                        "dct:conformsTo": ref(vocabularies.CSVW.iri)})
        return ref(url)

    def build(self):
        datasets = [self.add_dataset(dataset, self.absolute("opendata:csv", dataset.name), self.csv_schema(dataset))
                    for dataset in self.csv_datasets]
        cpsv = CPSV_DATASET
        datasets.append(self.add_dataset(cpsv, self.absolute(cpsv.url_name),
                                         self.graph.term(cpsv.conforms_to, "dct:Standard", label="dct:title")))
        api = self.graph.add({
            "@id": identifiers.uri("catalog", "api"),
            "@type": "dcat:DataService",
            "dct:title": texts(_("API pro čtení stránek a úryvků (Wagtail API v2)"),
                               "Read-only API of pages and snippets (Wagtail API v2)"),
            "dcat:endpointURL": ref(absolute("/api/v2/")),
            "dcat:endpointDescription": ref(f"{self.page}#api"),
            "dcat:servesDataset": [ref(uri) for uri in datasets],
            "dct:publisher": ref(self.publisher()),
            "dcat:contactPoint": ref(self.contact_point()),
            "dct:license": self.licence(),
            "dcat:landingPage": self.graph.document(f"{self.page}#api"),
        })
        office = self.office.office_name
        self.graph.add({
            "@id": catalog_uri(),
            "@type": "dcat:Catalog",
            "dct:title": texts(_("Otevřená data: %(office)s – životní situace a služby") % {"office": office},
                               f"Open data: {office} – life situations and services"),
            "dct:description": texts(
                _("Životní situace, služby, pracoviště s úředními hodinami, doklady, formuláře a poplatky úřadu "
                  "jako otevřená data."),
                "Life situations, services, counters with office hours, documents, forms and fees of the office "
                "as open data."),
            "dct:publisher": ref(self.publisher()),
            "dcat:contactPoint": ref(self.contact_point()),
            "foaf:homepage": self.graph.document(self.page),
            "dct:language": self.language(),
            "dct:license": self.licence(),
            "dct:spatial": self.spatial(),
            "dcat:dataset": [ref(uri) for uri in datasets],
            "dcat:service": ref(api),
            "dct:modified": self.modified(),
        })
        # The catalog first: harvesters and people reading the file start there.
        catalog = self.graph.nodes.pop(catalog_uri())
        return {"@context": CONTEXT, "@graph": [catalog, *self.graph.nodes.values()]}


def build_dcat(published, csv_datasets):
    """The DCAT-AP JSON-LD document of the whole catalogue, as a dict ready for json.dumps."""
    with translation.override("cs"):
        return CatalogueBuilder(published, csv_datasets).build()


def dataset_record(document, name):
    """One dataset's complete record, as NKOD fetches it from the dataset's IRI: the dataset, its distribution
    and every node they refer to (publisher, themes, formats, terms of use), but not the other datasets."""
    nodes = {node["@id"]: node for node in document["@graph"]}
    wanted = dataset_uri(name)
    if wanted not in nodes:
        return None
    others = {uri for uri, node in nodes.items() if uri != wanted and node.get("@type") in (
        "dcat:Dataset", "dcat:Catalog", "dcat:DataService")}
    kept, queue = {}, [wanted]
    while queue:
        uri = queue.pop()
        if uri in kept or uri not in nodes or uri in others:
            continue
        kept[uri] = nodes[uri]
        queue.extend(_references(nodes[uri]))
    return {"@context": document["@context"], "@graph": list(kept.values())}


def _references(value):
    if isinstance(value, dict):
        if set(value) == {"@id"}:
            yield value["@id"]
        for key, item in value.items():
            if key != "@id":
                yield from _references(item)
    elif isinstance(value, list):
        for item in value:
            yield from _references(item)
