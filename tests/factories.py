"""factory_boy factories for what tests add beside the demo catalog: counters, services, situations and the
snippets they use.

Pages are added under the demo catalog's index pages (the counters' and services' index, the topic "urad"), or
under the `parent` a test passes, and saved live. Each call makes a new title and slug. Child rows (hours, fees,
steps…) are given as lists of unsaved objects, as a page's edit form gives them, and are saved with the page.
"""

from datetime import time
from decimal import Decimal

import factory

from services.models import (
    ApplicationForm,
    CounterException,
    CounterIndexPage,
    CounterPage,
    OpeningHours,
    RequiredDocument,
    ServiceDocument,
    ServiceFee,
    ServiceIndexPage,
    ServiceLegalReference,
    ServicePage,
)
from situations.models import SituationPage, SituationStep, SituationStepService, TopicPage
from tests.czech import czech


class PageFactory(factory.django.DjangoModelFactory):
    """A page saved under `parent` (a page, or a function of none that finds one)."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, parent, **kwargs):
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        return page


class RequiredDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RequiredDocument

    name = factory.Sequence(lambda n: f"Doklad {n}")
    slug = factory.Sequence(lambda n: f"test-doklad-{n}")


class ApplicationFormFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ApplicationForm

    title = factory.Sequence(lambda n: f"Formulář {n}")
    slug = factory.Sequence(lambda n: f"test-formular-{n}")
    url = "https://example.cz/formular"


def working_mornings():
    return [OpeningHours(weekday=day, opens=time(8), closes=time(12)) for day in range(5)]


class CounterFactory(PageFactory):
    """A counter open 8–12 on working days, closed on one Christmas Eve far ahead."""

    class Meta:
        model = CounterPage

    parent = factory.LazyFunction(lambda: czech(CounterIndexPage).get())
    title = factory.Sequence(lambda n: f"Pracoviště {n}")
    slug = factory.Sequence(lambda n: f"test-pracoviste-{n}")
    organisation = "Úřad"
    street = "Ulice 1"
    postcode = "19900"
    city = "Praha 99"
    opening_hours = factory.LazyFunction(working_mornings)
    exceptions = factory.LazyFunction(
        lambda: [CounterException(date="2099-12-24", closed=True, note="Svátek")])


class ServiceFactory(PageFactory):
    """A service at a counter of its own, with one fee; `complete=True` adds every other kind of thing a
    service holds: online and postal channels, a cheaper online fee, a form, a document, a legal reference."""

    class Meta:
        model = ServicePage

    class Params:
        complete = factory.Trait(
            channel_online=True,
            channel_post=True,
            fees=factory.LazyFunction(lambda: [
                ServiceFee(label="Poplatek", amount=Decimal(50)),
                ServiceFee(label="Online", amount=Decimal(30), channel="online"),
            ]),
            forms=factory.LazyFunction(lambda: [ApplicationFormFactory()]),
            documents=factory.LazyFunction(lambda: [ServiceDocument(document=RequiredDocumentFactory())]),
            legal_references=factory.Sequence(
                lambda n: [ServiceLegalReference(act=f"{n}/2000 Sb.", title="zákon")]),
        )

    parent = factory.LazyFunction(lambda: czech(ServiceIndexPage).get())
    title = factory.Sequence(lambda n: f"Služba {n}")
    slug = factory.Sequence(lambda n: f"test-sluzba-{n}")
    provider = "Úřad"
    summary = "Shrnutí."
    counters = factory.LazyFunction(lambda: [CounterFactory()])
    fees = factory.LazyFunction(lambda: [ServiceFee(label="Poplatek", amount=Decimal(50))])


class SituationFactory(PageFactory):
    """A situation under the topic "urad"; its steps, documents and the rest are what the test gives."""

    class Meta:
        model = SituationPage

    parent = factory.LazyFunction(lambda: czech(TopicPage).get(slug="urad"))
    title = factory.Sequence(lambda n: f"Situace {n}")
    slug = factory.Sequence(lambda n: f"test-situace-{n}")
    summary = "Shrnutí."


def step(title, services=(), **fields):
    """An unsaved step that uses these services in this order, for a situation's `steps`."""
    return SituationStep(title=title, service_uses=[SituationStepService(service=service) for service in services],
                         **fields)
