from django.urls import path

from . import views

app_name = "opendata"

urlpatterns = [
    path("", views.index, name="index"),
    path("katalog-cpsv.jsonld", views.cpsv_graph, name="cpsv"),
    path("dcat.jsonld", views.dcat_catalog, name="dcat"),
    path("<slug:name>.csv-metadata.json", views.csv_metadata, name="csv_schema"),
    path("<slug:name>.csv", views.download_csv, name="csv"),
]

# The catalogue's and its datasets' stable IRIs (identifiers.KINDS: katalog, datova-sada) answer with their
# DCAT-AP records, as the national catalogue expects of a local catalogue; included under /id/.
identifier_urlpatterns = [
    path("katalog", views.dcat_catalog, name="catalog"),
    path("datova-sada/<slug:name>", views.dataset_record, name="dataset"),
]
