"""A DCAT-AP description of the open data: one catalog, a dataset per download, the API as a data service.

Harvesters (the Czech national catalog, data.europa.eu) read this to list our datasets; people read the
/otevrena-data/ page, which says the same from the same declarations (exports.DATASETS and CPSV_DATASET).
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import identifiers
from .jsonld import cs, ref

LICENSE = "https://creativecommons.org/licenses/by/4.0/"
LICENSE_NAME = "Creative Commons Uveďte původ 4.0 Mezinárodní (CC BY 4.0)"
FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/CONT"
THEME = "http://publications.europa.eu/resource/authority/data-theme/GOVE"
LANGUAGE = "http://publications.europa.eu/resource/authority/language/CES"
CPSV_AP = "http://data.europa.eu/m8g/cpsvap"

MEDIA_TYPES = {
    "csv": ("http://www.iana.org/assignments/media-types/text/csv",
            "http://publications.europa.eu/resource/authority/file-type/CSV"),
    "jsonld": ("http://www.iana.org/assignments/media-types/application/ld+json",
               "http://publications.europa.eu/resource/authority/file-type/JSON_LD"),
}

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

CPSV_DATASET = {
    "name": "katalog-cpsv",
    "title": gettext_lazy("Katalog služeb a životních situací (CPSV-AP)"),
    "description": gettext_lazy(
        "Celý katalog v jednom souboru JSON-LD podle evropského slovníku veřejných služeb CPSV-AP 3: životní "
        "situace (cv:LifeEvent, cv:BusinessEvent), služby (cpsv:PublicService) s doklady (cv:Evidence), "
        "způsoby podání a pracovišti s úředními hodinami (cv:Channel), poplatky (cv:Cost) a úřady "
        "(cv:PublicOrganisation); každá věc má stálý identifikátor (URI)."),
    "url_name": "opendata:cpsv",
    "format": "jsonld",
}


def build_dcat(published, csv_datasets):
    """The DCAT-AP JSON-LD document for the CSV datasets and the CPSV-AP graph, as a dict."""
    request = published.request
    page = request.build_absolute_uri(reverse("opendata:index"))
    office = published.office
    modified = published.latest_change
    publisher = identifiers.office_uri()
    contact = {"@type": "vcard:Organization", "vcard:fn": office.office_name}
    if office.email:
        contact["vcard:hasEmail"] = ref(f"mailto:{office.email}")

    entries = [
        {"name": dataset.name, "title": dataset.title, "description": dataset.description, "format": "csv",
         "url": request.build_absolute_uri(reverse("opendata:csv", args=[dataset.name]))}
        for dataset in csv_datasets
    ]
    entries.append({**CPSV_DATASET, "url": request.build_absolute_uri(reverse(CPSV_DATASET["url_name"]))})

    graph = [
        {"@id": publisher, "@type": "foaf:Agent", "foaf:name": cs(office.office_name)},
        {"@id": LICENSE, "@type": "dct:LicenseDocument", "dct:title": cs(LICENSE_NAME)},
    ]
    dataset_uris = []
    for entry in entries:
        dataset_uri = identifiers.uri("dataset", entry["name"])
        distribution_uri = identifiers.uri("dataset", entry["name"], entry["format"])
        media_type, file_type = MEDIA_TYPES[entry["format"]]
        dataset_uris.append(dataset_uri)
        dataset = {
            "@id": dataset_uri,
            "@type": "dcat:Dataset",
            "dct:identifier": entry["name"],
            "dct:title": cs(entry["title"]),
            "dct:description": cs(entry["description"]),
            "dct:publisher": ref(publisher),
            "dcat:contactPoint": contact,
            "dct:accrualPeriodicity": ref(FREQUENCY),
            "dcat:theme": ref(THEME),
            "dct:language": ref(LANGUAGE),
            "dcat:keyword": [cs(_("životní situace")), cs(_("služby úřadu")), cs(entry["title"])],
            "dcat:landingPage": ref(f"{page}#{entry['name']}"),
            "dcat:distribution": ref(distribution_uri),
        }
        distribution = {
            "@id": distribution_uri,
            "@type": "dcat:Distribution",
            "dct:title": cs(entry["title"]),
            "dcat:accessURL": ref(entry["url"]),
            "dcat:downloadURL": ref(entry["url"]),
            "dcat:mediaType": ref(media_type),
            "dct:format": ref(file_type),
            "dct:license": ref(LICENSE),
        }
        if entry["format"] == "jsonld":
            distribution["dct:conformsTo"] = ref(CPSV_AP)
        if modified:
            stamp = {"@value": modified.isoformat(timespec="seconds"), "@type": "xsd:dateTime"}
            dataset["dct:modified"] = stamp
            distribution["dct:modified"] = stamp
        graph += [dataset, distribution]

    graph.append({
        "@id": identifiers.uri("catalog", "api"),
        "@type": "dcat:DataService",
        "dct:title": cs(_("API pro čtení stránek a úryvků (Wagtail API v2)")),
        "dcat:endpointURL": ref(request.build_absolute_uri("/api/v2/")),
        "dcat:endpointDescription": ref(f"{page}#api"),
        "dcat:servesDataset": [ref(uri) for uri in dataset_uris],
        "dct:publisher": ref(publisher),
        "dct:license": ref(LICENSE),
    })
    catalog_node = {
        "@id": identifiers.uri("catalog"),
        "@type": "dcat:Catalog",
        "dct:title": cs(_("Otevřená data: %(office)s – životní situace a služby") % {"office": office.office_name}),
        "dct:description": cs(_("Životní situace, služby, pracoviště s úředními hodinami, doklady, formuláře a "
                                "poplatky úřadu jako otevřená data.")),
        "dct:publisher": ref(publisher),
        "dct:language": ref(LANGUAGE),
        "dct:license": ref(LICENSE),
        "foaf:homepage": ref(page),
        "dcat:dataset": [ref(uri) for uri in dataset_uris],
        "dcat:service": ref(identifiers.uri("catalog", "api")),
    }
    if modified:
        catalog_node["dct:modified"] = {"@value": modified.isoformat(timespec="seconds"), "@type": "xsd:dateTime"}
    return {"@context": CONTEXT, "@graph": [catalog_node] + graph}
