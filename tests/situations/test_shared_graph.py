"""A situation's graph built by one worker is left in the shared cache for the others (situations.graph): a worker
that has not built it takes it from there, and a publish makes everyone build it anew."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from navigator.kept import forget_everything
from situations import graph
from situations.models import SituationPage, SituationStep
from tests.czech import czech

pytestmark = pytest.mark.django_db

MOVING = "zmena-trvaleho-pobytu"


def reads_steps(queries):
    return any('FROM "situations_situationstep"' in query["sql"] for query in queries.captured_queries)


def test_another_worker_takes_the_graph_from_the_shared_cache(client_cs):
    moving = czech(SituationPage).live().get(slug=MOVING)
    forget_everything()
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        first = client_cs.get(moving.url + "?pruvodce=1&odkud=jina-obec")
    assert reads_steps(queries)
    forget_everything()  # as in a worker that has not built it
    with CaptureQueriesContext(connection) as queries:
        other = client_cs.get(moving.url + "?pruvodce=1&odkud=zahranici")
    assert not reads_steps(queries)
    assert other.status_code == first.status_code == 200
    step = moving.steps.filter(condition="").first()  # shown whatever the answers
    SituationStep.objects.filter(pk=step.pk).update(title="Nahlásit se na úřadě s novým názvem kroku")
    SituationPage.objects.get(pk=moving.pk).save_revision().publish()
    forget_everything()
    html = client_cs.get(moving.url + "?pruvodce=1&odkud=zahranici&bydleni=najem").content.decode()
    assert "Nahlásit se na úřadě s novým názvem kroku" in html


def test_an_unreadable_shared_graph_is_built_again(client_cs, monkeypatch):
    moving = czech(SituationPage).live().get(slug=MOVING)
    forget_everything()
    monkeypatch.setattr(graph, "_shared", lambda version, page: None)
    assert client_cs.get(moving.url + "?pruvodce=1&odkud=jina-obec").status_code == 200
