"""The CSV downloads hold exactly the published catalog, one row per record, readable by any CSV reader."""

import pytest
from wagtail.models import PageViewRestriction

from opendata.exports import DATASETS
from services.models import ApplicationForm, CounterPage, OpeningHours, RequiredDocument, ServiceFee, ServicePage
from situations.models import SituationPage
from tests.czech import czech

from .conftest import csv_rows, download

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("dataset", DATASETS, ids=lambda dataset: dataset.name)
def test_every_file_is_utf8_csv_with_bom_header_and_a_download_name(client_cs, dataset):
    response = download(client_cs, f"/otevrena-data/{dataset.filename}")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{dataset.filename}"'
    assert response["Access-Control-Allow-Origin"] == "*"
    body = response.content
    assert body.startswith(b"\xef\xbb\xbf")
    first_line = body[3:].split(b"\r\n", 1)[0].decode()
    assert first_line == ",".join(dataset.header())


def test_row_counts_match_the_published_catalog(client_cs):
    live_services = czech(ServicePage).live()
    live_counters = czech(CounterPage).live()
    assert len(csv_rows(client_cs, "situace")) == czech(SituationPage).live().count() > 30
    assert len(csv_rows(client_cs, "sluzby")) == live_services.count() > 50
    assert len(csv_rows(client_cs, "pracoviste")) == live_counters.count() > 10
    hours = OpeningHours.objects.filter(counter__in=live_counters)
    assert len(csv_rows(client_cs, "pracoviste-hodiny")) == hours.count()
    assert len(csv_rows(client_cs, "doklady")) == czech(RequiredDocument).count()
    assert len(csv_rows(client_cs, "formulare")) == czech(ApplicationForm).count()
    assert len(csv_rows(client_cs, "poplatky")) == ServiceFee.objects.filter(service__in=live_services).count()


def test_a_service_row_says_what_its_page_says(client_cs):
    service = czech(ServicePage).get(slug="vydani-obcanskeho-prukazu")
    row = {row["slug"]: row for row in csv_rows(client_cs, "sluzby")}[service.slug]
    assert row["uri"] == "https://praha99.example.cz/id/sluzba/vydani-obcanskeho-prukazu"
    assert row["nazev"] == service.title
    assert row["url"] == "http://localhost/sluzby/vydani-obcanskeho-prukazu/"
    assert row["odbor"] == service.department.name
    assert row["pracoviste"].split("|") == [counter.slug for counter in service.counters.live().order_by("title")]
    assert row["doklady"].split("|") == [item.document.slug for item in service.documents.all()]
    assert "obcansky-prukaz" in row["situace"].split("|")

    fees = [row for row in csv_rows(client_cs, "poplatky") if row["sluzba"] == service.slug]
    assert [(row["za_co"], row["castka"], row["kanal"]) for row in fees] == [
        (fee.label, str(fee.amount), str(fee.get_channel_display())) for fee in service.fees.all()]
    assert [row["uri"].rsplit("/", 1)[1] for row in fees] == [str(n) for n in range(1, len(fees) + 1)]


def test_a_fee_row_says_how_often_it_is_paid_what_kind_it_is_and_on_what_it_depends(client_cs):
    rows = {(row["sluzba"], row["za_co"]): row for row in csv_rows(client_cs, "poplatky")}
    dog = rows[("poplatek-ze-psu-ohlaseni", "Jeden pes v bytovém domě")]
    assert (dog["castka"], dog["obdobi"], dog["druh"], dog["skupina_sazeb"], dog["jen_nekdy"]) == (
        "1500.00", "yearly", "fee", "sazba", "false")
    assert dog["podminka"] == "dum = byt; sazba = bezna"
    plate = next(row for (service, _label), row in rows.items()
                 if service == "registrace-vozidla-sluzba" and "na přání" in row["za_co"])
    assert (plate["obdobi"], plate["jen_nekdy"], plate["podminka"]) == ("per_item", "true", "")
    grant = next(row for (service, _label), row in rows.items()
                 if service == "porodne-a-rodicovsky-prispevek" and row["druh"] == "benefit")
    assert grant["castka"] == "13000.00" and grant["podminka"] == "poradi = prvni; porodne = ano"


