"""The snippets that pages show, declared once by the app that owns them.

Saving or deleting such a snippet changes what pages say, so whoever keeps something derived from pages reacts:
the page cache (navigator.pagecache) drops its kept pages, search (search.indexing) indexes the pages anew. The
owning app marks its models with the `shown_on_pages` decorator; the readers ask `snippets_shown_on_pages()`
once the app registry is ready, so neither needs to import the other.
"""

_shown = []


def shown_on_pages(model):
    """A class decorator: pages show this snippet model, so a change to one of its objects changes pages."""
    if model not in _shown:
        _shown.append(model)
    return model


def snippets_shown_on_pages():
    return tuple(_shown)
