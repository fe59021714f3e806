from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET, require_safe

from .address import absolute


@require_GET
@cache_control(max_age=60 * 60 * 24, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /hledat/",
        f"Sitemap: {absolute('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
@never_cache
def health(request):
    """A load balancer's liveness check: the process answers through the whole middleware stack.

    It touches neither the database nor the cache, so a busy database does not take every worker out of the
    pool at once; it is also the floor the load benchmark (benchmarks/load.sh) compares pages to.
    """
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without context processors' database work, which may be what failed.
    return render(request, "500.html", status=500)
