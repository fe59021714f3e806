from decimal import Decimal
from types import SimpleNamespace

from services.fees import fee_total


class FakeFees(list):
    def all(self):
        return self


def service(pk, *amounts):
    return SimpleNamespace(pk=pk, fees=FakeFees(SimpleNamespace(amount=Decimal(a)) for a in amounts))


def test_fee_rows_of_one_service_are_alternatives_not_a_sum():
    passport = service(1, 600, 100)
    total = fee_total([passport])
    assert (total.minimum, total.maximum) == (100, 600)


def test_a_service_used_by_two_steps_is_paid_once():
    total = fee_total([service(1, 50), service(1, 50), service(2, 0)])
    assert total.exact and total.minimum == 50


def test_no_services_cost_nothing():
    assert fee_total([]).minimum == 0
