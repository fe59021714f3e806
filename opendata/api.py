"""Wagtail's read-only API v2 at /api/v2/: live pages and the snippets they use, answering in Czech.

Endpoints: pages (every live, public page; the fields each page type shows are its `api_fields`),
departments, required-documents and forms (snippets; Wagtail 8 ships no snippet endpoint, so these are small
BaseAPIViewSet subclasses). JSON only, readable from any origin.

Every endpoint answers in one language: Czech, the catalog of record, unless `?locale=en` or `?locale=uk` asks
for another; each item says its language in `meta.locale`, and a page's or snippet's `slug` is the same in every
language (so is a situation's catalog slug). `?translation_of=<id>` (pages) lists the versions of one page.

Wagtail already refuses most bad parameters with 400; here every refusal gets a Czech message (Wagtail's
English text stays in "detail"), and the cases that would otherwise end in a server error are checked
first: filter values of the wrong type (dates, numbers, choices), NUL characters, numbers too large for the
database, ordering or filtering by a to-many relation, an overlong search.
"""

import re

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.exceptions import NotFound
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.api.v2.filters import FieldsFilter, LocaleFilter, OrderingFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import BaseSerializer, PageLocaleField
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.api.validators import SiteFilterValidator
from wagtail.models import Locale, Page

from navigator.visibility import visible

from languages.locales import in_default_language
from search.query import MAX_QUERY_LENGTH
from services.models import ApplicationForm, Department, RequiredDocument

# The largest id any supported database stores (a signed 64-bit integer).
MAX_ID = 2**63 - 1


class CzechBadRequest(BadRequestError):
    """A refused parameter whose message is already written in Czech here."""


def czech_message(english):
    """Wagtail's English message for a refused parameter, in Czech (a general sentence for ones we do not know)."""
    for pattern, template in _translations():
        match = pattern.match(english)
        if match:
            return template % match.groupdict()
    return _("Neplatný dotaz.")


def _translations():
    return [
        (re.compile(r"^query parameter is not an operation or a recognised field: (?P<names>.+)$"),
         _("Neznámý parametr: %(names)s. Není to operace API ani pole, podle kterého lze filtrovat.")),
        (re.compile(r"^unknown fields: (?P<names>.+)$"), _("Neznámá pole v parametru fields: %(names)s.")),
        (re.compile(r"^fields error: (?P<detail>.+)$"), _("Parametr fields má chybný zápis (%(detail)s).")),
        (re.compile(r"^'(?P<name>.+)' does not support nested fields$"),
         _("Pole %(name)s nemá vnořená pole.")),
        (re.compile(r"^type doesn't exist$"),
         _("Takový typ stránky neexistuje. Použijte např. situations.SituationPage nebo services.ServicePage.")),
        (re.compile(r"^cannot order by '(?P<name>.*)' \((?:unknown|invalid) field\)$"),
         _("Podle „%(name)s“ nelze řadit.")),
        (re.compile(r"^random ordering cannot be combined with other fields$"),
         _("Náhodné pořadí (order=random) nelze kombinovat s jiným řazením.")),
        (re.compile(r"^random ordering with offset is not supported$"),
         _("Náhodné pořadí (order=random) nelze kombinovat s parametrem offset.")),
        (re.compile(r"^(?P<name>child_of|ancestor_of|descendant_of|translation_of) must be a positive integer$"),
         _("Parametr %(name)s musí být id stránky (celé nezáporné číslo).")),
        (re.compile(r"^(parent|descendant|ancestor|translation_of) page doesn't exist$"),
         _("Stránka s tímto id neexistuje nebo není zveřejněná.")),
        (re.compile(r"^filtering by descendant_of with child_of is not supported$"),
         _("Parametry descendant_of a child_of nelze použít současně.")),
        (re.compile(r"^field filter error\. '(?P<value>.*)' is not a valid value for (?P<name>\w+)"),
         _("Hodnota „%(value)s“ není platná pro parametr %(name)s.")),
        (re.compile(r"^search is disabled$"), _("Hledání je v API vypnuté.")),
        (re.compile(r"^filtering by tag with a search query is not supported$"),
         _("Hledání nelze kombinovat s filtrem podle štítků.")),
        (re.compile(r".*rich_text_format", re.IGNORECASE),
         _("Neznámý formát formátovaného textu (parametr rich_text_format).")),
        (re.compile(r".*\bsite\b", re.IGNORECASE), _("Parametr site neodpovídá žádnému webu.")),
    ]


