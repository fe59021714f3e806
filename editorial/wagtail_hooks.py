"""A department added or renamed in the admin gets its editorial groups (or their new names) at once."""

from wagtail import hooks

from services.models import Department

from .groups import ensure_editorial_groups


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def ensure_groups_of_department(request, instance):
    if isinstance(instance, Department):
        ensure_editorial_groups()
