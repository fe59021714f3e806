"""A legal change that takes effect on a future date: schedule the revision, `publish_scheduled` publishes it."""

import datetime
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from situations.models import SituationPage, TopicPage
from tests.factories import SituationFactory
from tests.czech import czech

pytestmark = pytest.mark.django_db

NEW_RULE = "Od 1. ledna platí nový poplatek za vydání pasu."


def publish_scheduled():
    call_command("publish_scheduled", stdout=StringIO())


def test_a_scheduled_change_of_a_live_situation_shows_only_after_publish_scheduled_runs(client_cs):
    page = czech(SituationPage).get(slug="cestovni-pas")
    takes_effect = timezone.now() + datetime.timedelta(days=30)
    draft = page.get_latest_revision_as_object()
    draft.summary = NEW_RULE
    draft.go_live_at = takes_effect
    draft.save_revision().publish()

    page.refresh_from_db()
    assert page.live and page.scheduled_revision is not None
    assert NEW_RULE not in client_cs.get(page.url).content.decode()

    publish_scheduled()  # too early: nothing happens
    assert NEW_RULE not in client_cs.get(page.url).content.decode()

    with time_machine.travel(takes_effect - datetime.timedelta(minutes=1), tick=False):
        publish_scheduled()  # still a minute too early
    assert NEW_RULE not in client_cs.get(page.url).content.decode()

    with time_machine.travel(takes_effect + datetime.timedelta(minutes=5), tick=False):
        # The date alone publishes nothing: the public page changes when the command runs.
        assert NEW_RULE not in client_cs.get(page.url).content.decode()
        publish_scheduled()
    page = czech(SituationPage).get(pk=page.pk)
    assert page.summary == NEW_RULE and page.scheduled_revision is None
    assert NEW_RULE in client_cs.get(page.url).content.decode()


def test_a_new_situation_scheduled_for_later_is_not_public_until_then(client_cs):
    topic = czech(TopicPage).get(slug="doklady")
    takes_effect = timezone.now() + datetime.timedelta(days=7)
    page = SituationFactory(parent=topic, title="Nový průkaz", slug="novy-prukaz", summary=NEW_RULE,
                            live=False)
    page.go_live_at = takes_effect
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live
    assert client_cs.get("/doklady/novy-prukaz/").status_code == 404

    with time_machine.travel(takes_effect + datetime.timedelta(minutes=1), tick=False):
        publish_scheduled()
    page.refresh_from_db()
    assert page.live
    response = client_cs.get(page.url)
    assert response.status_code == 200 and NEW_RULE in response.content.decode()
