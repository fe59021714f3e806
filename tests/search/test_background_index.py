"""With TASKS_BACKEND=database a publish's index update waits in the database for a worker process
(`manage.py db_worker`): the page shows the change at once, search finds it once a worker has run the task."""

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from services.models import ServicePage
from tests.czech import czech

pytestmark = pytest.mark.django_db

WORD = "Xylofonové"


@pytest.fixture
def queued(settings):
    settings.TASKS = {"default": {"BACKEND": settings.TASKS_BACKENDS["database"]}}


def found_by_search(client, word):
    return any(WORD in item["title"] for item in client.get("/api/search/", {"q": word}).json()["results"])


def test_the_index_update_waits_for_the_worker_and_the_page_does_not(client_cs, queued,
                                                                      django_capture_on_commit_callbacks):
    service = czech(ServicePage).live().get(slug="hlaseni-trvaleho-pobytu")
    service.title = f"{WORD} hlášení trvalého pobytu"
    with django_capture_on_commit_callbacks(execute=True):
        service.save_revision().publish()
    waiting = DBTaskResult.objects.ready().filter(task_path="search.indexing.reindex_task")
    assert waiting.count() == 1 and service.pk in waiting.get().args_kwargs["args"][0]
    assert WORD in client_cs.get(service.url).content.decode()
    assert not found_by_search(client_cs, WORD)

    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)

    assert DBTaskResult.objects.successful().filter(task_path="search.indexing.reindex_task").count() == 1
    assert found_by_search(client_cs, WORD)


def test_by_default_the_index_is_updated_when_the_publish_commits(client_cs, django_capture_on_commit_callbacks):
    service = czech(ServicePage).live().get(slug="hlaseni-trvaleho-pobytu")
    service.title = f"{WORD} hlášení trvalého pobytu"
    with django_capture_on_commit_callbacks(execute=True):
        service.save_revision().publish()
    assert not DBTaskResult.objects.exists()
    assert found_by_search(client_cs, WORD)
