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


def fee_total(required_services, optional_services=()):
    """The range of the total fee.

    A service's fee rows are alternatives (adult or child, in person or online), so one service costs
    between its cheapest and its dearest row. The minimum counts required services at their cheapest; the
    maximum adds optional services and takes every service at its dearest. Each service counts once,
    however many steps use it.
    """
    required = {service.pk: service for service in required_services}
    optional = {service.pk: service for service in optional_services if service.pk not in required}
    minimum = sum((_cheapest(service) for service in required.values()), Decimal(0))
    maximum = sum((_dearest(service) for service in [*required.values(), *optional.values()]), Decimal(0))
    return FeeTotal(minimum, maximum)


def _cheapest(service):
    return min((fee.amount for fee in service.fees.all()), default=Decimal(0))


def _dearest(service):
    return max((fee.amount for fee in service.fees.all()), default=Decimal(0))
