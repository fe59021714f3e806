from django.urls import path

from . import views

app_name = "opendata"

urlpatterns = [
    path("", views.index, name="index"),
    path("katalog-cpsv.jsonld", views.cpsv_graph, name="cpsv"),
    path("dcat.jsonld", views.dcat_catalog, name="dcat"),
    path("<slug:name>.csv", views.download_csv, name="csv"),
]
