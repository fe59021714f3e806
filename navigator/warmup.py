"""What a worker loads before its first visitor asks: the first page a fresh worker served took a quarter of a
second (the URL patterns and every view module imported, the templates compiled, the search's Ukrainian
dictionaries, the languages' translations and the holidays package's calendars read), and every worker paid it
again on its first page of each kind.

`navigator/wsgi.py` runs `warm_up()` once the application is loaded. gunicorn.conf.py loads the application in
gunicorn's master process before it starts the workers (`preload_app`), so they inherit all of it, and each
worker holds one copy fewer. Nothing here touches the database: a connection opened before the workers are forked
would be shared by all of them.
"""

import gc
import logging
from pathlib import Path

from django.conf import settings
from django.template import TemplateSyntaxError
from django.template.loader import get_template
from django.urls import get_resolver
from django.utils import timezone, translation

from search.analysis import LANGUAGES, analyze
from services.hours import holiday_name

logger = logging.getLogger(__name__)

# Words that make each language's analyser load what it reads on first use (pymorphy3's dictionaries).
_WORDS = {"cs": "občanský průkaz", "en": "identity card", "uk": "посвідчення особи"}


def warm_up():
    get_resolver().url_patterns  # imports every view module, Wagtail's and ours
    for name in site_templates():
        try:
            get_template(name)  # compiled into the cached loader's memory
        except TemplateSyntaxError:
            # The site still starts: the pages that use it answer with an error, and the log says which.
            logger.exception("The template %s does not compile", name)
    today = timezone.localdate()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Životní situace")  # reads the language's catalogues
            holiday_name(today)  # imports the holidays package's calendars (a quarter of a second)
    for language in LANGUAGES:
        analyze(_WORDS.get(language, "test"), language)
    # What is loaded now lives as long as the process: out of the collector's sight, a full collection no longer
    # walks its quarter of a million objects (a tenth of a second, on whichever request it fell), and the pages of
    # memory the workers inherit stay shared with the master, as the collector does not write to them.
    gc.collect()
    gc.freeze()


def site_templates():
    """The names of the project's own templates (the public site's), as the loaders find them."""
    for folder in settings.TEMPLATES[0]["DIRS"]:
        root = Path(folder)
        for path in sorted(root.rglob("*.html")):
            yield path.relative_to(root).as_posix()
