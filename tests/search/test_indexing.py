"""Publishing, unpublishing, moving and deleting pages, and editing snippets, keep the index right."""

import pytest

from search.backends import get_backend
from search.models import IndexedDocument
from services.models import RequiredDocument, ServicePage
from situations.models import SituationPage, TopicPage

pytestmark = pytest.mark.django_db(transaction=False)


def slugs(query):
    return [hit.slug for hit in get_backend("database").search(query, limit=20).hits]


def test_publishing_a_change_reindexes_the_page(django_capture_on_commit_callbacks):
    page = SituationPage.objects.get(slug="obecni-byt").get_latest_revision_as_object()
    page.lay_terms += ", kvartýr"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert slugs("kvartýr")[:1] == ["obecni-byt"]


def test_unpublishing_and_deleting_remove_the_page(django_capture_on_commit_callbacks):
    page = SituationPage.objects.get(slug="stiznost")
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert "stiznost" not in slugs("stížnost")
    service = ServicePage.objects.get(slug="vyrizeni-stiznosti")
    with django_capture_on_commit_callbacks(execute=True):
        service.delete()
    assert not IndexedDocument.objects.filter(slug="vyrizeni-stiznosti").exists()


def test_moving_a_situation_updates_its_url_and_topic(django_capture_on_commit_callbacks):
    page = SituationPage.objects.get(slug="nalezene-veci")
    with django_capture_on_commit_callbacks(execute=True):
        page.move(TopicPage.objects.get(slug="verejny-prostor"), pos="last-child")
    document = IndexedDocument.objects.get(slug="nalezene-veci")
    assert (document.url, document.topic) == ("/verejny-prostor/nalezene-veci/", "verejny-prostor")


def test_renaming_a_document_reindexes_the_situations_listing_it(django_capture_on_commit_callbacks):
    document = RequiredDocument.objects.get(slug="najemni-smlouva")
    document.lay_names = "podnájemní lejstro"
    with django_capture_on_commit_callbacks(execute=True):
        document.save()
    assert "zmena-trvaleho-pobytu" in slugs("lejstro")


def test_a_failing_index_never_blocks_publishing(monkeypatch, django_capture_on_commit_callbacks, caplog):
    from search.backends.database import DatabaseBackend

    def broken(self, documents):
        raise RuntimeError("index down")

    monkeypatch.setattr(DatabaseBackend, "index", broken)
    page = SituationPage.objects.get(slug="obecni-byt").get_latest_revision_as_object()
    page.summary = "Nové shrnutí."
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert SituationPage.objects.get(slug="obecni-byt").summary == "Nové shrnutí."
    assert "search_index rebuild" in caplog.text


def test_rebuild_command_repairs_the_index():
    from django.core.management import call_command

    IndexedDocument.objects.all().delete()
    call_command("search_index", "rebuild", verbosity=0)
    from services.models import CounterPage

    assert IndexedDocument.objects.count() == (SituationPage.objects.live().count() + ServicePage.objects.live().count()
                                               + CounterPage.objects.live().count())
