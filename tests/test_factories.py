"""The test factories make what they say, so the tests that grow the catalog with them really grow it."""

import pytest

from services.models import ServicePage
from situations.models import SituationPage, SituationStep
from tests.factories import CounterFactory, ServiceFactory, SituationFactory, step
from tests.czech import czech

pytestmark = pytest.mark.django_db


def test_a_counter_is_live_under_the_counters_with_its_hours_and_exception():
    counter = CounterFactory()
    counter.refresh_from_db()
    assert counter.live and counter.get_parent().specific_class.__name__ == "CounterIndexPage"
    assert counter.opening_hours.count() == 5 and counter.exceptions.count() == 1


def test_a_complete_service_holds_every_kind_of_thing_a_service_has():
    first, second = ServiceFactory.create_batch(2, complete=True)
    service = czech(ServicePage).get(pk=second.pk)
    assert first.slug != second.slug and service.live
    assert service.channel_online and service.channel_post
    assert sorted(fee.channel for fee in service.fees.all()) == ["any", "online"]
    assert (service.counters.count(), service.forms.count(), service.documents.count(),
            service.legal_references.count()) == (1, 1, 1, 1)
    assert service.counters.get().opening_hours.count() == 5


def test_a_plain_service_has_its_own_counter_and_one_fee():
    service = czech(ServicePage).get(pk=ServiceFactory().pk)
    assert (service.counters.count(), service.fees.count(), service.forms.count()) == (1, 1, 0)


def test_a_situation_is_saved_with_the_rows_it_is_given():
    service = ServiceFactory()
    situation = SituationFactory(steps=[step("Krok", [service])])
    situation = czech(SituationPage).get(pk=situation.pk)
    assert situation.live and situation.get_parent().slug == "urad"
    assert [[page.pk for page in row.chosen_services] for row in situation.steps.all()] == [[service.pk]]
