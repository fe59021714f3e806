"""Every CSV file validates against its CSV on the Web schema: datatypes, required cells, keys, and every slug
that points to another file exists there (the csvw library reads the files the way a reuser's tools would)."""

import csv
import json

import csvw
import pytest

from opendata.exports import DATASETS

from .conftest import download

pytestmark = pytest.mark.django_db


@pytest.fixture
def saved(client_cs, tmp_path):
    """Every CSV file and its schema saved side by side, as a reuser downloads them."""
    for dataset in DATASETS:
        (tmp_path / dataset.filename).write_bytes(download(client_cs, f"/otevrena-data/{dataset.filename}").content)
        (tmp_path / dataset.schema_filename).write_bytes(
            download(client_cs, f"/otevrena-data/{dataset.schema_filename}").content)
    return tmp_path


def validate(folder, dataset):
    """Reads every row of the file (and of the files its keys point to) and checks the foreign keys."""
    group = csvw.TableGroup.from_file(folder / dataset.schema_filename)
    rows = sum(1 for table in group.tables for _row in table.iterdicts(strict=True))
    return rows, group.check_referential_integrity()


def test_every_csv_validates_against_its_schema(saved):
    for dataset in DATASETS:
        rows, keys_hold = validate(saved, dataset)
        assert rows and keys_hold, dataset.name


def test_the_schemas_link_services_situations_counters_and_fees(client_cs):
    links = set()
    for dataset in DATASETS:
        metadata = json.loads(download(client_cs, f"/otevrena-data/{dataset.schema_filename}").content)
        table = metadata["tables"][0]
        assert table["url"] == dataset.filename
        for column in table["tableSchema"]["columns"]:
            assert set(column["titles"]) == {"cs", "en"}, (dataset.name, column["name"])
        for key in table["tableSchema"].get("foreignKeys", []):
            links.add((dataset.filename, key["columnReference"], key["reference"]["resource"]))
    assert {("situace.csv", "sluzby", "sluzby.csv"), ("sluzby.csv", "situace", "situace.csv"),
            ("sluzby.csv", "pracoviste", "pracoviste.csv"), ("pracoviste.csv", "sluzby", "sluzby.csv"),
            ("poplatky.csv", "sluzba", "sluzby.csv"), ("pracoviste-hodiny.csv", "pracoviste", "pracoviste.csv"),
            } <= links


def rewrite_first_row(path, **cells):
    """Saves the file again with some cells of its first row changed."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows[0].update(cells)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)


def test_a_fee_of_an_unknown_service_or_a_wrong_amount_fails_validation(saved):
    fees = next(dataset for dataset in DATASETS if dataset.name == "poplatky")
    original = (saved / fees.filename).read_bytes()

    rewrite_first_row(saved / fees.filename, sluzba="neni-takova-sluzba")
    with pytest.raises(ValueError, match="neni-takova-sluzba"):
        validate(saved, fees)

    (saved / fees.filename).write_bytes(original)
    rewrite_first_row(saved / fees.filename, castka="sto")
    with pytest.raises(ValueError, match="castka"):
        validate(saved, fees)


def test_an_unknown_schema_is_a_404(client_cs):
    assert client_cs.get("/otevrena-data/neni-takovy.csv-metadata.json").status_code == 404
