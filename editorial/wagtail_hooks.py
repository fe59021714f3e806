"""A department added or renamed in the admin gets its editorial groups (or their new names) at once; users
without an uploaded avatar are shown by their initials (editorial.avatars)."""

from wagtail import hooks

from services.models import Department

from .avatars import avatar_url
from .groups import ensure_editorial_groups

hooks.register("get_avatar_url", avatar_url)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def ensure_groups_of_department(request, instance):
    if isinstance(instance, Department):
        ensure_editorial_groups()
