"""How many database queries a page costs, counted as a running server pays them."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url):
    """The queries of asking `url` a second time (it must answer 200): the first request warms the site and
    settings caches, as any running server has them."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)
