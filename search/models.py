"""The public search index of the database backend, pinned results, and the privacy-safe query log.

The query log counts, per ISO week, each scrubbed query (QueryStat) and each search result opened for a query
(OpenedResult): the week, the query, the page and its position, and nothing about who searched.
"""

import secrets

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet


class IndexedDocument(models.Model):
    """One searchable page (situation, service or counter), as the database backend stores it.

    Like an external engine's index, it holds a copy keyed by page id rather than a foreign key: pages leave it
    through the indexing signals, and a rebuild repairs anything missed.
    """

    page_id = models.BigIntegerField(unique=True)
    type = models.CharField(max_length=20, db_index=True)  # a search.result_types.ResultType
    slug = models.CharField(max_length=255)
    title = models.CharField(max_length=255)
    url = models.CharField(max_length=500, db_index=True)  # autocomplete finds the page id of a suggestion
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    audience = models.CharField(max_length=20, blank=True)
    topic = models.CharField(max_length=100, blank=True)
    department = models.CharField(max_length=100, blank=True)
    language = models.CharField(max_length=10, default="cs", db_index=True)  # the page's; its terms are in it
    length = models.PositiveIntegerField(default=0)
    # The document's terms for PostgreSQL's full-text search (search.backends.postings); empty elsewhere.
    search_vector = SearchVectorField(null=True, editable=False)

    def __str__(self):
        return f"{self.type}:{self.slug}"


class IndexedTerm(models.Model):
    """A term of a document with its weight: the field boosts times a dampened term frequency.

    The postings of the database backend where PostgreSQL's full-text search is not available (SQLite).
    """

    document = models.ForeignKey(IndexedDocument, on_delete=models.CASCADE, related_name="terms")
    # The document's language, repeated here so each language's postings are read without a join.
    language = models.CharField(max_length=10, default="cs")
    term = models.CharField(max_length=100)
    weight = models.FloatField()

    class Meta:
        # Postings are read per language and term, strongest first.
        indexes = [models.Index(fields=["language", "term", "-weight"], name="search_lang_term_weight_idx")]


@register_snippet
class PinnedResult(models.Model):
    """An editor's answer to a query: this page comes first whatever the ranking says."""

    query = models.CharField(_("dotaz"), max_length=200,
                             help_text=_("Jak lidé píší; porovnává se bez diakritiky a bez ohledu na tvar slov."))
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("stránka"), on_delete=models.CASCADE,
                             related_name="+")

    panels = [FieldPanel("query"), FieldPanel("page")]

    class Meta:
        verbose_name = _("připnutý výsledek hledání")
        verbose_name_plural = _("připnuté výsledky hledání")

    def __str__(self):
        return f"{self.query} → {self.page}"


class QueryStat(models.Model):
    """How often a normalised, scrubbed query was searched in one ISO week, and how often it found nothing."""

    week = models.DateField(_("týden"), help_text=_("Pondělí týdne podle ISO 8601, v časovém pásmu úřadu."))
    query = models.CharField(_("dotaz"), max_length=200)
    count = models.PositiveIntegerField(_("hledáno"), default=0)
    zero_results = models.PositiveIntegerField(_("bez výsledků"), default=0)
    last_searched = models.DateTimeField(_("naposledy"), auto_now=True)

    class Meta:
        verbose_name = _("hledaný dotaz")
        verbose_name_plural = _("hledané dotazy")
        # The conflict target of querylog's upsert, and the index the weekly reports filter by.
        constraints = [models.UniqueConstraint(fields=["week", "query"], name="search_querystat_week_query")]


class OpenedResult(models.Model):
    """How often a search result (a page) was opened for a scrubbed query in one ISO week.

    `position_sum` adds up the result's 1-based position at each opening, so the average position is
    position_sum / count: a page people open from far down the list deserves a better rank or a pin.
    """

    week = models.DateField(_("týden"))
    query = models.CharField(_("dotaz"), max_length=200)
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("stránka"), on_delete=models.CASCADE,
                             related_name="+")
    count = models.PositiveIntegerField(_("otevřeno"), default=0)
    position_sum = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("otevřený výsledek hledání")
        verbose_name_plural = _("otevřené výsledky hledání")
        constraints = [models.UniqueConstraint(fields=["week", "query", "page"],
                                               name="search_openedresult_week_query_page")]


class IndexState(models.Model):
    """One row whose version changes with every index write, so each process knows when its vocabulary is stale."""

    version = models.PositiveBigIntegerField(default=0)

    @classmethod
    def current(cls):
        return cls.objects.values_list("version", flat=True).first() or 0

    @classmethod
    def bump(cls):
        # A fresh random stamp, not an increment: after a rolled-back write a counter would hand out the
        # same number again for different contents, and a process could keep a stale vocabulary.
        cls.objects.update_or_create(pk=1, defaults={"version": secrets.randbits(62)})
