"""The demo loader is idempotent: a second run writes nothing, a changed data file updates what changed."""

import copy

import pytest
from django.core.management import call_command
from wagtail.models import Revision

from navigator.demo.loader import DataError, Loader, read_catalog
from services.models import ServicePage
from situations.models import SituationPage
from tests.czech import czech

pytestmark = pytest.mark.django_db


def test_second_load_changes_nothing():
    revisions = Revision.objects.count()
    report = Loader().run()
    assert not report.changed, str(report)
    assert Revision.objects.count() == revisions


def test_load_command_reports_nothing_changed(capsys):
    call_command("load_demo")
    assert "created 0; updated 0" in capsys.readouterr().out


def test_changed_data_file_updates_and_republishes_only_that_page():
    data = read_catalog()
    changed = copy.deepcopy(data)
    record = next(r for r in changed["situations"]["bydleni"] if r["slug"] == "obecni-byt")
    record["summary"] = "Nové shrnutí pro test."
    revisions = Revision.objects.count()
    report = Loader(data=changed).run()
    # The English translation takes the changed Czech text too (the memory has no translation of it yet).
    assert report.updated == {"situations": 1, "en/situations": 1} and not report.created
    page = czech(SituationPage).get(slug="obecni-byt")
    assert page.summary == "Nové shrnutí pro test." and page.live and not page.has_unpublished_changes
    assert Revision.objects.count() == revisions + 2


def test_changed_service_fee_reaches_the_service_page():
    data = copy.deepcopy(read_catalog())
    record = next(r for r in data["services"] if r["slug"] == "vydani-cestovniho-pasu")
    record["fees"][0]["amount"] = 777
    Loader(data=data).run()
    assert czech(ServicePage).get(slug="vydani-cestovniho-pasu").fees.first().amount == 777


def test_unknown_reference_is_a_clear_error_and_loads_nothing():
    data = copy.deepcopy(read_catalog())
    record = next(r for r in data["situations"]["doklady"] if r["slug"] == "cestovni-pas")
    record["summary"] = "Tohle se nesmí uložit."
    record["steps"][0]["services"] = ["neexistujici-sluzba"]
    with pytest.raises(DataError, match="neexistujici-sluzba"):
        Loader(data=data).run()
    assert czech(SituationPage).get(slug="cestovni-pas").summary != "Tohle se nesmí uložit."


@pytest.mark.parametrize("options", [None, {}, {"jen": "Jediná volba"}, ["osvobozeni", "bezna"]])
def test_a_guide_question_without_two_options_is_a_clear_error_and_loads_nothing(options):
    data = copy.deepcopy(read_catalog())
    record = next(r for r in data["situations"]["urad"] if r["slug"] == "poplatek-ze-psu")
    record["summary"] = "Tohle se nesmí uložit."
    question = next(row for row in record["questions"] if row["key"] == "sazba")
    question["options"] = options
    with pytest.raises(DataError, match="poplatek-ze-psu, question sazba"):
        Loader(data=data).run()
    assert czech(SituationPage).get(slug="poplatek-ze-psu").summary != "Tohle se nesmí uložit."


def test_catalog_meets_the_minimum_counts():
    from services.models import ApplicationForm, CounterPage, Department, RequiredDocument

    assert czech(ServicePage).live().count() >= 45
    assert czech(CounterPage).live().count() >= 10
    assert czech(RequiredDocument).count() >= 35
    assert czech(ApplicationForm).count() >= 15
    assert czech(Department).count() >= 8
    for counter in czech(CounterPage).live():
        assert counter.opening_hours.exists() and counter.exceptions.exists(), counter.slug


def test_source_notes_are_accepted_but_not_loaded_into_the_pages():
    data = copy.deepcopy(read_catalog())
    record = next(r for r in data["services"] if r["slug"] == "overeni-podpisu")
    record["fees"][0]["source"] = "jiný zdroj, jen pro test"
    record["sources"]["competence"] = "jiný zdroj, jen pro test"
    report = Loader(data=data).run()
    # The translations are synchronised again with the Czech record, which changed, though not what they show.
    assert report.updated == {"services": 1, "en/services": 1, "uk/services": 1} and not report.created
    fee = czech(ServicePage).get(slug="overeni-podpisu").fees.get()
    assert (fee.label, fee.amount) == (record["fees"][0]["label"], 50)
