"""The open data page and its downloads: CSV files, the CPSV-AP graph, the DCAT-AP description."""

import json

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from . import cpsv, dcat, exports
from .published import PublishedContent


def _open(response):
    """Open data may be read by scripts on any site."""
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _jsonld(data, filename):
    body = json.dumps(data, ensure_ascii=False, indent=1)
    response = HttpResponse(body, content_type="application/ld+json; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return _open(response)


@require_safe
def index(request):
    published = PublishedContent(request)
    datasets = [{"dataset": dataset, "rows": len(dataset.rows(published))} for dataset in exports.DATASETS]
    return render(request, "opendata/index.html", {
        "page_title": _("Otevřená data"),
        "datasets": datasets,
        "cpsv": dcat.CPSV_DATASET,
        "license_url": dcat.LICENSE,
        "license_name": dcat.LICENSE_NAME,
        "modified": published.latest_change,
        "office_name": published.office.office_name,
        "base_uri": settings.OPEN_DATA_BASE_URI.rstrip("/"),
        "limit_max": settings.WAGTAILAPI_LIMIT_MAX,
    })


@require_safe
def download_csv(request, name):
    dataset = exports.BY_NAME.get(name)
    if dataset is None:
        raise Http404(_("Takový soubor otevřených dat nemáme."))
    body = exports.write_csv(dataset, PublishedContent(request)).encode("utf-8")
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{dataset.filename}"'
    return _open(response)


@require_safe
def cpsv_graph(request):
    return _jsonld(cpsv.build_graph(PublishedContent(request)), "katalog-cpsv.jsonld")


@require_safe
def dcat_catalog(request):
    return _jsonld(dcat.build_dcat(PublishedContent(request), exports.DATASETS), "dcat.jsonld")