def test_a_situation_row_lists_the_services_of_its_steps(client_cs):
    situation = czech(SituationPage).get(slug="zmena-trvaleho-pobytu")
    row = {row["slug"]: row for row in csv_rows(client_cs, "situace")}[situation.slug]
    assert row["nazev"] == situation.title
    assert row["oblast"] == "Bydlení a stěhování"
    assert row["pro_koho"] == "Občané"
    expected = []
    for step in situation.steps.all():
        expected += [service.slug for service in step.services.live().order_by("title") if service.slug not in expected]
    assert row["sluzby"].split("|") == expected
    assert row["naposledy_zkontrolovano"] == situation.last_reviewed.isoformat()


def test_counter_hours_are_readable_in_one_file_and_one_interval_a_row_in_the_other(client_cs):
    counter = czech(CounterPage).get(slug="czech-point")
    row = {row["slug"]: row for row in csv_rows(client_cs, "pracoviste")}[counter.slug]
    assert row["uredni_hodiny"].startswith("pondělí 8:00–12:00, 13:00–18:00; úterý 8:00–12:00, 13:00–16:00;")
    assert "24. 12. 2026 zavřeno (Štědrý den – ostatní svátek)" in row["vyjimky"]
    assert row["zemepisna_sirka"] == str(counter.latitude)
    intervals = [(row["den_v_tydnu"], row["od"], row["do"]) for row in csv_rows(client_cs, "pracoviste-hodiny")
                 if row["pracoviste"] == counter.slug]
    assert intervals == [(str(hours.weekday + 1), hours.opens.strftime("%H:%M"), hours.closes.strftime("%H:%M"))
                         for hours in counter.opening_hours.order_by("weekday", "opens")]
    assert intervals[0] == ("1", "08:00", "12:00")


def test_documents_and_forms_name_the_services_that_use_them(client_cs):
    documents = {row["slug"]: row for row in csv_rows(client_cs, "doklady")}
    fetched = czech(RequiredDocument).filter(fetched_by_office=True).first()
    assert documents[fetched.slug]["urad_si_zjisti_sam"] == "true"
    assert "hlaseni-trvaleho-pobytu" in documents["doklad-totoznosti"]["sluzby"].split("|")
    forms = {row["slug"]: row for row in csv_rows(client_cs, "formulare")}
    assert forms["ohlaseni-zmeny-trvaleho-pobytu"]["druh"] == "Online formulář"
    assert forms["ohlaseni-zmeny-trvaleho-pobytu"]["sluzby"] == "hlaseni-trvaleho-pobytu"


def test_unpublished_and_restricted_pages_stay_out(client_cs):
    draft = czech(ServicePage).get(slug="vydani-obcanskeho-prukazu")
    draft.unpublish()
    restricted = czech(ServicePage).get(slug="vydani-cestovniho-pasu")
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="x")
    slugs = {row["slug"] for row in csv_rows(client_cs, "sluzby")}
    assert draft.slug not in slugs and restricted.slug not in slugs
    situation_services = {row["slug"]: row["sluzby"].split("|") for row in csv_rows(client_cs, "situace")}
    assert draft.slug not in situation_services["obcansky-prukaz"]
    assert restricted.slug not in situation_services["cestovni-pas"]
    assert draft.slug not in {row["sluzba"] for row in csv_rows(client_cs, "poplatky")}


def test_commas_quotes_and_line_breaks_survive_the_round_trip(client_cs):
    service = czech(ServicePage).get(slug="overeni-podpisu")
    service.title = 'Ověření „podpisu", s čárkou\na novým řádkem'
    service.save_revision().publish()
    row = {row["slug"]: row for row in csv_rows(client_cs, "sluzby")}[service.slug]
    assert row["nazev"] == service.title


def test_an_unknown_file_is_not_found(client_cs):
    assert client_cs.get("/otevrena-data/neexistuje.csv").status_code == 404
    assert client_cs.post("/otevrena-data/sluzby.csv").status_code == 405
