"""Publishing, unpublishing, moving and deleting pages, and editing snippets, keep the index right."""

import pytest

from search.backends import get_backend
from search.models import IndexedDocument
from services.models import RequiredDocument, ServicePage
from situations.models import SituationPage, TopicPage
from tests.czech import czech

pytestmark = pytest.mark.django_db(transaction=False)


def slugs(query):
    return [hit.slug for hit in get_backend("database").search(query, limit=20).hits]


def test_publishing_a_change_reindexes_the_page(django_capture_on_commit_callbacks):
    page = czech(SituationPage).get(slug="obecni-byt").get_latest_revision_as_object()
    page.lay_terms += ", kvartýr"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert slugs("kvartýr")[:1] == ["obecni-byt"]


def test_unpublishing_and_deleting_remove_the_page(django_capture_on_commit_callbacks):
    page = czech(SituationPage).get(slug="stiznost")
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert not IndexedDocument.objects.filter(page_id=page.pk).exists()
    assert "stiznost" not in [hit.slug for hit in get_backend("database").search("stížnost", language="cs").hits
                              if hit.language == "cs"]
    service = czech(ServicePage).get(slug="vyrizeni-stiznosti")
    translations = list(service.get_translations().live().values_list("pk", flat=True))
    with django_capture_on_commit_callbacks(execute=True):
        service.delete()
    # The language versions are pages of their own: they stay published and searchable until they go too.
    indexed = IndexedDocument.objects.filter(slug="vyrizeni-stiznosti")
    assert sorted(indexed.values_list("page_id", flat=True)) == sorted(translations)
    assert not indexed.filter(language="cs").exists()


def test_moving_a_situation_updates_its_url_and_topic(django_capture_on_commit_callbacks):
    page = czech(SituationPage).get(slug="nalezene-veci")
    with django_capture_on_commit_callbacks(execute=True):
        page.move(czech(TopicPage).get(slug="verejny-prostor"), pos="last-child")
    document = IndexedDocument.objects.get(page_id=page.pk)
    assert (document.url, document.topic) == ("/verejny-prostor/nalezene-veci/", "verejny-prostor")


def test_renaming_a_document_reindexes_the_situations_listing_it(django_capture_on_commit_callbacks):
    document = czech(RequiredDocument).get(slug="najemni-smlouva")
    document.lay_names = "podnájemní lejstro"
    with django_capture_on_commit_callbacks(execute=True):
        document.save()
    assert "zmena-trvaleho-pobytu" in slugs("lejstro")


def test_a_failing_index_never_blocks_publishing(monkeypatch, django_capture_on_commit_callbacks, caplog):
    from search.backends.database import DatabaseBackend

    def broken(self, documents):
        raise RuntimeError("index down")

    monkeypatch.setattr(DatabaseBackend, "index", broken)
    page = czech(SituationPage).get(slug="obecni-byt").get_latest_revision_as_object()
    page.summary = "Nové shrnutí."
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert czech(SituationPage).get(slug="obecni-byt").summary == "Nové shrnutí."
    assert "search_index rebuild" in caplog.text


def test_rebuild_command_repairs_the_index():
    from django.core.management import call_command

    IndexedDocument.objects.all().delete()
    call_command("search_index", "rebuild", verbosity=0)
    from services.models import CounterPage

    assert IndexedDocument.objects.count() == (SituationPage.objects.live().count() + ServicePage.objects.live().count()
                                               + CounterPage.objects.live().count())