class CatalogPagination(WagtailPagination):
    """Wagtail's limit/offset paging with Czech messages; an offset past the end is an empty page, not a query."""

    def paginate_queryset(self, queryset, request, view=None):
        limit_max = _limit_max()
        offset = _non_negative(request.GET.get("offset", "0"), "offset")
        limit = _non_negative(request.GET.get("limit", str(min(20, limit_max))), "limit")
        if limit > limit_max:
            raise CzechBadRequest(_("Parametr limit smí být nejvýše %(max)s.") % {"max": limit_max})
        self.view = view
        self.total_count = queryset.count()
        if offset >= self.total_count:
            return []
        return queryset[offset:offset + limit]


def _limit_max():
    from django.conf import settings

    return getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20) or 20


def _non_negative(raw, name):
    try:
        value = int(raw)
    except ValueError:
        value = -1
    if value < 0:
        raise CzechBadRequest(_("Parametr %(name)s musí být celé nezáporné číslo.") % {"name": name})
    return value


class CzechAPIViewSetMixin:
    """What every endpoint here shares: JSON only, open to any origin, strict parameters, Czech errors."""

    renderer_classes = [JSONRenderer]
    pagination_class = CatalogPagination

    def handle_exception(self, exc):
        if isinstance(exc, (Http404, NotFound)):
            return Response({"message": _("Nenalezeno.")}, status=status.HTTP_404_NOT_FOUND)
        if isinstance(exc, BadRequestError):
            if isinstance(exc, CzechBadRequest):
                data = {"message": str(exc)}
            else:
                data = {"message": czech_message(str(exc)), "detail": str(exc)}
            return Response(data, status=status.HTTP_400_BAD_REQUEST)
        return super().handle_exception(exc)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    @classmethod
    def get_available_fields(cls, model, db_fields_only=False):
        """For filtering and ordering (db_fields_only), concrete columns and foreign keys only: a to-many
        relation would repeat rows or fail on a value of the wrong type."""
        fields = super().get_available_fields(model, db_fields_only=db_fields_only)
        if not db_fields_only:
            return fields
        return [name for name in fields if _is_filterable(model, name)]

    def check_query_parameters(self, queryset):
        for name, value in self.request.GET.items():
            if "\x00" in name or "\x00" in value:
                raise CzechBadRequest(_("Parametry nesmějí obsahovat znak NUL."))
        super().check_query_parameters(queryset)
        search = self.request.GET.get("search")
        if search is not None and len(search) > MAX_QUERY_LENGTH:
            raise CzechBadRequest(_("Hledaný výraz smí mít nejvýše %(count)s znaků.") % {"count": MAX_QUERY_LENGTH})
        if self.request.GET.get("search_operator", "or") not in ("and", "or"):
            raise CzechBadRequest(_("Parametr search_operator smí být jen and, nebo or."))
        locale = self.request.GET.get("locale")
        if locale is not None and not Locale.objects.filter(language_code=locale).exists():
            raise CzechBadRequest(_("Parametr locale: jazyk „%(code)s“ na webu nemáme.") % {"code": locale})
        filterable = set(self.get_available_fields(queryset.model, db_fields_only=True)) - {"locale"}
        for name, value in self.request.GET.items():
            if name in filterable:
                check_filter_value(queryset.model, name, value)

    def detail_view(self, request, pk):
        if pk > MAX_ID:
            raise Http404
        return super().detail_view(request, pk)

    def find_object(self, queryset, request):
        if "id" in request.GET:
            try:
                pk = int(request.GET["id"])
            except ValueError as error:
                raise CzechBadRequest(_("Parametr id musí být celé nezáporné číslo.")) from error
            if not 0 <= pk <= MAX_ID:
                raise Http404
        return super().find_object(queryset, request)


def _is_filterable(model, name):
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return True  # "id" and other attributes the base viewset knows
    return not (field.many_to_many or field.one_to_many or (field.auto_created and not field.concrete))


