from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from languages.sitemap import LanguageSitemap
from opendata import api as opendata_api
from opendata import urls as opendata_urls
from search import views as search_views
from situations import views as situation_views

from . import views

# The admin, the clerks' front desk, open data, the APIs and the site's files have one address, in Czech.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("dokumenty/", include(wagtaildocs_urls)),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("health/", views.health, name="health"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": LanguageSitemap}}, name="sitemap"),
    path("prepazka/objednavky/", include("booking.desk_urls")),
    path("prepazka/", include("frontdesk.urls")),
    path("otevrena-data/", include("opendata.urls")),
    path("id/", include((opendata_urls.identifier_urlpatterns, "identifiers"))),
    path("api/v2/", opendata_api.api_router.urls),
    path("api/search/", search_views.search_api, name="search_api"),
    path("api/search/autocomplete/", search_views.autocomplete_api, name="search_autocomplete"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# What visitors read is in every language: Czech at these addresses, English under /en/, Ukrainian under /uk/.
urlpatterns += i18n_patterns(
    path("hledat/", search_views.search, name="search"),
    path("hledat/otevrit/", search_views.open_result, name="search_open"),
    path("situace/", situation_views.situation_index, name="situation_index"),
    path("plan/", include("situations.urls")),
    path("zpetna-vazba/", include("feedback.urls")),
    path("objednani/", include("booking.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler404 = "navigator.views.page_not_found"
handler500 = "navigator.views.server_error"
