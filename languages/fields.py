"""What a translation copies from its Czech original rather than translating: one declaration for every model."""

from wagtail_localize.fields import SynchronizedField


def same_in_every_language(*names):
    """Fields that hold facts, not words (a slug, an address, a condition on the guide's answers): every
    language version has the Czech value, and a translator neither translates nor overrides it.

    For a model's `override_translatable_fields`, which wagtail-localize merges into what it derives itself
    (text is translated, numbers, dates, choices and links are copied).
    """
    return [SynchronizedField(name, overridable=False) for name in names]
