"""A translated page or snippet links to the pages and snippets of its own language wherever it can.

wagtail-localize translates a link to a translatable snippet itself (an English page's required document is the
English document). A link to a page it copies from the original, leaving it to be localised when the page is
shown, and many-to-many links it does not touch at all. The site walks its links both ways (the services a
situation's steps use, the situations a service belongs to, the services a counter serves, the A–Z list's
topics), so a translated page must link to pages of its own language, and it does, here:

- whenever a translated page, one of its inline rows or a translated snippet is saved, each link to a page and
  each many-to-many link is pointed at the linked object's version in the same language, if that is live
  (for a snippet, if it exists); otherwise the Czech original stays, and the visitor reads that;
- when a language version of a page is published, unpublished or deleted, the links of that language that
  lead to the page (or its Czech original) are pointed at the best version again, so an English situation
  published before its English service links to the service once that is published.

Links to snippets that are the same in every language (a page's department: it owns the page in every language,
see editorial) are left alone; those are foreign keys to snippets, which this module never touches.
"""

import functools

from django.db.models import ForeignKey
from django.db.models.signals import pre_delete, pre_save
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.models import Page, TranslatableMixin
from wagtail.signals import page_published, page_unpublished

from .locales import DEFAULT_LANGUAGE, locale_id


@functools.cache
def _links_of(model):
    """(foreign keys to pages, many-to-many fields to translatable models) declared by the project's model."""
    if model._meta.app_label.startswith(("wagtail", "django", "taggit")):
        return (), ()
    page_keys, many = [], []
    for field in model._meta.get_fields():
        if getattr(field, "model", None) is Page or not getattr(field, "concrete", False):
            continue
        if getattr(field.remote_field, "parent_link", False):
            continue  # a page type's link to its own Page row (page_ptr) is the page, not a link to one
        if isinstance(field, ForeignKey) and not isinstance(field, ParentalKey) and field.related_model is not None \
                and issubclass(field.related_model, Page):
            page_keys.append(field)
        elif isinstance(field, ParentalManyToManyField) and issubclass(field.related_model, TranslatableMixin):
            many.append(field)
    return tuple(page_keys), tuple(many)


def _parental_key(model):
    return next((field for field in model._meta.get_fields() if isinstance(field, ParentalKey)), None)


def locale_id_of(instance):
    """The locale of a translatable object, or of the translatable object an inline row belongs to."""
    if isinstance(instance, TranslatableMixin):
        return instance.locale_id
    key = _parental_key(type(instance))
    parent = getattr(instance, key.name, None) if key else None
    return locale_id_of(parent) if parent is not None else None


def _locale_lookup(model):
    """The lookup from a row of `model` to the locale it belongs to ("locale", "page__locale", …), or None."""
    if issubclass(model, TranslatableMixin):
        return "locale"
    key = _parental_key(model)
    if key is None:
        return None
    parent = _locale_lookup(key.related_model)
    return f"{key.name}__{parent}" if parent else None


def _is_live(obj):
    return getattr(obj, "live", True)


def versions_in(model, objects, target_locale_id):
    """{pk of each object: its version in the locale}, for those that have a live one (snippets: any)."""
    keys = {obj.pk: obj.translation_key for obj in objects if obj.locale_id != target_locale_id}
    if not keys:
        return {}
    manager = model._default_manager
    candidates = manager.filter(translation_key__in=set(keys.values()), locale_id=target_locale_id)
    if issubclass(model, Page):
        candidates = candidates.filter(live=True)
    by_key = {candidate.translation_key: candidate for candidate in candidates}
    return {pk: by_key[key] for pk, key in keys.items() if key in by_key}


def localize_links(instance):
    """Point the object's links at its own language's versions (in memory; the save that follows writes them)."""
    page_keys, many = _links_of(type(instance))
    if not page_keys and not many:
        return
    own_locale_id = locale_id_of(instance)
    if own_locale_id is None or own_locale_id == _default_locale_id():
        return
    for field in page_keys:
        if getattr(instance, field.attname) is None:
            continue
        page = getattr(instance, field.name)
        found = versions_in(field.related_model, [page], own_locale_id)
        if page.pk in found:
            setattr(instance, field.name, found[page.pk])
    for field in many:
        current = list(getattr(instance, field.name).all())
        found = versions_in(field.related_model, current, own_locale_id)
        if found:
            setattr(instance, field.name, [found.get(obj.pk, obj) for obj in current])


def _default_locale_id():
    return locale_id(DEFAULT_LANGUAGE)


def before_save(sender, instance, raw=False, **kwargs):
    if not raw:
        localize_links(instance)


# ---------------------------------------------------------------------------------------------------------
# When a language version of a page comes or goes, the links of its language follow


@functools.cache
def _referring_fields():
    """Every (model, field) of the project that links to pages and can be told which language it is in."""
    from django.apps import apps

    found = []
    for model in apps.get_models():
        page_keys, many = _links_of(model)
        if _locale_lookup(model) is None:
            continue
        found += [(model, field) for field in page_keys]
        found += [(model, field) for field in many if issubclass(field.related_model, Page)]
    return found


def retarget_links_to(page):
    """Point the links of the page's language that lead to any version of it at the best one: the page itself if
    it is live, else its Czech original."""
    if page.locale_id == _default_locale_id():
        return
    versions = {version.pk: version for version in Page.objects.filter(translation_key=page.translation_key)}
    original = next((v for v in versions.values() if v.locale_id == _default_locale_id()), None)
    best = page if page.live else (original if original is not None and original.live else None)
    if best is None:
        return
    others = [pk for pk in versions if pk != best.pk]
    for model, field in _referring_fields():
        in_language = {f"{_locale_lookup(model)}_id": page.locale_id}
        if isinstance(field, ParentalManyToManyField):
            through = field.remote_field.through
            source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
            rows = model._default_manager.filter(**in_language, **{f"{field.name}__in": others})
            for owner in rows.distinct():
                links = through._default_manager.filter(**{source: owner, f"{target}__in": others})
                if through._default_manager.filter(**{source: owner, target: best}).exists():
                    links.delete()
                else:
                    links.update(**{target: best})
        else:
            model._default_manager.filter(**in_language, **{f"{field.attname}__in": others}).update(
                **{field.attname: best.pk})


def version_published(sender, instance, **kwargs):
    retarget_links_to(instance)


def version_unpublished(sender, instance, **kwargs):
    retarget_links_to(instance)


def version_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live:
        # About to go: its language's links fall back to the Czech original before the rows that hold them do.
        instance.live = False
        retarget_links_to(instance)


def connect():
    pre_save.connect(before_save, dispatch_uid="languages-localize-links")
    page_published.connect(version_published, dispatch_uid="languages-version-published")
    page_unpublished.connect(version_unpublished, dispatch_uid="languages-version-unpublished")
    pre_delete.connect(version_deleted, dispatch_uid="languages-version-deleted")
