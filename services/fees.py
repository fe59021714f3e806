"""What a citizen pays in total when a situation uses several services."""

from dataclasses import dataclass
from decimal import Decimal


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