def check_filter_value(model, name, value):
    """A filter's value must be valid for the field's type, or the request is refused (in Czech)."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return
    if isinstance(field, models.BooleanField):
        if value not in ("true", "false", "1", "0"):
            raise CzechBadRequest(_("Parametr %(name)s smí být jen true, nebo false.") % {"name": name})
        return
    target = field.target_field if field.is_relation else field
    try:
        python_value = target.to_python(value)
        if python_value is not None:
            target.run_validators(python_value)
    except ValidationError as error:
        raise CzechBadRequest(_("Hodnota parametru %(name)s není platná: %(detail)s")
                              % {"name": name, "detail": " ".join(error.messages)}) from error
    if field.choices:
        allowed = [str(key) for key, _label in field.flatchoices]
        if value not in allowed:
            raise CzechBadRequest(_("Parametr %(name)s smí být jen: %(allowed)s.")
                                  % {"name": name, "allowed": ", ".join(allowed)})


class LanguageFilter(LocaleFilter):
    """?locale=en: the items of that language; without it, the Czech ones (all versions of one page with
    ?translation_of, whatever their language)."""

    def filter_queryset(self, request, queryset, view):
        if "locale" in request.GET or "translation_of" in request.GET:
            return super().filter_queryset(request, queryset, view)
        filtered_by_child_of = getattr(queryset, "_filtered_by_child_of", None)
        queryset = in_default_language(queryset)
        if filtered_by_child_of:
            queryset._filtered_by_child_of = filtered_by_child_of
        return queryset


class CatalogPagesAPIViewSet(CzechAPIViewSetMixin, PagesAPIViewSet):
    """Live, public pages of every type; ?type=situations.SituationPage and the type's fields as filters."""

    filter_backends = [LanguageFilter if backend is LocaleFilter else backend
                       for backend in PagesAPIViewSet.filter_backends]

    def get_base_queryset(self):
        """Every live page of the requested site that this request may see (navigator.visibility)."""
        try:
            site = SiteFilterValidator(site=self.request.GET.get("site"), request=self.request).site_obj
        except ValueError as error:
            raise BadRequestError(str(error)) from error
        if site is None:
            return Page.objects.none()
        # With Wagtail's i18n, the root's translations head the other languages' trees, as in Wagtail's own API.
        roots = [site.root_page]
        if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            roots += list(site.root_page.get_translations())
        in_trees = Q()
        for root in roots:
            in_trees |= Q(path__startswith=root.path)
        return visible(Page.objects.filter(in_trees), self.request)

    def get_queryset(self):
        # Every item says its language: read with the page, not with a query of its own.
        return super().get_queryset().select_related("locale")


class SnippetSerializer(BaseSerializer):
    locale = PageLocaleField(read_only=True)


class SnippetAPIViewSet(CzechAPIViewSetMixin, BaseAPIViewSet):
    """A read-only snippet listing with field filters and ordering, like the pages endpoint has, in one language."""

    base_serializer_class = SnippetSerializer
    filter_backends = [FieldsFilter, OrderingFilter, LanguageFilter]
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(["locale"])
    meta_fields = BaseAPIViewSet.meta_fields + ["locale"]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + ["locale"]
    nested_default_fields = BaseAPIViewSet.nested_default_fields + ["slug"]

    def get_queryset(self):
        return self.model.objects.select_related("locale").order_by("slug")


class DepartmentsAPIViewSet(SnippetAPIViewSet):
    name = "departments"
    model = Department
    body_fields = BaseAPIViewSet.body_fields + ["name", "slug", "description", "email", "phone"]
    listing_default_fields = SnippetAPIViewSet.listing_default_fields + ["name", "slug"]
    nested_default_fields = SnippetAPIViewSet.nested_default_fields + ["name"]


class RequiredDocumentsAPIViewSet(SnippetAPIViewSet):
    name = "required-documents"
    model = RequiredDocument
    body_fields = BaseAPIViewSet.body_fields + ["name", "slug", "lay_names", "description", "how_to_get",
                                                "fetched_by_office"]
    listing_default_fields = SnippetAPIViewSet.listing_default_fields + ["name", "slug", "fetched_by_office"]
    nested_default_fields = SnippetAPIViewSet.nested_default_fields + ["name", "fetched_by_office"]


class FormsAPIViewSet(SnippetAPIViewSet):
    name = "forms"
    model = ApplicationForm
    body_fields = BaseAPIViewSet.body_fields + ["title", "slug", "description", "kind", "link",
                                                "requires_identity", "requires_data_box"]
    listing_default_fields = SnippetAPIViewSet.listing_default_fields + ["title", "slug", "kind", "link"]
    nested_default_fields = SnippetAPIViewSet.nested_default_fields + ["title", "kind", "link"]

    def get_queryset(self):
        return super().get_queryset().select_related("file")


api_router = WagtailAPIRouter("opendata_api")
api_router.register_endpoint("pages", CatalogPagesAPIViewSet)
api_router.register_endpoint("departments", DepartmentsAPIViewSet)
api_router.register_endpoint("required-documents", RequiredDocumentsAPIViewSet)
api_router.register_endpoint("forms", FormsAPIViewSet)
