"""The open data page and its downloads: CSV files with their CSV on the Web schemas, the CPSV-AP graph, the
DCAT-AP catalogue, and the catalogue's and datasets' stable IRIs, which answer with their records."""

import json

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from . import cpsv, csv_schema, dcat, exports, overview, vocabularies
from .published import PublishedContent


def _open(response):
    """Open data may be read by scripts on any site."""
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _json(data, filename, content_type="application/ld+json"):
    body = json.dumps(data, ensure_ascii=False, indent=1)
    response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return _open(response)


def _dataset(name):
    dataset = exports.BY_NAME.get(name)
    if dataset is None:
        raise Http404(_("Takový soubor otevřených dat nemáme."))
    return dataset


@require_safe
def index(request):
    published = PublishedContent(request)
    return render(request, "opendata/index.html", {
        "page_title": _("Otevřená data"),
        "datasets": overview.overviews(published),
        "cpsv": dcat.CPSV_DATASET,
        "license_url": vocabularies.LICENCE.iri,
        "license_name": vocabularies.LICENCE.labels["cs"],
        "modified": published.latest_change,
        "office_name": published.office.office_name,
        "base_uri": settings.OPEN_DATA_BASE_URI.rstrip("/"),
        "limit_max": settings.WAGTAILAPI_LIMIT_MAX,
    })


@require_safe
def download_csv(request, name):
    dataset = _dataset(name)
    body = exports.write_csv(dataset, PublishedContent(request)).encode("utf-8")
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{dataset.filename}"'
    return _open(response)


@require_safe
def csv_metadata(request, name):
    dataset = _dataset(name)
    return _json(csv_schema.metadata(dataset), dataset.schema_filename, content_type="application/csvm+json")


@require_safe
def cpsv_graph(request):
    return _json(cpsv.build_graph(PublishedContent(request)), dcat.CPSV_DATASET.filename)


@require_safe
def dcat_catalog(request):
    return _json(dcat.build_dcat(PublishedContent(request), exports.DATASETS), "dcat.jsonld")


@require_safe
def dataset_record(request, name):
    """What a dataset's IRI answers: its complete DCAT-AP record, as the national catalogue harvests it."""
    record = dcat.dataset_record(dcat.build_dcat(PublishedContent(request), exports.DATASETS), name)
    if record is None:
        raise Http404(_("Takovou datovou sadu nemáme."))
    return _json(record, f"{name}.jsonld")
