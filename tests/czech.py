"""The demo catalog in Czech, its language of record: a slug names one page or snippet in each language."""

from languages.locales import in_default_language


def czech(model):
    """The model's Czech objects (pages or translatable snippets), to look up by slug and count."""
    return in_default_language(model.objects)
