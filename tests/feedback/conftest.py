import time

import pytest
from django.core import signing
from django.urls import reverse

from feedback import tokens
from services.models import ServicePage
from situations.models import SituationPage
from tests.czech import czech

MOVING = "zmena-trvaleho-pobytu"
SUBMIT_URL = "/zpetna-vazba/"


@pytest.fixture(autouse=True)
def generous_rate_limit(settings):
    """Most tests send many answers from one test client; the rate limit has its own tests."""
    settings.FEEDBACK_RATE_LIMIT = (1000, 600)
    settings.FEEDBACK_ADDRESS_LIMIT = (1000, 600)


@pytest.fixture
def moving(db):
    return czech(SituationPage).live().select_related("department").get(slug=MOVING)


@pytest.fixture
def service(moving):
    """A live service of another department than the moving situation's, with an e-mail address."""
    services = czech(ServicePage).live().filter(department__email__gt="")
    services = services.exclude(department=moving.department_id).select_related("department")
    return services.order_by("pk").first()


def old_token(page_id, age):
    """A genuine token for the page, issued `age` seconds ago."""
    issued = signing.b62_encode(int(time.time()) - age)
    return signing.Signer(salt=tokens.SALT).sign(f"{page_id}:{issued}")


def answer(page, **fields):
    """The form fields a citizen sends for the page: a token, the page and the given answers."""
    data = {"page": str(page.pk), "token": tokens.issue(page.pk)}
    data.update({name: value for name, value in fields.items() if value is not None})
    return data


@pytest.fixture
def post(client_cs):
    def send(page, json=False, **fields):
        headers = {"HTTP_ACCEPT": "application/json"} if json else {}
        return client_cs.post(SUBMIT_URL, answer(page, **fields), **headers)

    return send


@pytest.fixture
def thanks_url():
    return reverse("feedback:thanks")
