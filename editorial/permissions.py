"""Who may act on which page: Wagtail's tree permissions, narrowed to the pages a user's department owns.

Wagtail grants page permissions on a subtree (GroupPagePermission). Our situations sit under topics and our
services under /sluzby/, while a page belongs to the department named in its `department` field, so the
departments' groups get ordinary permissions on the whole site (see editorial.groups) and this module narrows
them in the one place Wagtail asks, `Page.permissions_for_user()`. Every admin view, action and listing button
(edit, publish, unpublish, delete, move, copy, revisions and revert, locking, bulk actions, the explorer's
actions) asks that tester, so the rule holds everywhere:

- a page owned by a department (OwnedByDepartmentMixin: situations, services, counters) is edited by that department's
  editors and approvers; a page of such a type with no department belongs to the content managers;
- a counter of the office is kept by the department that runs it (its hours and closures); a counter of another
  office has no department and belongs to the content managers;
- every other page (OwnedByContentManagersMixin: home, topics, the catalog and counter indexes) is edited by the
  content managers only; the departments may still add their own pages under a page whose children are all
  department-owned and theirs to add (a topic, the service catalog);
- superusers and the content managers' group act on every page; what each may do (edit, publish…) still comes
  from their Wagtail permissions.

Whether a change goes live without approval follows Wagtail: editors have no publish permission and submit
their changes to the workflow (editorial.models.DepartmentApprovalTask), approvers publish.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import PagePermissionTester

from languages.locales import in_default_language

from .roles import roles_of


class EditorialPermissionTester(PagePermissionTester):
    """Wagtail's answers, and only on pages the user's department (or the content managers' group) owns."""

    def __init__(self, user, page):
        super().__init__(user, page)
        roles, department_id = roles_of(user), owning_department_id(page)
        self.owns_page = roles.may_edit(department_id)
        if self.owns_page and department_id is not None and not user.is_superuser:
            # Keep only the permissions that apply to this department's pages (see EditorialRoles.counts_on).
            self.permissions = {
                perm.permission.codename.rsplit("_", maxsplit=1)[0]
                for perm in self.permission_policy.get_cached_permissions_for_user(user)
                if self.page.path.startswith(perm.page.path) and roles.counts_on(perm.group_id, department_id)
            }

    # Actions on the page itself (can_move, can_copy, can_set_view_restrictions and can_unschedule follow
    # from these in Wagtail's own tester).

    def can_edit(self):
        return self.owns_page and super().can_edit()

    def can_delete(self, ignore_bulk=False):
        return self.owns_page and super().can_delete(ignore_bulk=ignore_bulk)

    def can_publish(self):
        return self.owns_page and super().can_publish()

    def can_unpublish(self):
        return self.owns_page and super().can_unpublish()

    def can_submit_for_moderation(self):
        return self.owns_page and super().can_submit_for_moderation()

    def can_lock(self):
        return self.owns_page and super().can_lock()

    def can_unlock(self):
        return (self.owns_page or self.user_has_lock()) and super().can_unlock()

    def can_reorder_children(self):
        return self.owns_page and super().can_reorder_children()

    # Actions under the page: departments add their own pages where every allowed child is department-owned.

    def can_add_subpage(self):
        return (self.owns_page or self.children_owned_by_departments()) and super().can_add_subpage()

    def can_publish_subpage(self):
        return (self.owns_page or self.children_owned_by_departments()) and super().can_publish_subpage()

    def children_owned_by_departments(self):
        specific_class = self.page.specific_class
        child_models = specific_class.creatable_subpage_models() if specific_class else []
        return bool(child_models) and all(issubclass(model, OwnedByDepartmentMixin) and model.departments_add_pages
                                          for model in child_models)


def owning_department_id(page):
    """The id of the department that owns the page, or None when the content managers own it."""
    if not isinstance(page, OwnedByDepartmentMixin):
        specific_class = getattr(page, "specific_class", None)
        if not (specific_class and issubclass(specific_class, OwnedByDepartmentMixin)):
            return None
        page = page.specific_deferred
    return page.department_id


class DepartmentChoiceFormMixin:
    """The page form offers only the departments the user works for, so nobody hands a page to another
    department or publishes a new page in its name; superusers and content managers choose any department."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("department")
        roles = roles_of(self.for_user)
        if field is not None:
            # The department is the same in every language (languages.links): the Czech one owns the page.
            field.queryset = in_default_language(field.queryset)
        if field is None or self.for_user is None or roles.sees_everything:
            return
        field.queryset = field.queryset.filter(pk__in=roles.departments)
        field.required = True
        if len(roles.departments) == 1:
            field.empty_label = None
            if not self.initial.get("department"):
                self.initial["department"] = next(iter(roles.departments))
        field.help_text = _("Stránku spravuje odbor, jehož editorem nebo schvalovatelem jste.")
        # A short list of one's own departments, not the chooser of every department of the office.
        field.widget = forms.Select(choices=field.choices)

    def clean(self):
        cleaned_data = super().clean()
        department, roles = cleaned_data.get("department"), roles_of(self.for_user)
        publishing = bool(self.data.get("action-publish"))
        if department and publishing and self.for_user is not None and not roles.may_approve(department.pk):
            self.add_error(None, _(
                "Stránky odboru %(department)s zveřejňují jeho schvalovatelé: odešlete stránku ke schválení."
            ) % {"department": department})
        return cleaned_data


class OwnedByContentManagersMixin:
    """A page type that only superusers and the content managers' group edit (mix in before Page)."""

    def permissions_for_user(self, user):
        return EditorialPermissionTester(user, self)


class OwnedByDepartmentMixin(OwnedByContentManagersMixin):
    """A page type owned by the department in its `department` field (mix in before Page).

    `departments_add_pages`: whether a department may add new pages of the type (situations, services), or only
    keep those it is given (counters: a new place of the office is the content managers' decision).

    Its edit form (the class's base_form_class, or Wagtail's page form) is extended with
    DepartmentChoiceFormMixin when the class is defined, so no department-owned page type can forget it.
    """

    departments_add_pages = True

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        # Wagtail gives Page its default form class only when the admin app is ready, after the models.
        form_class = getattr(cls, "base_form_class", None) or WagtailAdminPageForm
        if not issubclass(form_class, DepartmentChoiceFormMixin):
            cls.base_form_class = type(form_class)(
                f"DepartmentOwned{form_class.__name__}", (DepartmentChoiceFormMixin, form_class),
                {"__module__": form_class.__module__},
            )
