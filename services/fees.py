"""What a citizen pays: the fee rows of the services a checklist uses, and the total."""

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class FeeRow:
    """One fee of a service, as a fee table shows it."""

    service: object  # the ServicePage
    fee: object  # its ServiceFee
    # The service is used only by steps not everyone takes, so the fee may not apply.
    optional: bool = False
    # On a service's first row, how many rows the service has (a table's rowspan); 0 on the others.
    span: int = 0


def fee_rows(services, optional=frozenset()):
    """The fee rows of the services in their order; `optional` holds the pks of the services not everyone uses."""
    rows = []
    for service in services:
        fees = list(service.fees.all())
        rows += [FeeRow(service, fee, service.pk in optional, len(fees) if index == 0 else 0)
                 for index, fee in enumerate(fees)]
    return rows


@dataclass(frozen=True)
class FeeTotal:
    minimum: Decimal
    maximum: Decimal

    @property
    def exact(self):
        return self.minimum == self.maximum


def fee_total(required_services):
    """The range of the total fee for the services every person in the situation must use.

    A service's fee rows are alternatives (adult or child, in person or online, first dog or second), so one
    service costs between its cheapest and its dearest row. Each service counts once, however many steps use
    it. Services of optional steps are left out: whether they apply depends on the person.
    """
    services = {service.pk: service for service in required_services}.values()
    minimum = sum((min(_amounts(service), default=Decimal(0)) for service in services), Decimal(0))
    maximum = sum((max(_amounts(service), default=Decimal(0)) for service in services), Decimal(0))
    return FeeTotal(minimum, maximum)


def _amounts(service):
    return [fee.amount for fee in service.fees.all()]
